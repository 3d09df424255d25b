AUDIT (
    name assert_episodes_issue_type_in_labels,
    blocking TRUE
);

/* Relationship: every issue_type of the audited model exists in the issue-type
   labels seed medops_issue_type_labels. Rows without issue type pass. */
SELECT
    audited.episode_id
    , audited.issue_type
FROM @this_model AS audited
LEFT JOIN analytics.medops_issue_type_labels AS labels
    ON audited.issue_type = labels.issue_type
WHERE
    NOT audited.issue_type IS NULL AND labels.issue_type IS NULL
