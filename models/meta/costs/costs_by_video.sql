MODEL (
    name analytics.costs_by_video,
    kind FULL,
    cron '0 7 * * *',
    owner analytics,
    grain (episode_id, date_day_est, patient_id),
    tags (meta, costs, videos),
    audits (
        unique_combination_of_columns(columns := (episode_id, date_day_est, patient_id))
        , not_null(
            columns := (episode_id, date_day_est, date_month, patient_id, video_count, gp_psy_cost, gp_other_cost)
        )
    ),
    description 'One row per episode, Montreal local day and patient with costed GP videos (Family Physician or Psychologist, longer than 2 minutes): gp_psy_cost = 2 x the month''s per-video cost for each video on a psychology issue type (psy, psy-pilot), gp_other_cost = the per-video cost for each other video (videos_cost_monthly). GP videos carry no ops premium (as in the original, kept as a business rule). patient_id is N/A when the video has no known patient. FULL, rebuilt by the daily 07:00 UTC run, like the monthly per-video cost it depends on.'
);

WITH videos AS (
    SELECT
        episode_id
        , date_day_est
        , COALESCE(patient_id, 'N/A') AS patient_id
        , DATE_TRUNC('MONTH', date_day_est)::DATE AS date_month
        , COALESCE(issue_type IN ('psy', 'psy-pilot'), FALSE) AS is_psy_issue
    FROM analytics.videos_detailed
    WHERE
        main_specialization IN ('Family Physician', 'Psychologist')
        AND video_length > 2
        AND NOT episode_id IS NULL
        AND date_day_est < @to_est(@execution_tstz::TIMESTAMPTZ)::DATE
), monthly_cost AS (
    SELECT
        date_month
        , per_video_cost
    FROM analytics.videos_cost_monthly
), daily AS (
    SELECT
        episode_id
        , date_day_est
        , patient_id
        , date_month
        , COUNT(*) AS video_count
        , COUNT(CASE WHEN is_psy_issue THEN 1 END) AS video_psy_issue_count
        , COUNT(CASE WHEN NOT is_psy_issue THEN 1 END) AS video_other_issue_count
    FROM videos
    GROUP BY
        episode_id
        , date_day_est
        , patient_id
        , date_month
)
SELECT
    daily.episode_id::TEXT AS episode_id /* Episode of the videos */
    , daily.date_day_est::DATE AS date_day_est /* Montreal local day of the video starts */
    , daily.date_month::DATE AS date_month /* First day of the month of the local day */
    , daily.patient_id::TEXT AS patient_id /* Patient in the videos (N/A when unknown) */
    , daily.video_count::BIGINT AS video_count /* Costed videos that day */
    , daily.video_psy_issue_count::BIGINT AS video_psy_issue_count /* Of which on a psychology issue type */
    , daily.video_other_issue_count::BIGINT AS video_other_issue_count /* Of which on another issue type */
    , (
        2 * daily.video_psy_issue_count * monthly_cost.per_video_cost
    )::DOUBLE AS gp_psy_cost /* Cost of the psychology-issue videos: 2 x per-video cost each (CAD) */
    , (
        daily.video_other_issue_count * monthly_cost.per_video_cost
    )::DOUBLE AS gp_other_cost /* Cost of the other videos: per-video cost each (CAD) */
FROM daily
INNER JOIN monthly_cost
    ON daily.date_month = monthly_cost.date_month
