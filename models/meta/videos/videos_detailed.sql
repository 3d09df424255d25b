MODEL (
    name analytics.videos_detailed,
    kind FULL,
    cron '0 7 * * *',
    owner analytics,
    grain video_id,
    tags (meta, videos, care, pii),
    audits (
        unique_values(columns := (
            video_id
        ))
        , not_null(columns := (video_id, episode_id, careplatform_user_id, started_at, ended_at, video_length))
        , assert_videos_paired_within_90_minutes
    ),
    description 'Completed videos since 2018-04-10: one row per video start paired with the earliest end event of the same episode and practitioner at or after the start and within 90 minutes (video_destroy_session before 2019-05-10 18:21:55 UTC, video_call_call_ended after). Starts without such an end are not completed videos and are left out. video_id = md5 of patient_id followed by the start event''s UTC timestamp rendered as Postgres renders a timestamptz in a UTC session (YYYY-MM-DD HH:MI:SS, fraction of a second only when not zero, then +00): the original''s id; a video without patient hashes an empty patient (the original''s key was null). FULL, refreshed by the 07:00 UTC run (every consumer is rebuilt at 07:00 only): an end can arrive after its start was loaded, and the table is small.'
);

WITH video_starts AS (
    SELECT
        event_id
        , careplatform_user_id
        , "timestamp"
        , timestamp_est
        , patient_id
        , episode_id
        , main_specialization
        , user_name
        , issue_type
    FROM analytics.videos_started
    WHERE
        "timestamp" >= '2018-04-10 00:00:00+00'::TIMESTAMPTZ
        AND NOT careplatform_user_id IS NULL
        AND NOT episode_id IS NULL
), streams_ended AS (
    SELECT
        practitioner_id
        , episode_id
        , "timestamp"
    FROM analytics.careplatform_video_stream_ended
    WHERE
        "timestamp" < '2019-05-10 18:21:55+00'::TIMESTAMPTZ
), calls_ended AS (
    SELECT
        user_id
        , episode_id
        , "timestamp"
    FROM analytics.careplatform_video_end_call
    WHERE
        "timestamp" >= '2019-05-10 18:21:55+00'::TIMESTAMPTZ
), video_ends AS (
    SELECT
        practitioner_id AS careplatform_user_id
        , episode_id
        , "timestamp"
    FROM streams_ended
    UNION ALL
    SELECT
        user_id AS careplatform_user_id
        , episode_id
        , "timestamp"
    FROM calls_ended
), paired AS (
    SELECT
        video_starts.event_id
        , video_starts.careplatform_user_id
        , video_starts."timestamp" AS started_at
        , video_starts.timestamp_est AS started_at_est
        , video_starts.patient_id
        , video_starts.episode_id
        , video_starts.main_specialization
        , video_starts.user_name
        , video_starts.issue_type
        , MIN(video_ends."timestamp") AS ended_at
    FROM video_starts
    INNER JOIN video_ends
        ON video_starts.episode_id = video_ends.episode_id
        AND video_starts.careplatform_user_id = video_ends.careplatform_user_id
        AND video_ends."timestamp" >= video_starts."timestamp"
        AND video_ends."timestamp" <= video_starts."timestamp" + INTERVAL '90' MINUTE
    GROUP BY
        video_starts.event_id
        , video_starts.careplatform_user_id
        , video_starts."timestamp"
        , video_starts.timestamp_est
        , video_starts.patient_id
        , video_starts.episode_id
        , video_starts.main_specialization
        , video_starts.user_name
        , video_starts.issue_type
)
SELECT
    MD5(COALESCE(patient_id, '') || @utc_timestamptz_text(started_at))::TEXT AS video_id /* md5 of patient_id followed by the start as Postgres renders a timestamptz in UTC (the original's id) */
    , event_id::TEXT AS event_id /* Segment event id of the video start */
    , episode_id::TEXT AS episode_id /* Episode of the video */
    , patient_id::TEXT AS patient_id /* Patient in the video */
    , careplatform_user_id::TEXT AS careplatform_user_id /* Scribe user id of the practitioner */
    , main_specialization::TEXT AS main_specialization /* Specialization of the practitioner; N/A when unknown */
    , user_name::TEXT AS user_name /* [PII] Name of the practitioner */
    , issue_type::TEXT AS issue_type /* Latest issue type of the episode */
    , started_at::TIMESTAMPTZ AS started_at /* Video start (UTC) */
    , started_at_est::TIMESTAMP AS started_at_est /* Video start, Montreal local time (naive) */
    , ended_at::TIMESTAMPTZ AS ended_at /* Video end: earliest end event within 90 minutes (UTC) */
    , @to_est(ended_at)::TIMESTAMP AS ended_at_est /* Video end, Montreal local time (naive) */
    , @minutes_between(started_at, ended_at)::DOUBLE AS video_length /* Video length in minutes */
    , started_at_est::DATE AS date_day_est /* Montreal local day of the video start */
    , @to_utc(started_at)::DATE AS date_day /* UTC day of the video start */
FROM paired
