MODEL (
    name analytics.unresponsive_nudge,
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
    tags (base, unresponsive, care),
    audits (
        unique_values(columns := (
            event_id
        ))
        , not_null(columns := (event_id, episode_id, "timestamp", iteration))
    ),
    description 'One row per nudge sent to an unresponsive patient by the unresponsive-patient workflow (Segment source unresponsive, table nudge); iteration 1 is the first nudge of a workflow. Duplicate Segment deliveries are dropped (first received kept). Hourly intervals, computed up to 06:00 UTC (the morning Segment load) by the 07:00 UTC run, since every consumer is rebuilt at 07:00 only, with a 72-hour lookback for late Segment deliveries.'
);

WITH nudges AS (
    SELECT
        id
        , episode_id
        , user_id
        , iteration
        , "timestamp"
        , received_at
    FROM unresponsive.nudge
    WHERE
        "timestamp" BETWEEN @start_ts AND @end_ts AND NOT episode_id IS NULL
), deduplicated AS (
    SELECT
        id
        , episode_id
        , user_id
        , iteration
        , "timestamp"
    FROM nudges
    QUALIFY
        ROW_NUMBER() OVER (PARTITION BY id ORDER BY received_at, "timestamp") = 1
)
SELECT
    id::TEXT AS event_id /* Segment event id */
    , episode_id::TEXT AS episode_id /* Episode (messaging channel) of the unresponsive patient */
    , user_id::TEXT AS user_id /* Patient who was nudged */
    , iteration::INT AS iteration /* Rank of the nudge within the workflow (1 = first nudge) */
    , "timestamp"::TIMESTAMPTZ AS "timestamp" /* Time the nudge was sent (UTC) */
    , @to_est("timestamp")::TIMESTAMP AS timestamp_est /* Time the nudge was sent, Montreal local time (naive) */
    , @to_utc("timestamp")::DATE AS date_day /* UTC day of the nudge */
    , @to_est("timestamp")::DATE AS date_day_est /* Montreal local day of the nudge */
FROM deduplicated
