MODEL (
    name analytics.careplatform_pages,
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
    tags (base, careplatform, care),
    audits (
        unique_values(columns := (
            event_id
        ))
        , unique_combination_of_columns(columns := (user_id, "timestamp"))
        , not_null(columns := (event_id, user_id, "timestamp"))
    ),
    description 'One row per Care Platform page view (Segment page calls, source careplatform, table pages) by a care-team member. Rows without a user are dropped; duplicates are dropped keeping the first received row per (user_id, timestamp), which also absorbs re-delivered event ids. Hourly intervals computed up to 06:00 UTC (the morning Segment load) by the 07:00 UTC run, since every consumer is rebuilt at 07:00 only; the 72-hour lookback picks up late Segment deliveries.'
);

WITH pages AS (
    SELECT
        id
        , user_id
        , "timestamp"
        , received_at
        , path
        , episode_id
    FROM careplatform.pages
    WHERE
        "timestamp" BETWEEN @start_ts AND @end_ts AND NOT user_id IS NULL AND NOT id IS NULL
), deduplicated AS (
    SELECT
        id
        , user_id
        , "timestamp"
        , path
        , episode_id
    FROM pages
    QUALIFY
        ROW_NUMBER() OVER (PARTITION BY user_id, "timestamp" ORDER BY received_at, id) = 1
)
SELECT
    id::TEXT AS event_id /* Segment event id of the page call */
    , user_id::TEXT AS user_id /* Scribe user id of the practitioner viewing the page */
    , "timestamp"::TIMESTAMPTZ AS "timestamp" /* Time of the page view (UTC) */
    , @to_est("timestamp")::TIMESTAMP AS timestamp_est /* Time of the page view, Montreal local time (naive) */
    , @to_utc("timestamp")::DATE AS date_day /* UTC day of the page view */
    , @to_est("timestamp")::DATE AS date_day_est /* Montreal local day of the page view */
    , path::TEXT AS path /* Page path, e.g. /chat/<user>/<episode>, /consult/<user>/<episode> or a dashboard page */
    , episode_id::TEXT AS episode_id /* Episode property of the page call, when the app sent one */
FROM deduplicated
