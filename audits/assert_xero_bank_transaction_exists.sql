AUDIT (
    name assert_xero_bank_transaction_exists,
    blocking TRUE
);

/* Relationship: every line's bank_transaction_id exists in xero_bank_transactions. Returns the lines whose parent is
   unknown. */
SELECT
    lines.bank_transaction_id
FROM @this_model AS lines
LEFT JOIN analytics.xero_bank_transactions AS parents
    ON lines.bank_transaction_id = parents.bank_transaction_id
WHERE
    parents.bank_transaction_id IS NULL
