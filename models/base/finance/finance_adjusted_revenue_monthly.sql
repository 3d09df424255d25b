MODEL (
    name analytics.finance_adjusted_revenue_monthly,
    kind FULL,
    cron '0 7 * * *',
    owner analytics,
    depends_on (
        analytics.salesforce_accounts
    ),
    grain (account_id, date_month, revenue_type, amount),
    tags (base, finance),
    audits (
        not_null(columns := (date_month, account_id, account_name, revenue_type, amount))
        , accepted_values("column" := revenue_type, is_in := ('TeleHealth', 'Mental Health'))
        , assert_finance_adjusted_revenue_account_exists
    ),
    description 'The finance team''s adjusted revenue: one row per line of their monthly sheet, the revenue recognized per Salesforce account and month as finance books it (a prepayment spread over its months, credits as negative lines, zero lines kept); usually several lines per account and month, revenue_type TeleHealth or Mental Health. Every account_id exists in salesforce_accounts (audit assert_finance_adjusted_revenue_account_exists). FULL, rebuilt daily. Differs from the original: the original read a seed (data_finance_adjusted_revenue_monthly); here the sheet is a raw table (finance_sheets.adjusted_revenue_monthly) delivered monthly around the 10th for the previous month, so it is keyed on the warehouse''s own account ids.'
);

WITH sheet AS (
    SELECT
        account_id
        , account_name
        , revenue_type
        , amount
        , date_month
    FROM finance_sheets.adjusted_revenue_monthly
)
SELECT
    account_id::TEXT AS account_id /* Salesforce account id */
    , account_name::TEXT AS account_name /* Name of the account as written in the sheet */
    , revenue_type::TEXT AS revenue_type /* TeleHealth or Mental Health */
    , amount::DOUBLE AS amount /* Revenue recognized on the line (CAD; negative for credits) */
    , date_month::DATE AS date_month /* First day of the month the revenue is recognized in */
FROM sheet
