MODEL (
    name analytics.unresponsive_snooze_workflow_finished,
    kind INCREMENTAL_BY_TIME_RANGE (
        time_column workflow_finished_at,
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
        , not_null(columns := (event_id, episode_id, workflow_finished_at))
    ),
    description 'One row per unresponsive-patient workflow that gave up on an episode after its nudges went unanswered (Segment source unresponsive, table giveup); user_id is the patient. Duplicate Segment deliveries are dropped (first received kept). Hourly intervals, computed up to 06:00 UTC (the morning Segment load) by the 07:00 UTC run, with a 72-hour lookback for late Segment deliveries, like unresponsive_nudge. The unique and not-null audits are additions (the original had no test).'
);

WITH giveups AS (
    SELECT
        id
        , episode_id
        , user_id
        , "timestamp"
        , received_at
    FROM unresponsive.giveup
    WHERE
        "timestamp" BETWEEN @start_ts AND @end_ts AND NOT episode_id IS NULL
), deduplicated AS (
    SELECT
        id
        , episode_id
        , user_id
        , "timestamp"
    FROM giveups
    QUALIFY
        ROW_NUMBER() OVER (PARTITION BY id ORDER BY received_at, "timestamp") = 1
)
SELECT
    id::TEXT AS event_id /* Segment event id */
    , "timestamp"::TIMESTAMPTZ AS workflow_finished_at /* Time the workflow gave up (UTC) */
    , @to_est("timestamp")::TIMESTAMP AS timestamp_est /* Time the workflow gave up, Montreal local time (naive) */
    , @to_utc("timestamp")::DATE AS date_day /* UTC day the workflow gave up */
    , @to_est("timestamp")::DATE AS date_day_est /* Montreal local day the workflow gave up */
    , user_id::TEXT AS user_id /* Patient who never answered the nudges */
    , episode_id::TEXT AS episode_id /* Episode (messaging channel) the workflow gave up on */
FROM deduplicated
