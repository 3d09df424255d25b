MODEL (
    name analytics.xero_profit_and_loss,
    kind FULL,
    cron '0 7 * * *',
    owner analytics,
    grain (date_month, account_name),
    tags (transform, xero, finance),
    audits (
        unique_combination_of_columns(columns := (date_month, account_name))
        , not_null(columns := (date_month, account_group, amount))
        , accepted_values(
            "column" := account_group,
            is_in := (
                'N/A'
                , 'Sales Expenses'
                , 'Customer Success'
                , 'General Administration'
                , 'Health Team'
                , 'Marketing Expenses'
                , 'Technology'
                , 'New Services'
                , 'Partnerships'
                , 'Human Ressources'
                , 'Health Platform'
                , 'Mental Health'
                , 'Physical Clinic'
            )
        )
    ),
    description 'Monthly Xero profit and loss by ledger account: one row per UTC month of the document date and account name (with its account group) that has lines in xero_expenses_detailed. amount is the sum of the lines'' line_amount_excl_tax (excluding tax, expenses positive, income negative); amount_with_tax the sum of their raw line_amount (tax included on Inclusive documents, not signed). Lines without an account name (an unknown code, or a payment on a bank account missing from the chart of accounts) form one row per month with a null name. Account groups follow the case-insensitive prefix rules of xero_expenses_detailed (three Health Team accounts are Health Team here, N/A in the original). FULL, rebuilt by the daily 07:00 UTC run.'
);

WITH lines AS (
    SELECT
        date_month
        , account_group
        , account_name
        , line_amount_excl_tax
        , line_amount
    FROM analytics.xero_expenses_detailed
)
SELECT
    date_month::DATE AS date_month /* First day of the UTC month of the document dates */
    , account_group::TEXT AS account_group /* Account group of the ledger account (N/A outside the expense groups) */
    , account_name::TEXT AS account_name /* Name of the ledger account (null for lines whose account is unknown) */
    , SUM(line_amount_excl_tax)::DECIMAL(18, 2) AS amount /* Profit-and-loss amount of the account in the month (CAD, excluding tax, expenses positive, income negative) */
    , SUM(line_amount)::DECIMAL(18, 2) AS amount_with_tax /* Sum of the raw line amounts (tax included on Inclusive documents, not signed) */
FROM lines
GROUP BY
    date_month
    , account_group
    , account_name
