MODEL (
    name analytics.client_total_consults_daily,
    kind FULL,
    cron '0 7 * * *',
    owner analytics,
    grain (organization_id, date_day),
    tags (meta, cs, client, activity),
    audits (
        unique_combination_of_columns(columns := (date_day, organization_id))
        , not_null(columns := (date_day, organization_id, total_consults, total_consults_cum))
        , forall(criteria := (total_consults >= 0, total_consults_cum >= total_consults))
        , assert_cumulative_never_decreases_per_group(columns := (
            total_consults_cum
        ), partition_by := (
            organization_id
        ), order_by := date_day)
    ),
    description 'Consultations of each client organization per day since its billing start (spine client_organization_days). total_consults = the organization''s activated patients (active_users) with a GP video that local day (from 2017-11-01 a video with a Family Physician or a practitioner of unknown specialization, before that date any video) + its activated patients with chat activity that day: a patient with both counts twice. total_consults_cum = running sum over the organization''s days in order; a day without consultation adds 0 (the original cumulated over the consultation rows only, so such days had a null total). FULL, rebuilt by the daily 07:00 UTC run.'
);

WITH organization_days AS (
    SELECT
        organization_id
        , date_day
    FROM analytics.client_organization_days
), active_days AS (
    SELECT
        organization_id
        , date_day_est
        , user_id
        , active_on_chat
        , CASE
            WHEN date_day_est >= '2017-11-01'
            THEN active_on_video_gp OR active_on_video_unidentified
            ELSE active_on_video
        END AS is_gp_video
    FROM analytics.active_users
), daily AS (
    SELECT
        organization_id
        , date_day_est
        , COUNT(DISTINCT CASE WHEN is_gp_video THEN user_id END) + COUNT(DISTINCT CASE WHEN active_on_chat THEN user_id END) AS total_consults
    FROM active_days
    GROUP BY
        organization_id
        , date_day_est
), spined AS (
    SELECT
        organization_days.organization_id
        , organization_days.date_day
        , COALESCE(daily.total_consults, 0) AS total_consults
    FROM organization_days
    LEFT JOIN daily
        ON organization_days.organization_id = daily.organization_id
        AND organization_days.date_day = daily.date_day_est
)
SELECT
    date_day::DATE AS date_day /* Day (Montreal local day of the activity) */
    , organization_id::BIGINT AS organization_id /* Scribe organization id */
    , total_consults::BIGINT AS total_consults /* Patients with a GP video plus patients with chat activity that day (0 without) */
    , SUM(total_consults) OVER (PARTITION BY organization_id ORDER BY date_day ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW)::BIGINT AS total_consults_cum /* Consultations from the billing start date up to the day */
FROM spined
