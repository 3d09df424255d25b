MODEL (
    name analytics.tableau_one_metric_cumulative_full_resolves,
    kind FULL,
    cron '0 7 * * *',
    owner analytics,
    grain date_week,
    tags (tableau, care, one_metric),
    audits (
        unique_values(columns := (
            date_week
        ))
        , not_null(columns := (date_week, episodes_count, fully_resolved_count, episodes_cum, fully_resolved_cum))
        , assert_tableau_cumulative_never_decreases(columns := (episodes_cum, fully_resolved_cum), order_by := date_week)
    ),
    description 'Product, One Metric That Matters (Tableau), cumulative full resolves: one row per completed Monday week (local day of the episode''s first message) with episodes: the episodes started that week, the fully resolved ones (tableau_product_one_metric_resolution_rate, counted once per episode), their running totals and the cumulative full-resolution rate. Historical adjustments of the original are kept for the years they describe: before December 2017, 90% resolved x 25% fully resolved is assumed; before March 2018, a quarter of the episodes resolved without an outcome count as fully resolved (so counts may be fractional). The week in progress is left out. FULL, rebuilt by the daily 07:00 UTC run: running totals over all history.'
);

WITH episodes AS (
    SELECT
        episode_id
        , date_week_est
        , outcome
        , set_resolved_pending
        , fully_resolved
    FROM analytics.tableau_product_one_metric_resolution_rate
), distinct_episodes AS (
    SELECT
        episode_id
        , MIN(date_week_est) AS date_week
        , BOOL_OR(fully_resolved::BOOLEAN) AS fully_resolved
        , BOOL_OR(CAST(COALESCE(set_resolved_pending, FALSE) AND outcome IS NULL AS BOOLEAN)) AS is_resolved_without_outcome
    FROM episodes
    GROUP BY
        episode_id
), weekly AS (
    SELECT
        date_week
        , COUNT(*) AS episodes_count
        , SUM(
            CASE
                WHEN date_week < '2017-12-01'
                THEN 0.9 * 0.25
                WHEN fully_resolved
                THEN 1.0
                WHEN date_week < '2018-03-01' AND is_resolved_without_outcome
                THEN 0.25
                ELSE 0.0
            END
        ) AS fully_resolved_count
    FROM distinct_episodes
    WHERE
        date_week < DATE_TRUNC('WEEK', @to_est(@execution_tstz::TIMESTAMPTZ))::DATE
    GROUP BY
        date_week
)
SELECT
    date_week::DATE AS date_week /* Monday of the week (local day of the episodes' first message) */
    , episodes_count::BIGINT AS episodes_count /* Episodes started in the week */
    , fully_resolved_count::DECIMAL(12, 2) AS fully_resolved_count /* Fully resolved episodes of the week (historically adjusted before 2018-03) */
    , SUM(episodes_count) OVER (ORDER BY date_week ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW)::BIGINT AS episodes_cum /* Running total of episodes */
    , SUM(fully_resolved_count) OVER (ORDER BY date_week ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW)::DECIMAL(14, 2) AS fully_resolved_cum /* Running total of fully resolved episodes */
    , (
        SUM(fully_resolved_count) OVER (ORDER BY date_week ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) / SUM(episodes_count) OVER (ORDER BY date_week ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW)
    )::DECIMAL(10, 4) AS full_resolution_rate_cum /* Cumulative share of episodes fully resolved, a fraction */
FROM weekly
