MODEL (
    name analytics.episodes_saas_costs,
    kind FULL,
    cron '0 7 * * *',
    depends_on [analytics.messaging_channels, analytics.finance_revenue_and_costs_monthly],
    owner analytics,
    grain episode_id,
    tags (meta, episodes, costs),
    audits (
        unique_values(columns := (
            episode_id
        ))
        , not_null(columns := (episode_id, activated_at, date_month_est, saas_cost, episodes_count_month))
        , assert_episodes_in_messaging_channels
        , assert_episodes_saas_costs_monthly
    ),
    description 'One row per episode activated since 2018 (Usher set it active at least once): the episode''s share of the month''s SaaS cost = the finance seed''s saas_cost of the month of activation (Montreal local month of the first active state) / the number of episodes activated that month; 0.50 CAD when the month has no finance row. Only episodes of the spine (messaging_channels) and activations before the day of the run. FULL, rebuilt by the daily 07:00 UTC run: a month''s share changes every day while the month is in progress.'
);

WITH states AS (
    SELECT
        episode_id
        , "timestamp"
    FROM analytics.usher_episode_state_updated
    WHERE
        episode_state = 'active'
), channels AS (
    SELECT
        episode_id
    FROM analytics.messaging_channels
), finance AS (
    SELECT
        date_month
        , saas_cost
    FROM analytics.finance_revenue_and_costs_monthly
), activations AS (
    SELECT
        states.episode_id
        , MIN(states."timestamp") AS activated_at
    FROM states
    INNER JOIN channels
        ON states.episode_id = channels.episode_id
    GROUP BY
        states.episode_id
), activations_in_scope AS (
    SELECT
        episode_id
        , activated_at
        , DATE_TRUNC('MONTH', @to_est(activated_at))::DATE AS date_month_est
    FROM activations
    WHERE
        @to_est(activated_at)::DATE >= '2018-01-01'
        AND @to_est(activated_at)::DATE < @to_est(@execution_tstz::TIMESTAMPTZ)::DATE
), counted AS (
    SELECT
        episode_id
        , activated_at
        , date_month_est
        , COUNT(*) OVER (PARTITION BY date_month_est) AS episodes_count_month
    FROM activations_in_scope
)
SELECT
    counted.episode_id::TEXT AS episode_id /* Episode (messaging channel) */
    , counted.activated_at::TIMESTAMPTZ AS activated_at /* First time Usher set the episode active (UTC) */
    , counted.date_month_est::DATE AS date_month_est /* Montreal local month of the activation */
    , counted.episodes_count_month::BIGINT AS episodes_count_month /* Episodes activated in that month */
    , COALESCE(finance.saas_cost::DOUBLE / counted.episodes_count_month, 0.5)::DOUBLE AS saas_cost /* Share of the month's SaaS cost (CAD); 0.50 without finance row */
FROM counted
LEFT JOIN finance
    ON counted.date_month_est = finance.date_month
