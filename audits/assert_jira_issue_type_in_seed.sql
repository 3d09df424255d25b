AUDIT (
    name assert_jira_issue_type_in_seed,
    blocking TRUE
);

/* Relationship: the issue_type of every row of the audited model is one of the Jira issue types
   the product team uses, listed in the seed valid_jira_issue_types. */
SELECT
    audited.issue_type
FROM @this_model AS audited
LEFT JOIN analytics.valid_jira_issue_types AS seed
    ON audited.issue_type = seed.issue_type
WHERE
    NOT audited.issue_type IS NULL AND seed.issue_type IS NULL
