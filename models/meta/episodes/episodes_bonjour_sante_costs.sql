MODEL (
    name analytics.episodes_bonjour_sante_costs,
    kind FULL,
    cron '0 7 * * *',
    owner analytics,
    grain episode_id,
    tags (meta, episodes, costs),
    audits (
        unique_values(columns := (
            episode_id
        ))
        , not_null(columns := (episode_id, first_bonjour_sante_day_est, bonjour_sante_days_count, bonjour_sante_cost))
        , forall(criteria := (bonjour_sante_cost >= 0, bonjour_sante_days_count > 0))
    ),
    description 'One row per episode in which the "Bonjour Sante" template (third-party appointment booking) was sent: every distinct Montreal local day the template was sent in the episode costs the month''s Bonjour Santé cost / the number of such episode-days that month (0 when the month''s cost is 0, 7 CAD when the month has no finance row); the episode''s cost is the sum over its days. Only days before the day of the run. FULL, rebuilt by the daily 07:00 UTC run: a month''s share changes every day while the month is in progress.'
);

WITH commands AS (
    SELECT
        episode_id
        , timestamp_est
    FROM analytics.careplatform_slash_command_triggered
    WHERE
        command_id = 'Bonjour Sante' AND NOT episode_id IS NULL
), finance AS (
    SELECT
        date_month
        , bonjour_sante_cost
    FROM analytics.finance_revenue_and_costs_monthly
), episode_days AS (
    SELECT DISTINCT
        episode_id
        , timestamp_est::DATE AS date_day_est
        , DATE_TRUNC('MONTH', timestamp_est)::DATE AS date_month_est
    FROM commands
    WHERE
        timestamp_est::DATE < @to_est(@execution_tstz::TIMESTAMPTZ)::DATE
), costed_days AS (
    SELECT
        episode_days.episode_id
        , episode_days.date_day_est
        , COALESCE(finance.bonjour_sante_cost::DOUBLE / COUNT(*) OVER (PARTITION BY episode_days.date_month_est), 7.0) AS bonjour_sante_cost
    FROM episode_days
    LEFT JOIN finance
        ON episode_days.date_month_est = finance.date_month
), episodes AS (
    SELECT
        episode_id
        , MIN(date_day_est) AS first_bonjour_sante_day_est
        , COUNT(*) AS bonjour_sante_days_count
        , SUM(bonjour_sante_cost) AS bonjour_sante_cost
    FROM costed_days
    GROUP BY
        episode_id
)
SELECT
    episode_id::TEXT AS episode_id /* Episode (messaging channel) */
    , first_bonjour_sante_day_est::DATE AS first_bonjour_sante_day_est /* First local day the Bonjour Sante template was sent */
    , bonjour_sante_days_count::BIGINT AS bonjour_sante_days_count /* Distinct local days the template was sent */
    , bonjour_sante_cost::DOUBLE AS bonjour_sante_cost /* Allocated Bonjour Santé cost of the episode (CAD) */
FROM episodes
