MODEL (
    name analytics.patientapp_create_account_success,
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
    tags (base, patientapp, signup),
    audits (unique_values(columns := (
            event_id
    )), not_null(columns := (event_id, "timestamp", user_id))),
    description 'One row per patient account created at the end of the sign-up flow (Segment source patientapp, table create_account_success). Only rows with a user id, as in the original. Duplicate Segment deliveries are dropped (first received kept). Hourly intervals, computed up to 06:00 UTC (the morning Segment load) by the 07:00 UTC run, with a 72-hour lookback for late deliveries.'
);

WITH events AS (
    SELECT
        id
        , anonymous_id
        , user_id
        , "timestamp"
        , received_at
    FROM patientapp.create_account_success
    WHERE
        "timestamp" BETWEEN @start_ts AND @end_ts AND NOT user_id IS NULL
), deduplicated AS (
    SELECT
        id
        , anonymous_id
        , user_id
        , "timestamp"
    FROM events
    QUALIFY
        ROW_NUMBER() OVER (PARTITION BY id ORDER BY received_at, "timestamp") = 1
)
SELECT
    id::TEXT AS event_id /* Segment event id */
    , anonymous_id::TEXT AS anonymous_id /* Segment anonymous id of the app session (set before sign-up) */
    , user_id::TEXT AS user_id /* Scribe user id, null before the person signed up */
    , "timestamp"::TIMESTAMPTZ AS "timestamp" /* Time of the event (UTC) */
    , @to_est("timestamp")::TIMESTAMP AS timestamp_est /* Time of the event, Montreal local time (naive) */
FROM deduplicated
