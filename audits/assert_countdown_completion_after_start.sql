AUDIT (
    name assert_countdown_completion_after_start
);

/* A questionnaire instance is never completed before it started: completion_time is never
   negative. Returns the offending instances. */
SELECT
    qnaire_tid
    , started_at
    , completed_at
    , completion_time
FROM @this_model
WHERE
    completion_time < 0
