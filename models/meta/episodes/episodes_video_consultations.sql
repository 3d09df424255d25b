MODEL (
    name analytics.episodes_video_consultations,
    kind FULL,
    cron '0 7 * * *',
    owner analytics,
    grain episode_id,
    tags (meta, episodes, videos, care),
    audits (
        unique_values(columns := (
            episode_id
        ))
        , not_null(
            columns := (
                episode_id
                , first_video_consultation_started_at
                , video_consultation_count
                , includes_video_consultation
                , video_consultation_length
            )
        )
    ),
    description 'Video consultations per episode: one row per episode with at least one completed video (videos_detailed) by a consulting practitioner (Family Physician = GP, Nurse Practitioner = NP, Psychologist = PSY, Nutritionist = NUTR, Psychotherapist = PSY_THERAPIST): first start, number of distinct local days with a video, total length, and per specialty a flag, a day count and a length. FULL, refreshed by the 07:00 UTC run (every consumer is rebuilt at 07:00 only): it aggregates the small FULL videos_detailed, whose rows complete when the end event arrives.'
);

WITH videos AS (
    SELECT
        episode_id
        , main_specialization
        , started_at
        , date_day_est
        , video_length
    FROM analytics.videos_detailed
    WHERE
        main_specialization IN ('Family Physician', 'Nurse Practitioner', 'Psychologist', 'Nutritionist', 'Psychotherapist')
), episode_videos AS (
    SELECT
        episode_id
        , MIN(started_at) AS first_video_consultation_started_at
        , COUNT(DISTINCT date_day_est) AS video_consultation_count
        , SUM(video_length) AS video_consultation_length
        , COUNT(DISTINCT CASE WHEN main_specialization = 'Family Physician' THEN date_day_est END) AS video_consultation_gp_count
        , SUM(CASE WHEN main_specialization = 'Family Physician' THEN video_length ELSE 0 END) AS video_consultation_gp_length
        , COUNT(DISTINCT CASE WHEN main_specialization = 'Nurse Practitioner' THEN date_day_est END) AS video_consultation_np_count
        , SUM(CASE WHEN main_specialization = 'Nurse Practitioner' THEN video_length ELSE 0 END) AS video_consultation_np_length
        , COUNT(DISTINCT CASE WHEN main_specialization = 'Psychologist' THEN date_day_est END) AS video_consultation_psy_count
        , SUM(CASE WHEN main_specialization = 'Psychologist' THEN video_length ELSE 0 END) AS video_consultation_psy_length
        , COUNT(DISTINCT CASE WHEN main_specialization = 'Nutritionist' THEN date_day_est END) AS video_consultation_nutr_count
        , SUM(CASE WHEN main_specialization = 'Nutritionist' THEN video_length ELSE 0 END) AS video_consultation_nutr_length
        , COUNT(DISTINCT CASE WHEN main_specialization = 'Psychotherapist' THEN date_day_est END) AS video_consultation_psy_therapist_count
        , SUM(CASE WHEN main_specialization = 'Psychotherapist' THEN video_length ELSE 0 END) AS video_consultation_psy_therapist_length
    FROM videos
    GROUP BY
        episode_id
)
SELECT
    episode_id::TEXT AS episode_id /* Episode (messaging channel) */
    , first_video_consultation_started_at::TIMESTAMPTZ AS first_video_consultation_started_at /* First video consultation start (UTC) */
    , @to_est(first_video_consultation_started_at)::TIMESTAMP AS first_video_consultation_started_at_est /* First video consultation start, Montreal local time (naive) */
    , video_consultation_count::BIGINT AS video_consultation_count /* Distinct local days with a video consultation */
    , TRUE AS includes_video_consultation /* Always true here; episodes without a video have no row (false in episodes) */
    , video_consultation_length::DOUBLE AS video_consultation_length /* Total minutes of video consultations */
    , (
        video_consultation_gp_count > 0
    )::BOOLEAN AS includes_video_consultation_gp /* A completed video with a GP (Family Physician) */
    , video_consultation_gp_count::BIGINT AS video_consultation_gp_count /* Distinct local days with a GP (Family Physician) video */
    , video_consultation_gp_length::DOUBLE AS video_consultation_gp_length /* Total minutes of GP (Family Physician) videos */
    , (
        video_consultation_np_count > 0
    )::BOOLEAN AS includes_video_consultation_np /* A completed video with a Nurse Practitioner */
    , video_consultation_np_count::BIGINT AS video_consultation_np_count /* Distinct local days with a Nurse Practitioner video */
    , video_consultation_np_length::DOUBLE AS video_consultation_np_length /* Total minutes of Nurse Practitioner videos */
    , (
        video_consultation_psy_count > 0
    )::BOOLEAN AS includes_video_consultation_psy /* A completed video with a Psychologist */
    , video_consultation_psy_count::BIGINT AS video_consultation_psy_count /* Distinct local days with a Psychologist video */
    , video_consultation_psy_length::DOUBLE AS video_consultation_psy_length /* Total minutes of Psychologist videos */
    , (
        video_consultation_nutr_count > 0
    )::BOOLEAN AS includes_video_consultation_nutr /* A completed video with a Nutritionist */
    , video_consultation_nutr_count::BIGINT AS video_consultation_nutr_count /* Distinct local days with a Nutritionist video */
    , video_consultation_nutr_length::DOUBLE AS video_consultation_nutr_length /* Total minutes of Nutritionist videos */
    , (
        video_consultation_psy_therapist_count > 0
    )::BOOLEAN AS includes_video_consultation_psy_therapist /* A completed video with a Psychotherapist */
    , video_consultation_psy_therapist_count::BIGINT AS video_consultation_psy_therapist_count /* Distinct local days with a Psychotherapist video */
    , video_consultation_psy_therapist_length::DOUBLE AS video_consultation_psy_therapist_length /* Total minutes of Psychotherapist videos */
FROM episode_videos
