MODEL (
    name analytics.careplatform_video_stream_ended,
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
    tags (base, careplatform, videos, care),
    audits (
        unique_values(columns := (
            event_id
        ))
        , not_null(columns := (event_id, practitioner_id, "timestamp"))
    ),
    description 'One row per video session destroyed in the Care Platform (Segment source careplatform, table video_destroy_session): the end events of the 2018-04-10 to 2019-05-10 18:21:55 UTC video era (videos_detailed applies the era cut-off). Empty when the history starts after that era. Duplicate Segment deliveries are dropped, keeping the first received. Hourly intervals with a 72-hour lookback for late deliveries.'
);

WITH events AS (
    SELECT
        id
        , user_id
        , "timestamp"
        , received_at
        , episode_id
    FROM careplatform.video_destroy_session
    WHERE
        "timestamp" BETWEEN @start_ts AND @end_ts AND NOT id IS NULL AND NOT user_id IS NULL
), deduplicated AS (
    SELECT
        id
        , user_id
        , "timestamp"
        , episode_id
    FROM events
    QUALIFY
        ROW_NUMBER() OVER (PARTITION BY id ORDER BY received_at, "timestamp") = 1
)
SELECT
    id::TEXT AS event_id /* Segment event id */
    , user_id::TEXT AS practitioner_id /* Scribe user id of the practitioner who ended the session */
    , "timestamp"::TIMESTAMPTZ AS "timestamp" /* Time the session ended (UTC) */
    , @to_est("timestamp")::TIMESTAMP AS timestamp_est /* Time the session ended, Montreal local time (naive) */
    , episode_id::TEXT AS episode_id /* Episode of the video */
FROM deduplicated
