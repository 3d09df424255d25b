MODEL (
    name analytics.finance_revenue_adjusted_by_account_monthly_v2,
    kind FULL,
    cron '0 7 * * *',
    owner analytics,
    grain (account_id, date_month),
    tags (meta, finance),
    audits (
        unique_combination_of_columns(columns := (account_id, date_month))
        , not_null(columns := (account_id, date_month, amount))
    ),
    description 'Recognized revenue per Salesforce account and month, as finance books it: one row per account and month of the finance team''s adjusted-revenue sheet (finance_adjusted_revenue_monthly) whose lines do not net to 0. amount is the sum of the account-month''s lines over every revenue type (TeleHealth and Mental Health), credits included; an account-month whose lines sum to exactly 0 is dropped; then an account-month listed in the rule seed finance_revenue_overrides takes the seed''s amount instead (a temporary churn smoothed away); the seed''s account ids are padded back to their 18 characters with leading zeros, because SQLMesh reads an all-digit id of a seed as a number and drops them. Differs from the original: the overridden account, months and amount come from that seed instead of being hard-coded in SQL. FULL, rebuilt by the daily 07:00 UTC run.'
);

WITH sheet AS (
    SELECT
        account_id
        , date_month
        , amount
    FROM analytics.finance_adjusted_revenue_monthly
), overrides AS (
    SELECT
        LPAD(account_id, 18, '0') AS account_id /* the seed's all-digit ids are read as numbers: pad back to 18 characters */
        , date_month
        , amount
    FROM analytics.finance_revenue_overrides
), account_months AS (
    SELECT
        account_id
        , date_month
        , SUM(amount) AS amount
    FROM sheet
    GROUP BY
        account_id
        , date_month
    HAVING
        SUM(amount) <> 0
)
SELECT
    account_months.account_id::TEXT AS account_id /* Salesforce account id */
    , account_months.date_month::DATE AS date_month /* First day of the month the revenue is recognized in */
    , COALESCE(overrides.amount, account_months.amount)::DOUBLE AS amount /* Revenue recognized for the account in the month (CAD): sum of the sheet's lines, or the override */
FROM account_months
LEFT JOIN overrides
    ON account_months.account_id = overrides.account_id AND account_months.date_month = overrides.date_month
