MODEL (
    name analytics.videos_started,
    kind FULL,
    cron '0 7 * * *',
    owner analytics,
    grain event_id,
    tags (meta, videos, care, pii),
    audits (
        unique_values(columns := (
            event_id
        ))
        , not_null(
            columns := (event_id, "timestamp", timestamp_est, date_day, date_day_est, activity, main_specialization)
        )
        , assert_videos_unique_patient
        , accepted_values(
            "column" := main_specialization,
            is_in := (
                'N/A'
                , 'Nurse Clinician'
                , 'Family Physician'
                , 'Care Coordinator'
                , 'Physiotherapist'
                , 'Nurse Practitioner'
                , 'Psychologist'
                , 'Nutritionist'
                , 'Psychotherapist'
                , 'Work & Life Coach'
            )
        )
    ),
    description 'One row per video start, unified across the four video-tracking eras: before 2017-11-01 the patient app''s video_session_connect_success (patient known, no episode or practitioner); 2017-11-01 to 2018-04-10 the Care Platform''s cp_video_session_remote_connected; 2018-04-10 to 2019-05-10 18:21:55 UTC video_patient_stream_created; after that video_call_start_call. Enriched with the practitioner''s specialization and name (N/A when not a practitioner) and the episode''s issue type; videos whose patient is a test user are excluded. Differs from the original: the patient is the event''s patient property when sent, else the episode subject (the original left it null in the current era, which made every current video patient-less). FULL, refreshed by the 07:00 UTC run (every consumer is rebuilt at 07:00 only): low volume, and subject and issue type are per-episode features that change after the video.'
);

WITH patientapp_connects AS (
    SELECT
        event_id
        , user_id
        , "timestamp"
    FROM analytics.patientapp_video_session_connect_success
    WHERE
        "timestamp" < '2017-11-01 00:00:00+00'::TIMESTAMPTZ
), remote_connected AS (
    SELECT
        event_id
        , user_id
        , "timestamp"
        , episode_id
    FROM analytics.careplatform_cp_video_remote_connected
    WHERE
        "timestamp" >= '2017-11-01 00:00:00+00'::TIMESTAMPTZ
        AND "timestamp" < '2018-04-10 00:00:00+00'::TIMESTAMPTZ
), streams_created AS (
    SELECT
        event_id
        , practitioner_id
        , "timestamp"
        , episode_id
        , patient_id
    FROM analytics.careplatform_video_stream_created
    WHERE
        "timestamp" >= '2018-04-10 00:00:00+00'::TIMESTAMPTZ
        AND "timestamp" < '2019-05-10 18:21:55+00'::TIMESTAMPTZ
), calls_started AS (
    SELECT
        event_id
        , user_id
        , "timestamp"
        , episode_id
        , patient_id
    FROM analytics.careplatform_video_start_call
    WHERE
        "timestamp" >= '2019-05-10 18:21:55+00'::TIMESTAMPTZ
), practitioners AS (
    SELECT
        user_id
        , main_specialization
        , user_name
    FROM analytics.practitioners
), episodes_subject AS (
    SELECT
        episode_id
        , episode_subject
    FROM analytics.episodes_subject
), episodes_issue_types AS (
    SELECT
        episode_id
        , issue_type
    FROM analytics.episodes_issue_types
), test_users AS (
    SELECT
        user_id
    FROM analytics.scribe_test_users
), video_starts AS (
    SELECT
        event_id
        , NULL::TEXT AS careplatform_user_id
        , "timestamp"
        , NULL::TEXT AS episode_id
        , user_id AS patient_id
    FROM patientapp_connects
    UNION ALL
    SELECT
        event_id
        , user_id AS careplatform_user_id
        , "timestamp"
        , episode_id
        , NULL::TEXT AS patient_id
    FROM remote_connected
    UNION ALL
    SELECT
        event_id
        , practitioner_id AS careplatform_user_id
        , "timestamp"
        , episode_id
        , patient_id
    FROM streams_created
    UNION ALL
    SELECT
        event_id
        , user_id AS careplatform_user_id
        , "timestamp"
        , episode_id
        , patient_id
    FROM calls_started
), video_starts_enriched AS (
    SELECT
        video_starts.event_id
        , video_starts.careplatform_user_id
        , video_starts."timestamp"
        , video_starts.episode_id
        , COALESCE(video_starts.patient_id, episodes_subject.episode_subject) AS patient_id
        , COALESCE(practitioners.main_specialization, 'N/A') AS main_specialization
        , practitioners.user_name
        , episodes_issue_types.issue_type
    FROM video_starts
    LEFT JOIN episodes_subject
        ON video_starts.episode_id = episodes_subject.episode_id
    LEFT JOIN practitioners
        ON video_starts.careplatform_user_id = practitioners.user_id
    LEFT JOIN episodes_issue_types
        ON video_starts.episode_id = episodes_issue_types.episode_id
)
SELECT
    video_starts_enriched.event_id::TEXT AS event_id /* Segment event id of the video start */
    , video_starts_enriched.careplatform_user_id::TEXT AS careplatform_user_id /* Scribe user id of the practitioner (null before 2017-11-01) */
    , @to_est(video_starts_enriched."timestamp")::DATE AS date_day_est /* Montreal local day of the video start */
    , @to_utc(video_starts_enriched."timestamp")::DATE AS date_day /* UTC day of the video start */
    , @to_est(video_starts_enriched."timestamp")::TIMESTAMP AS timestamp_est /* Video start, Montreal local time (naive) */
    , video_starts_enriched."timestamp"::TIMESTAMPTZ AS "timestamp" /* Video start (UTC) */
    , 'video'::TEXT AS activity /* Always video (CP activity type) */
    , video_starts_enriched.patient_id::TEXT AS patient_id /* Patient in the video: the event's patient, else the episode subject */
    , video_starts_enriched.episode_id::TEXT AS episode_id /* Episode of the video (null before 2017-11-01) */
    , video_starts_enriched.main_specialization::TEXT AS main_specialization /* Specialization of the practitioner; N/A when unknown */
    , video_starts_enriched.user_name::TEXT AS user_name /* [PII] Name of the practitioner */
    , video_starts_enriched.issue_type::TEXT AS issue_type /* Latest issue type of the episode */
FROM video_starts_enriched
LEFT JOIN test_users
    ON video_starts_enriched.patient_id = test_users.user_id
WHERE
    test_users.user_id IS NULL
