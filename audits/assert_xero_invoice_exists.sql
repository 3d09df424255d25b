AUDIT (
    name assert_xero_invoice_exists,
    blocking TRUE
);

/* Relationship: every line's invoice_id exists in xero_invoices. Returns the lines whose parent is
   unknown. */
SELECT
    lines.invoice_id
FROM @this_model AS lines
LEFT JOIN analytics.xero_invoices AS parents
    ON lines.invoice_id = parents.invoice_id
WHERE
    parents.invoice_id IS NULL
