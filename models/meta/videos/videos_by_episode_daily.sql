MODEL (
    name analytics.videos_by_episode_daily,
    kind FULL,
    cron '0 7 * * *',
    owner analytics,
    grain (date_day_est, episode_id),
    tags (meta, videos, care),
    audits (
        unique_combination_of_columns(columns := (date_day_est, episode_id))
        , not_null(
            columns := (date_day_est, episode_id, includes_video_gp, includes_video_np, includes_video_nc, includes_video_cc)
        )
    ),
    description 'Video consultations per episode and Montreal local day (videos_detailed, videos with an episode): which specializations held a video that day (Family Physician, Nurse Practitioner, Nurse Clinician, Care Coordinator, Psychologist, or an unidentified practitioner, N/A), the first video start, the total video length in minutes, and the first start of a GP or NP video (null when none). The patient is part of the grain in the original; an episode''s videos never involve two patients (audit assert_videos_unique_patient on videos_detailed), so (date_day_est, episode_id) is unique. FULL, refreshed by the 07:00 UTC run like its FULL parent.'
);

WITH videos AS (
    SELECT
        date_day_est
        , episode_id
        , patient_id
        , main_specialization
        , started_at_est
        , video_length
    FROM analytics.videos_detailed
    WHERE
        NOT episode_id IS NULL
)
SELECT
    date_day_est::DATE AS date_day_est /* Montreal local day of the videos */
    , episode_id::TEXT AS episode_id /* Episode of the videos */
    , patient_id::TEXT AS patient_id /* Patient in the videos */
    , BOOL_OR(CAST(main_specialization = 'Family Physician' AS BOOLEAN))::BOOLEAN AS includes_video_gp /* A Family Physician held a video that day */
    , BOOL_OR(CAST(main_specialization = 'Nurse Practitioner' AS BOOLEAN))::BOOLEAN AS includes_video_np /* A Nurse Practitioner held a video that day */
    , BOOL_OR(CAST(main_specialization = 'Nurse Clinician' AS BOOLEAN))::BOOLEAN AS includes_video_nc /* A Nurse Clinician held a video that day */
    , BOOL_OR(CAST(main_specialization = 'Care Coordinator' AS BOOLEAN))::BOOLEAN AS includes_video_cc /* A Care Coordinator held a video that day */
    , BOOL_OR(CAST(main_specialization = 'Psychologist' AS BOOLEAN))::BOOLEAN AS includes_video_psy /* A Psychologist held a video that day */
    , BOOL_OR(CAST(main_specialization = 'N/A' AS BOOLEAN))::BOOLEAN AS includes_video_unidentified /* A practitioner of unknown specialization held a video that day */
    , MIN(started_at_est)::TIMESTAMP AS first_timestamp_est /* First video start of the day, Montreal local time (naive) */
    , SUM(video_length)::DOUBLE AS video_length /* Total video length of the day, minutes */
    , MIN(CASE WHEN main_specialization IN ('Family Physician', 'Nurse Practitioner') THEN started_at_est END)::TIMESTAMP AS video_start_time_gp_np /* First start of a GP or NP video that day (local); null when none */
FROM videos
GROUP BY
    date_day_est
    , episode_id
    , patient_id
