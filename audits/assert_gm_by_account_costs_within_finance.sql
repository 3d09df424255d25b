AUDIT (
    name assert_gm_by_account_costs_within_finance,
    blocking TRUE
);

/* The month's front-line costs attributed to accounts may exceed finance's front-line costs
   (finance_revenue_and_costs_monthly) only by what overlapping contracts add: from 2018-04 on,
   the sum of the GP (psychology plus other), CC and NC costs divided by the seed's, rounded to 3
   decimals, is at most 1.005, and the NP ratio at most 1.010. Returns the months that exceed. */
WITH model_costs AS (
    SELECT
        date_month
        , SUM(COALESCE(gp_psy_cost, 0) + COALESCE(gp_other_cost, 0)) AS gp_cost
        , SUM(COALESCE(cc_cost, 0)) AS cc_cost
        , SUM(COALESCE(nc_cost, 0)) AS nc_cost
        , SUM(COALESCE(np_cost, 0)) AS np_cost
    FROM @this_model
    WHERE
        date_month > '2018-04-01'::DATE
    GROUP BY
        date_month
), ratios AS (
    SELECT
        model_costs.date_month
        , ROUND((
            model_costs.gp_cost / NULLIF(finance.fl_gp_cost, 0)
        )::DECIMAL(18, 3), 3) AS gp_ratio
        , ROUND((
            model_costs.cc_cost / NULLIF(finance.fl_cc_cost, 0)
        )::DECIMAL(18, 3), 3) AS cc_ratio
        , ROUND((
            model_costs.nc_cost / NULLIF(finance.fl_nc_cost, 0)
        )::DECIMAL(18, 3), 3) AS nc_ratio
        , ROUND((
            model_costs.np_cost / NULLIF(finance.fl_np_cost, 0)
        )::DECIMAL(18, 3), 3) AS np_ratio
    FROM model_costs
    INNER JOIN analytics.finance_revenue_and_costs_monthly AS finance
        ON model_costs.date_month = finance.date_month
)
SELECT
    date_month
    , gp_ratio
    , cc_ratio
    , nc_ratio
    , np_ratio
FROM ratios
WHERE
    gp_ratio > 1.005 OR cc_ratio > 1.005 OR nc_ratio > 1.005 OR np_ratio > 1.010
