MODEL (
    name analytics.careplatform_sidebar_clicked,
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
    tags (base, careplatform, product),
    audits (unique_values(columns := (
            event_id
    )), not_null(columns := (event_id, episode_id, "timestamp"))),
    description 'One row per click of a practitioner in the episode sidebar navigation of the Care Platform (Segment source careplatform, table sidebar_nav_clicked). Duplicate Segment deliveries are dropped (first received kept); test users are kept, as in the original. Hourly intervals, computed up to 06:00 UTC (the morning Segment load) by the 07:00 UTC run, with a 72-hour lookback for late deliveries: an append-only Segment event table that grows with every Care Platform session, with the same late arrivals as the other Care Platform events. Differs from the original (a bare select * over the loader table): only the named columns are exposed.'
);

WITH events AS (
    SELECT
        id
        , user_id
        , episode_id
        , "timestamp"
        , received_at
    FROM careplatform.sidebar_nav_clicked
    WHERE
        "timestamp" BETWEEN @start_ts AND @end_ts
), deduplicated AS (
    SELECT
        id
        , user_id
        , episode_id
        , "timestamp"
    FROM events
    QUALIFY
        ROW_NUMBER() OVER (PARTITION BY id ORDER BY received_at, "timestamp") = 1
)
SELECT
    id::TEXT AS event_id /* Segment event id */
    , user_id::TEXT AS user_id /* Practitioner (Scribe user id) */
    , episode_id::TEXT AS episode_id /* Episode open when the sidebar was clicked */
    , "timestamp"::TIMESTAMPTZ AS "timestamp" /* Time of the event (UTC) */
    , @to_est("timestamp")::TIMESTAMP AS timestamp_est /* Time of the event, Montreal local time (naive) */
    , @to_utc("timestamp")::DATE AS date_day /* UTC day of the event */
    , @to_est("timestamp")::DATE AS date_day_est /* Montreal local day of the event */
FROM deduplicated
