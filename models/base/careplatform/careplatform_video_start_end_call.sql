MODEL (
    name analytics.careplatform_video_@{call}_call,
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
    audits (unique_values(columns := (
            event_id
    )), not_null(columns := (event_id, user_id, "timestamp"))),
    description @description,
    blueprints (
        (
            call := 'start'
            , source_table := 'video_call_start_call'
            , description := 'One row per video call started by a practitioner (Segment source careplatform, table video_call_start_call): the current video tracking era, from 2019-05-10 18:21:55 UTC (videos_started and videos_detailed apply the era cut-offs). A missing episode_id is recovered from the 4th segment of the /consult/<user>/<episode> path. Duplicate Segment deliveries of an event id are dropped, keeping the first received. Hourly intervals with a 72-hour lookback for late deliveries.'
        )
        , (
            call := 'end'
            , source_table := 'video_call_call_ended'
            , description := 'One row per video call ended (Segment source careplatform, table video_call_call_ended): the current video tracking era, from 2019-05-10 18:21:55 UTC (videos_started and videos_detailed apply the era cut-offs). A missing episode_id is recovered from the 4th segment of the /consult/<user>/<episode> path. Duplicate Segment deliveries of an event id are dropped, keeping the first received. Hourly intervals with a 72-hour lookback for late deliveries.'
        )
    )
);

WITH events AS (
    SELECT
        id
        , user_id
        , "timestamp"
        , received_at
        , episode_id
        , path
        , patient_id
    FROM careplatform.@{source_table}
    WHERE
        "timestamp" BETWEEN @start_ts AND @end_ts AND NOT id IS NULL AND NOT user_id IS NULL
), deduplicated AS (
    SELECT
        id
        , user_id
        , "timestamp"
        , episode_id
        , path
        , patient_id
    FROM events
    QUALIFY
        ROW_NUMBER() OVER (PARTITION BY id ORDER BY received_at, "timestamp") = 1
)
SELECT
    id::TEXT AS event_id /* Segment event id */
    , user_id::TEXT AS user_id /* Scribe user id of the practitioner */
    , "timestamp"::TIMESTAMPTZ AS "timestamp" /* Time of the event (UTC): the video call started (careplatform_video_start_call) or ended (careplatform_video_end_call) */
    , @to_est("timestamp")::TIMESTAMP AS timestamp_est /* Time of the event, Montreal local time (naive) */
    , COALESCE(
        episode_id,
        CASE WHEN path LIKE '/consult/%' THEN NULLIF(SPLIT_PART(SPLIT_PART(path, '?', 1), '/', 4), '') END
    )::TEXT AS episode_id /* Episode of the call; recovered from the /consult/<user>/<episode> path when the property is missing */
    , path::TEXT AS path /* Care Platform page path when the event was sent */
    , patient_id::TEXT AS patient_id /* Patient property of the event (often null in this era) */
FROM deduplicated
