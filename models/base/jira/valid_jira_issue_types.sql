MODEL (
  name analytics.valid_jira_issue_types,
  kind SEED (
    path '$root/seeds/data_valid_jira_issue_types.csv'
  ),
  columns (
    issue_type TEXT
  ),
  owner analytics,
  grain issue_type,
  tags (base, seed, jira, product),
  audits (
    unique_values(columns := (
      issue_type
    )),
    not_null(columns := (
      issue_type
    ))
  ),
  description 'Reference seed data_valid_jira_issue_types: the Jira issue types the product team uses (Epic, Improvement, P1/P2/P3 Bug, Polish, Spike, Story, Sub-bug, Sub-task, Task, Documentation, Needs Repro, Request); jira_issues checks its issue types against it.',
  column_descriptions (
    issue_type = 'Jira issue type name'
  )
)
