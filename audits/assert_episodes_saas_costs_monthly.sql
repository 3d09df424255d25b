AUDIT (
    name assert_episodes_saas_costs_monthly,
    blocking TRUE
);

/* Since 2018, the rounded monthly sum of the episodes' SaaS cost equals the
   finance seed's SaaS cost of the month. Blocking: the cost is allocated from the seed. */
WITH monthly AS (
    SELECT
        date_month_est
        , SUM(saas_cost) AS saas_cost
    FROM @this_model
    GROUP BY
        date_month_est
)
SELECT
    monthly.date_month_est
    , monthly.saas_cost
    , finance.saas_cost AS finance_saas_cost
FROM monthly
INNER JOIN analytics.finance_revenue_and_costs_monthly AS finance
    ON monthly.date_month_est = finance.date_month
WHERE
    ROUND(monthly.saas_cost::DECIMAL(18, 4), 0) <> ROUND(finance.saas_cost::DECIMAL(18, 4), 0)
