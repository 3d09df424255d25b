MODEL (
  name analytics.medops_issue_type_labels,
  kind SEED (
    path '$root/seeds/data_medops_issue_type_labels.csv'
  ),
  columns (
    issue_type TEXT,
    label_en TEXT,
    label_fr TEXT
  ),
  owner analytics,
  grain issue_type,
  tags (base, seed, medops, care),
  audits (
    unique_values(columns := (
      issue_type
    )),
    not_null(columns := (issue_type, label_en, label_fr))
  ),
  description 'Reference seed data_medops_issue_type_labels: one row per (adult) issue type code a practitioner can set on an episode, with its English and French label.',
  column_descriptions (
    issue_type = 'Issue type code (adult code; pediatric codes end in p and map to it)',
    label_en = 'English label',
    label_fr = 'French label'
  )
)
