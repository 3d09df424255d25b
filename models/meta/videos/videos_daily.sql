MODEL (
    name analytics.videos_daily,
    kind INCREMENTAL_BY_TIME_RANGE (
        time_column date_day_est,
        lookback 3
    ),
    cron '0 7 * * *',
    owner analytics,
    grain (date_day_est, patient_id),
    tags (meta, videos, care),
    audits (
        unique_combination_of_columns(columns := (date_day_est, patient_id))
        , not_null(columns := (date_day_est, patient_id, video_count, first_video_started_at_est))
    ),
    description 'Videos per local (Montreal) day and patient: which roles the patient saw on video that day (GP = Family Physician, NP = Nurse Practitioner, NC = Nurse Clinician, CC = Care Coordinator, unidentified = a practitioner without a known specialization or no practitioner), the number of video starts and the first start. From videos_started (all eras; starts without a known patient are left out). Incremental by local day (daily run at 07:00 UTC, 3-day lookback for late events); never emits today''s incomplete local day.'
);

WITH video_starts AS (
    SELECT
        date_day_est
        , patient_id
        , timestamp_est
        , main_specialization
    FROM analytics.videos_started
    WHERE
        date_day_est BETWEEN @start_ds AND @end_ds AND NOT patient_id IS NULL
)
SELECT
    date_day_est::DATE AS date_day_est /* Montreal local day */
    , patient_id::TEXT AS patient_id /* Patient seen on video */
    , COUNT(*)::BIGINT AS video_count /* Video starts that day */
    , MIN(timestamp_est)::TIMESTAMP AS first_video_started_at_est /* First video start of the day, local */
    , COALESCE(MAX(CASE WHEN main_specialization = 'Family Physician' THEN 1 ELSE 0 END) = 1, FALSE)::BOOLEAN AS includes_video_gp /* A Family Physician (GP) video */
    , COALESCE(MAX(CASE WHEN main_specialization = 'Nurse Practitioner' THEN 1 ELSE 0 END) = 1, FALSE)::BOOLEAN AS includes_video_np /* A Nurse Practitioner video */
    , COALESCE(MAX(CASE WHEN main_specialization = 'Nurse Clinician' THEN 1 ELSE 0 END) = 1, FALSE)::BOOLEAN AS includes_video_nc /* A Nurse Clinician video */
    , COALESCE(MAX(CASE WHEN main_specialization = 'Care Coordinator' THEN 1 ELSE 0 END) = 1, FALSE)::BOOLEAN AS includes_video_cc /* A Care Coordinator video */
    , COALESCE(MAX(CASE WHEN main_specialization = 'N/A' OR main_specialization IS NULL THEN 1 ELSE 0 END) = 1, FALSE)::BOOLEAN AS includes_video_unidentified /* A video with no known practitioner specialization */
FROM video_starts
GROUP BY
    date_day_est
    , patient_id
