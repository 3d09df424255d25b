MODEL (
  name analytics.episodes_valid_outcome_issue_type_pairs,
  kind SEED (
    path '$root/seeds/data_valid_issue_type_outcome_pairs.csv'
  ),
  columns (
    valid_pairs TEXT
  ),
  owner analytics,
  grain valid_pairs,
  tags (base, seed, medops, care),
  audits (
    unique_values(columns := (
      valid_pairs
    )),
    not_null(columns := (
      valid_pairs
    ))
  ),
  description 'Reference seed data_valid_issue_type_outcome_pairs: one row per issue type x raw-style outcome pair (issue_type-outcome, e.g. opht-care_plan) that counts as fully resolved for the One Metric dashboard.',
  column_descriptions (
    valid_pairs = 'Issue type code, a dash and a raw-style outcome'
  )
)
