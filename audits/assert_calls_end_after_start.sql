AUDIT (
    name assert_calls_end_after_start,
    blocking FALSE
);

/* A phone call ends at or after it starts. Non-blocking: start and end events come from the
   telephony service as delivered, and the model leaves call_duration null for such a call and keeps
   running. Returns the offending calls. */
SELECT
    call_id
    , user_id
    , started_at
    , ended_at
FROM @this_model
WHERE
    ended_at < started_at
