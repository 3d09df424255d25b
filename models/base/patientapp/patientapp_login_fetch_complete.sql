MODEL (
    name analytics.patientapp_login_fetch_complete,
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
    tags (base, patientapp, activity),
    audits (unique_values(columns := (
            event_id
    )), not_null(columns := (event_id, user_id, "timestamp"))),
    description 'One row per completed login to the patient app (Segment source patientapp, table login_fetch_complete). user_id is the Segment user id, else the anonymous id of the session (a login whose user was not identified yet). Duplicate Segment deliveries are dropped (first received kept). Hourly intervals, computed up to 06:00 UTC (the morning Segment load) by the 07:00 UTC run, with a 72-hour lookback for late deliveries.'
);

WITH logins AS (
    SELECT
        id
        , anonymous_id
        , user_id
        , "timestamp"
        , received_at
    FROM patientapp.login_fetch_complete
    WHERE
        "timestamp" BETWEEN @start_ts AND @end_ts
), deduplicated AS (
    SELECT
        id
        , anonymous_id
        , user_id
        , "timestamp"
    FROM logins
    QUALIFY
        ROW_NUMBER() OVER (PARTITION BY id ORDER BY received_at, "timestamp") = 1
)
SELECT
    id::TEXT AS event_id /* Segment event id */
    , COALESCE(user_id, anonymous_id)::TEXT AS user_id /* Scribe user id who logged in, else the Segment anonymous id of the session */
    , "timestamp"::TIMESTAMPTZ AS "timestamp" /* Time the login completed (UTC) */
    , @to_est("timestamp")::TIMESTAMP AS timestamp_est /* Time the login completed, Montreal local time (naive) */
FROM deduplicated
