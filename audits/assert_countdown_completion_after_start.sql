AUDIT (
    name assert_countdown_completion_after_start,
    blocking FALSE
);

/* A questionnaire instance is completed at or after it started. Non-blocking: the events are timed
   by the patient's device, so a completion timed before its start is data the loaders really
   deliver; the model leaves completion_time null for it and keeps running. Returns the offending
   instances. */
SELECT
    qnaire_tid
    , started_at
    , completed_at
FROM @this_model
WHERE
    completed_at < started_at
