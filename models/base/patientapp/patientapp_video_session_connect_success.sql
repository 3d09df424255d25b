MODEL (
    name analytics.patientapp_video_session_connect_success,
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
    tags (base, patientapp, videos, care),
    audits (unique_values(columns := (
            event_id
    )), not_null(columns := (event_id, user_id, "timestamp"))),
    description 'One row per video session the patient app connected (Segment source patientapp, table video_session_connect_success): the oldest video era, before 2017-11-01 (videos_started applies the era cut-off); the patient is known, the episode and practitioner are not. Empty when the history starts after that era. Duplicate Segment deliveries are dropped, keeping the first received. Hourly intervals with a 72-hour lookback for late deliveries.'
);

WITH events AS (
    SELECT
        id
        , user_id
        , "timestamp"
        , received_at
    FROM patientapp.video_session_connect_success
    WHERE
        "timestamp" BETWEEN @start_ts AND @end_ts AND NOT id IS NULL AND NOT user_id IS NULL
), deduplicated AS (
    SELECT
        id
        , user_id
        , "timestamp"
    FROM events
    QUALIFY
        ROW_NUMBER() OVER (PARTITION BY id ORDER BY received_at, "timestamp") = 1
)
SELECT
    id::TEXT AS event_id /* Segment event id */
    , user_id::TEXT AS user_id /* Scribe user id of the patient */
    , "timestamp"::TIMESTAMPTZ AS "timestamp" /* Time the video session connected (UTC) */
    , @to_est("timestamp")::TIMESTAMP AS timestamp_est /* Time the video session connected, Montreal local time (naive) */
FROM deduplicated
