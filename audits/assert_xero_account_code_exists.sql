AUDIT (
    name assert_xero_account_code_exists,
    blocking TRUE
);

/* Relationship: every non-null account_code of the model exists in the chart of accounts
   (xero_accounts). Returns the rows whose code is unknown. */
SELECT
    lines.account_code
FROM @this_model AS lines
LEFT JOIN analytics.xero_accounts AS accounts
    ON lines.account_code = accounts.account_code
WHERE
    NOT lines.account_code IS NULL AND accounts.account_code IS NULL
