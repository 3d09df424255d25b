MODEL (
    name analytics.videos_by_org_monthly,
    kind FULL,
    cron '0 7 * * *',
    owner analytics,
    grain (organization_id, date_month),
    tags (meta, videos, care),
    audits (
        unique_combination_of_columns(columns := (organization_id, date_month))
        , not_null(columns := (organization_id, date_month, count_videos))
    ),
    description 'GP video consultations per organization and Montreal local month: the episode-days of videos_by_episode_daily with a Family Physician video, attributed to the organization of the patient''s contract (user_contract) valid that day, counted as distinct (patient, day) pairs. As in the original, validity is tested at the local day''s midnight (during_start_est <= day < during_end_est): a contract starting during the day leaves that day''s videos out. FULL, refreshed by the 07:00 UTC run like its FULL parents. The unique and not-null audits are additions (the original had no test).'
);

WITH gp_days AS (
    SELECT
        date_day_est
        , patient_id
    FROM analytics.videos_by_episode_daily
    WHERE
        includes_video_gp
), contracts AS (
    SELECT
        user_id
        , organization_id
        , organization_name
        , during_start_est
        , during_end_est
    FROM analytics.user_contract
), attributed AS (
    SELECT
        contracts.organization_id
        , contracts.organization_name
        , DATE_TRUNC('MONTH', gp_days.date_day_est)::DATE AS date_month
        , gp_days.patient_id
        , gp_days.date_day_est
    FROM gp_days
    INNER JOIN contracts
        ON gp_days.patient_id = contracts.user_id
        AND gp_days.date_day_est::TIMESTAMP >= contracts.during_start_est
        AND gp_days.date_day_est::TIMESTAMP < contracts.during_end_est
)
SELECT
    organization_id::BIGINT AS organization_id /* Organization (employer) of the patient's contract */
    , MIN(organization_name)::TEXT AS organization_name /* Name of the organization */
    , date_month::DATE AS date_month /* First day of the Montreal local month */
    , COUNT(DISTINCT patient_id || '|' || date_day_est::TEXT)::BIGINT AS count_videos /* Distinct (patient, local day) pairs with a GP video */
FROM attributed
GROUP BY
    organization_id
    , date_month
