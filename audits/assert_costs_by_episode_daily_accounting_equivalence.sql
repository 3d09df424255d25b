AUDIT (
    name assert_costs_by_episode_daily_accounting_equivalence,
    blocking TRUE
);

/* Accounting equivalence: for every month the finance seed covers, the monthly
   sums of the Care Coordinator, Nurse Clinician, Nurse Practitioner and GP episode costs equal the
   seed's front-line costs (ratio rounded to 4 decimals = 1). A role with no costed time or video
   in the month has nothing to allocate and is skipped. Blocking: costs are allocated from the seed,
   so a difference is a bug. Returns the months and roles that differ. */
WITH monthly AS (
    SELECT
        date_month
        , SUM(cc_time) AS cc_time
        , SUM(nc_time) AS nc_time
        , SUM(np_time) AS np_time
        , SUM(video_count) AS video_count
        , SUM(cc_cost) AS cc_cost
        , SUM(nc_cost) AS nc_cost
        , SUM(np_cost) AS np_cost
        , SUM(gp_cost) AS gp_cost
    FROM @this_model
    GROUP BY
        date_month
), compared AS (
    SELECT
        monthly.date_month
        , 'cc' AS role
        , monthly.cc_cost AS episode_cost
        , finance.fl_cc_cost AS finance_cost
    FROM monthly
    INNER JOIN analytics.finance_revenue_and_costs_monthly AS finance
        ON monthly.date_month = finance.date_month
    WHERE
        monthly.cc_time > 0
    UNION ALL
    SELECT
        monthly.date_month
        , 'nc' AS role
        , monthly.nc_cost AS episode_cost
        , finance.fl_nc_cost AS finance_cost
    FROM monthly
    INNER JOIN analytics.finance_revenue_and_costs_monthly AS finance
        ON monthly.date_month = finance.date_month
    WHERE
        monthly.nc_time > 0
    UNION ALL
    SELECT
        monthly.date_month
        , 'np' AS role
        , monthly.np_cost AS episode_cost
        , finance.fl_np_cost AS finance_cost
    FROM monthly
    INNER JOIN analytics.finance_revenue_and_costs_monthly AS finance
        ON monthly.date_month = finance.date_month
    WHERE
        monthly.np_time > 0
    UNION ALL
    SELECT
        monthly.date_month
        , 'gp' AS role
        , monthly.gp_cost AS episode_cost
        , finance.fl_gp_cost AS finance_cost
    FROM monthly
    INNER JOIN analytics.finance_revenue_and_costs_monthly AS finance
        ON monthly.date_month = finance.date_month
    WHERE
        monthly.video_count > 0
)
SELECT
    date_month
    , role
    , episode_cost
    , finance_cost
FROM compared
WHERE
    finance_cost > 0 AND ROUND((
        episode_cost / finance_cost::DOUBLE
    )::DECIMAL(18, 8), 4) <> 1
