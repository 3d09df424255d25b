MODEL (
    name analytics.finance_accounts_revenue_last_month,
    kind FULL,
    cron '0 7 * * *',
    owner analytics,
    grain account_id,
    tags (meta, finance),
    audits (
        unique_values(columns := (
            account_id
        ))
        , not_null(columns := (account_id, last_billed_month, amount))
    ),
    description 'The latest recognized revenue of each Salesforce account: one row per account of finance_revenue_adjusted_by_account_monthly_v2, with its latest month with revenue (last_billed_month) and that month''s amount. The unique audit on account_id is an addition. FULL, rebuilt by the daily 07:00 UTC run.'
);

WITH revenue AS (
    SELECT
        account_id
        , date_month
        , amount
    FROM analytics.finance_revenue_adjusted_by_account_monthly_v2
), latest AS (
    SELECT
        account_id
        , date_month
        , amount
    FROM revenue
    QUALIFY
        ROW_NUMBER() OVER (PARTITION BY account_id ORDER BY date_month DESC) = 1
)
SELECT
    account_id::TEXT AS account_id /* Salesforce account id */
    , date_month::DATE AS last_billed_month /* Latest month with recognized revenue (first day) */
    , amount::DOUBLE AS amount /* Revenue recognized in that month (CAD) */
FROM latest
