MODEL (
    name analytics.messaging_dxa_cc,
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
    tags (base, messaging, care),
    audits (unique_values(columns := (
            event_id
    )), not_null(columns := (event_id, "timestamp"))),
    description 'One row per manual DXA launch typed by a care-team member in the chat (`/q dxa <cc code>`, Segment source messaging, table dxa_cc). Only events after 2018-11-08 15:07 UTC, when the tracking started (earlier launches were typed in the legacy Mattermost chat; their backfill seed is not part of this project). Duplicate Segment deliveries of the same event id are dropped, keeping the first received. Hourly intervals computed up to 06:00 UTC (the morning Segment load) by the 07:00 UTC run, since every consumer is rebuilt at 07:00 only; the 72-hour lookback picks up late Segment deliveries.'
);

WITH launches AS (
    SELECT
        id
        , user_id
        , "timestamp"
        , received_at
        , episode_id
        , cc
    FROM messaging.dxa_cc
    WHERE
        "timestamp" BETWEEN @start_ts AND @end_ts AND "timestamp" > '2018-11-08 15:07:00+00'::TIMESTAMPTZ
), deduplicated AS (
    SELECT
        id
        , user_id
        , "timestamp"
        , episode_id
        , cc
    FROM launches
    QUALIFY
        ROW_NUMBER() OVER (PARTITION BY id ORDER BY received_at, "timestamp") = 1
)
SELECT
    id::TEXT AS event_id /* Segment event id */
    , episode_id::TEXT AS episode_id /* Episode (messaging channel) in which DXA was launched */
    , user_id::TEXT AS user_id /* Scribe user id of the care-team member who launched DXA */
    , LOWER(TRIM(cc))::TEXT AS cc /* Chief complaint code typed after /q dxa (lower-cased, trimmed) */
    , "timestamp"::TIMESTAMPTZ AS "timestamp" /* Time of the launch (UTC) */
    , @to_est("timestamp") AS timestamp_est /* Time of the launch, Montreal local time (naive) */
FROM deduplicated
