MODEL (
    name analytics.countdown_cc_confirmed,
    kind INCREMENTAL_BY_TIME_RANGE (
        time_column "timestamp",
        lookback 72,
        batch_size 744
    ),
    cron '0 6 * * *',
    interval_unit 'hour',
    owner analytics,
    grain question_tid,
    tags (transform, countdown, care),
    audits (
        unique_values(columns := (
            question_tid
        ))
        , not_null(columns := (question_tid, episode_id, "timestamp", is_cc_confirmed))
    ),
    description 'One row per answer to the Countdown chief-complaint confirmation question (question cc_confirmation): the patient confirms the chief complaint DXA proposed (the answer label is the cc code) or picks cc_confirmation_other, which means not confirmed. Hourly intervals on the reply time computed up to 06:00 UTC (the morning Segment load) by the 07:00 UTC run, since every consumer is rebuilt at 07:00 only, with the same 72-hour lookback as the replies base for late Segment events.'
);

WITH replies AS (
    SELECT
        event_id
        , episode_id
        , user_id
        , "timestamp"
        , qnaire_tid
        , question_tid
        , reply_label_first
    FROM analytics.countdown_question_replied
    WHERE
        "timestamp" BETWEEN @start_ts AND @end_ts
        AND question_id = 'cc_confirmation'
        AND NOT episode_id IS NULL
)
SELECT
    question_tid::TEXT AS question_tid /* Question instance id of the confirmation question */
    , event_id::TEXT AS event_id /* Segment event id of the reply */
    , episode_id::TEXT AS episode_id /* Episode (messaging channel) */
    , user_id::TEXT AS user_id /* Scribe user id of the patient who answered */
    , qnaire_tid::TEXT AS qnaire_tid /* Questionnaire instance id */
    , reply_label_first::TEXT AS cc_code /* The answer label: the confirmed cc code, or cc_confirmation_other when the patient rejected it */
    , (
        COALESCE(reply_label_first, 'cc_confirmation_other') <> 'cc_confirmation_other'
    )::BOOLEAN AS is_cc_confirmed /* The patient confirmed the proposed chief complaint (false for cc_confirmation_other or no label) */
    , "timestamp"::TIMESTAMPTZ AS "timestamp" /* Time of the answer (UTC) */
    , @to_est("timestamp") AS timestamp_est /* Time of the answer, Montreal local time (naive) */
FROM replies
