AUDIT (
    name assert_xero_cac_pnl_total_equals_cac,
    blocking TRUE
);

/* Customer-acquisition cost: for every month present in both, the profit-and-loss amount of the
   Sales Expenses, Marketing Expenses and Partnerships groups (xero_profit_and_loss) equals the
   model's cost_total within a cent. Returns the months where they differ. */
WITH pnl AS (
    SELECT
        date_month
        , SUM(amount) AS pnl_total
    FROM analytics.xero_profit_and_loss
    WHERE
        account_group IN ('Sales Expenses', 'Marketing Expenses', 'Partnerships')
    GROUP BY
        date_month
)
SELECT
    cac.date_month
    , pnl.pnl_total
    , cac.cost_total
FROM @this_model AS cac
INNER JOIN pnl
    ON cac.date_month = pnl.date_month
WHERE
    ABS(pnl.pnl_total - cac.cost_total) >= 0.01
