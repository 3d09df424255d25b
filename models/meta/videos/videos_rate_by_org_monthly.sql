MODEL (
    name analytics.videos_rate_by_org_monthly,
    kind FULL,
    cron '0 7 * * *',
    owner analytics,
    grain (date_month, organization_id),
    tags (meta, videos, care),
    audits (
        unique_combination_of_columns(columns := (date_month, organization_id))
        , not_null(
            columns := (date_month, organization_id, organization_name, count_paid_employees, count_videos, video_rate)
        )
    ),
    description 'Video consultation rate per organization and month: every row of users_paid_employees_monthly (employees covered, free organizations included), with the month''s GP videos of videos_by_org_monthly (0 when none) and video_rate = videos per covered employee (0 when the organization covered nobody). For the one organization named exactly Ubisoft Divertissements Inc. (Bureau de Montreal), the month''s in-person clinic consultations (medops_ubisoft_clinic_consultation_count) are added; 0 for every other organization and month. The organization name is declared once at the top of the query (the original repeated the constant). FULL, refreshed by the 07:00 UTC run like its FULL parents.'
);

@DEF(clinic_organization_name, 'Ubisoft Divertissements Inc. (Bureau de Montreal)');

WITH employees AS (
    SELECT
        date_month
        , organization_id
        , organization_name
        , account_name
        , count_paid_employees
    FROM analytics.users_paid_employees_monthly
), videos AS (
    SELECT
        date_month
        , organization_id
        , count_videos
    FROM analytics.videos_by_org_monthly
), clinic AS (
    SELECT
        date_month
        , nurse_consultations
        , gp_consultations
        , mental_health_consultations
    FROM analytics.medops_ubisoft_clinic_consultation_count
), joined AS (
    SELECT
        employees.date_month
        , employees.organization_id
        , employees.organization_name
        , employees.account_name
        , COALESCE(employees.count_paid_employees, 0) AS count_paid_employees
        , COALESCE(videos.count_videos, 0) AS count_videos
        , COALESCE(clinic.nurse_consultations, 0) AS nurse_consultations
        , COALESCE(clinic.gp_consultations, 0) AS gp_consultations
        , COALESCE(clinic.mental_health_consultations, 0) AS mental_health_consultations
    FROM employees
    LEFT JOIN videos
        ON employees.date_month = videos.date_month AND employees.organization_id = videos.organization_id
    LEFT JOIN clinic
        ON employees.date_month = clinic.date_month AND employees.organization_name = @clinic_organization_name
)
SELECT
    date_month::DATE AS date_month /* First day of the month */
    , organization_name::TEXT AS organization_name /* Name of the organization */
    , organization_id::BIGINT AS organization_id /* Scribe organization id */
    , account_name::TEXT AS account_name /* Salesforce account name (N/A when not linked) */
    , count_paid_employees::DOUBLE AS count_paid_employees /* Average daily active contracts of the month; 0 when none */
    , count_videos::BIGINT AS count_videos /* Distinct (patient, day) pairs with a GP video that month; 0 when none */
    , nurse_consultations::BIGINT AS nurse_consultations /* In-person clinic nurse consultations (the Ubisoft clinic organization only; else 0) */
    , gp_consultations::BIGINT AS gp_consultations /* In-person clinic GP consultations (the Ubisoft clinic organization only; else 0) */
    , mental_health_consultations::BIGINT AS mental_health_consultations /* In-person clinic mental-health consultations (the Ubisoft clinic organization only; else 0) */
    , CASE WHEN count_paid_employees > 0 THEN count_videos::DOUBLE / count_paid_employees ELSE 0 END::DOUBLE AS video_rate /* GP videos per covered employee; 0 when the organization covered nobody */
FROM joined
