AUDIT (
    name assert_chats_none_today,
    blocking TRUE
);

/* Invariant: the model holds no row for the current
   (incomplete) Montreal local day of the run, or any later day. Returns those rows. */
SELECT
    episode_id
    , date_day_est
FROM @this_model
WHERE
    date_day_est >= @to_est(@execution_ts::TIMESTAMPTZ)::DATE
