MODEL (
    name analytics.patientapp_answer_submitted,
    kind INCREMENTAL_BY_TIME_RANGE (
        time_column "timestamp",
        lookback 72,
        batch_size 744
    ),
    cron '0 6 * * *',
    interval_unit 'hour',
    signals (
        delivered()
    ),
    owner analytics,
    grain event_id,
    tags (base, patientapp, care),
    audits (
        unique_values(columns := (
            event_id
        ))
        , not_null(columns := (event_id, episode_id, "timestamp"))
        , accepted_range("column" := rating, min_v := 0, max_v := 5)
    ),
    description 'One row per answer a patient submitted in the patient app (Segment source patientapp, table submit_answer_post_request), in practice the 0-5 star rating of an episode. The raw answers text looks like [4]; rating is its integer, null when the text holds no single number. Duplicate Segment deliveries are dropped (first received kept). Hourly intervals, computed up to 06:00 UTC (the morning Segment load) by the 07:00 UTC run, since every consumer is rebuilt at 07:00 only, with a 72-hour lookback for late deliveries.'
);

WITH answers AS (
    SELECT
        id
        , channel_id
        , user_id
        , answers
        , "timestamp"
        , received_at
    FROM patientapp.submit_answer_post_request
    WHERE
        "timestamp" BETWEEN @start_ts AND @end_ts AND NOT channel_id IS NULL
), deduplicated AS (
    SELECT
        id
        , channel_id
        , user_id
        , answers
        , "timestamp"
        , TRIM(REPLACE(REPLACE(REPLACE(answers, '[', ''), ']', ''), '"', '')) AS answer_text
    FROM answers
    QUALIFY
        ROW_NUMBER() OVER (PARTITION BY id ORDER BY received_at, "timestamp") = 1
)
SELECT
    id::TEXT AS event_id /* Segment event id */
    , channel_id::TEXT AS episode_id /* Episode (messaging channel) the answer is about */
    , user_id::TEXT AS user_id /* Patient who answered */
    , answers::TEXT AS answers /* Raw answers text, e.g. [4] */
    , CASE WHEN answer_text IN ('0', '1', '2', '3', '4', '5') THEN answer_text::INT END AS rating /* Star rating 0-5 parsed from answers; null when not a single digit 0-5 */
    , "timestamp"::TIMESTAMPTZ AS "timestamp" /* Time the answer was submitted (UTC) */
    , @to_est("timestamp")::TIMESTAMP AS timestamp_est /* Time the answer was submitted, Montreal local time (naive) */
FROM deduplicated
