MODEL (
    name analytics.metabase_medops_daily_gm,
    kind FULL,
    cron '0 7 * * *',
    owner analytics,
    grain date_day,
    tags (meta, metabase, medops),
    audits (
        assert_exactly_one_row
        , not_null(columns := (date_day, revenue, fl_cost_total))
        , not_null(columns := (
            gm1
        ), blocking := FALSE)
    ),
    description 'Daily Metabase KPI, one row: yesterday''s front-line gross margin proxy (GM1), yesterday being the day before the day of the run. revenue = the sum over employee member-contracts (user_contract, is_employee) of paid organizations (charge_price not 0) covering yesterday (the local midnight starting yesterday is within [during_start_est, during_end_est)) of the daily price: charge_price when the organization''s strategy is dynamic, else 9 (CAD per employee per month), divided by 30; gm1 = (revenue - yesterday''s front-line When I Work cost (wiw_costs_daily.fl_cost_total on the local day)) / revenue. No row when yesterday has no front-line cost row (the non-blocking row-count audit warns); gm1 is null when the revenue is 0 (the original would divide by zero). FULL, rebuilt by the 07:00 UTC run.'
);

WITH yesterday AS (
    SELECT
        (
            @execution_ds::DATE - INTERVAL '1' DAY
        )::DATE AS date_day
), contracts AS (
    SELECT
        during_start_est
        , during_end_est
        , charge_strategy
        , charge_price
    FROM analytics.user_contract
    WHERE
        is_employee AND charge_price <> 0
), costs AS (
    SELECT
        date_day
        , fl_cost_total
    FROM analytics.wiw_costs_daily
), revenue AS (
    SELECT
        yesterday.date_day
        , COALESCE(SUM(CASE WHEN contracts.charge_strategy = 'dynamic' THEN contracts.charge_price ELSE 9 END), 0) / 30.0 AS revenue
    FROM yesterday
    LEFT JOIN contracts
        ON contracts.during_start_est <= yesterday.date_day::TIMESTAMP
        AND yesterday.date_day::TIMESTAMP < contracts.during_end_est
    GROUP BY
        yesterday.date_day
)
SELECT
    revenue.date_day::DATE AS date_day /* Yesterday: the day before the day of the run (Montreal local day) */
    , revenue.revenue::DOUBLE AS revenue /* Daily revenue proxy: sum of the covered employees' monthly prices (dynamic price, else 9) / 30 (CAD) */
    , costs.fl_cost_total::DOUBLE AS fl_cost_total /* Front-line When I Work cost of the day, all roles (CAD) */
    , (
        (
            revenue.revenue - costs.fl_cost_total
        ) / NULLIF(revenue.revenue, 0)
    )::DOUBLE AS gm1 /* (revenue - front-line cost) / revenue; null when the revenue is 0 */
FROM revenue
INNER JOIN costs
    ON revenue.date_day = costs.date_day
