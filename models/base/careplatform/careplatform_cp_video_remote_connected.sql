MODEL (
    name analytics.careplatform_cp_video_remote_connected,
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
        , not_null(columns := (event_id, user_id, "timestamp", episode_id))
    ),
    description 'One row per video session in which the patient connected, seen from the Care Platform (Segment source careplatform, table cp_video_session_remote_connected; named careplatform_cp_video_session_remote_connected in the original, shortened because 46 characters leave no room on Postgres for the _schema_tmp table SQLMesh migrates incremental tables through): the 2017-11-01 to 2018-04-10 video era (videos_started applies the era cut-offs). Rows without an episode are dropped. Empty when the history starts after that era. Duplicate Segment deliveries are dropped, keeping the first received. Hourly intervals with a 72-hour lookback for late deliveries.'
);

WITH events AS (
    SELECT
        id
        , user_id
        , "timestamp"
        , received_at
        , episode_id
    FROM careplatform.cp_video_session_remote_connected
    WHERE
        "timestamp" BETWEEN @start_ts AND @end_ts
        AND NOT id IS NULL
        AND NOT user_id IS NULL
        AND NOT episode_id IS NULL
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
    , user_id::TEXT AS user_id /* Scribe user id of the practitioner */
    , "timestamp"::TIMESTAMPTZ AS "timestamp" /* Time the patient connected (UTC) */
    , @to_est("timestamp")::TIMESTAMP AS timestamp_est /* Time the patient connected, Montreal local time (naive) */
    , episode_id::TEXT AS episode_id /* Episode of the video */
FROM deduplicated
