MODEL (
    name analytics.xero_cac,
    kind FULL,
    cron '0 7 * * *',
    owner analytics,
    grain date_month,
    tags (transform, xero, finance, sales),
    audits (
        unique_values(columns := (
            date_month
        ))
        , not_null(columns := (date_month, cost_eae, cost_ae, cost_total))
        , assert_xero_cac_amount_split_equals_total
        , assert_xero_cac_pnl_total_equals_cac
    ),
    description 'Customer-acquisition cost: one row per UTC month with Xero profit-and-loss lines in the account groups Sales Expenses, Marketing Expenses or Partnerships and a row in the seed eae_compensation_percentage_monthly (months without a seed row are left out by the inner join). cost_total is the month''s profit-and-loss amount of the three groups (xero_profit_and_loss, excluding tax, expenses positive); with p the month''s enterprise share of account-executive compensation, cost_eae = cost_total x p (Enterprise Account Executives) and cost_ae = cost_total x (1 - p) (Account Executives). The split adds up to the total and the total equals the three groups'' P&L amount in every month (audits assert_xero_cac_amount_split_equals_total and assert_xero_cac_pnl_total_equals_cac, within a cent). Account groups follow the case-insensitive prefix rules of xero_expenses_detailed (no Sales, Marketing or Partnerships account changes group under that rule). FULL, rebuilt by the daily 07:00 UTC run.'
);

WITH acquisition_costs AS (
    SELECT
        date_month
        , amount
    FROM analytics.xero_profit_and_loss
    WHERE
        account_group IN ('Sales Expenses', 'Marketing Expenses', 'Partnerships')
), eae_shares AS (
    SELECT
        date_month
        , eae_compensation_percentage
    FROM analytics.eae_compensation_percentage_monthly
)
SELECT
    acquisition_costs.date_month::DATE AS date_month /* First day of the UTC month */
    , SUM(acquisition_costs.amount * eae_shares.eae_compensation_percentage)::DOUBLE AS cost_eae /* Acquisition cost attributed to Enterprise Account Executives: the total times the month's enterprise share (CAD) */
    , SUM(acquisition_costs.amount * (
        1 - eae_shares.eae_compensation_percentage
    ))::DOUBLE AS cost_ae /* Acquisition cost attributed to Account Executives: the total times one minus the enterprise share (CAD) */
    , SUM(acquisition_costs.amount)::DOUBLE AS cost_total /* Profit-and-loss amount of the Sales Expenses, Marketing Expenses and Partnerships groups in the month (CAD, excluding tax) */
FROM acquisition_costs
INNER JOIN eae_shares
    ON acquisition_costs.date_month = eae_shares.date_month
GROUP BY
    acquisition_costs.date_month
