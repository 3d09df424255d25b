AUDIT (
    name assert_xero_manual_journal_exists,
    blocking TRUE
);

/* Relationship: every line's manual_journal_id exists in xero_manual_journals. Returns the lines whose parent is
   unknown. */
SELECT
    lines.manual_journal_id
FROM @this_model AS lines
LEFT JOIN analytics.xero_manual_journals AS parents
    ON lines.manual_journal_id = parents.manual_journal_id
WHERE
    parents.manual_journal_id IS NULL
