AUDIT (
    name assert_finance_adjusted_revenue_account_exists,
    blocking TRUE
);

/* Relationship: every account_id of the adjusted-revenue sheet exists in salesforce_accounts.
   Returns the lines whose account is unknown. */
SELECT
    sheet.account_id
    , sheet.date_month
FROM @this_model AS sheet
LEFT JOIN analytics.salesforce_accounts AS accounts
    ON sheet.account_id = accounts.account_id
WHERE
    accounts.account_id IS NULL
