MODEL (
  name analytics.scribe_organization_administrators,
  kind SEED (
    path '$root/seeds/data_scribe_organization_administrators.csv'
  ),
  columns (
    administrator_id BIGINT,
    organization_id BIGINT,
    role_id INT,
    created_at TIMESTAMPTZ
  ),
  owner analytics,
  grain (administrator_id, organization_id),
  tags (base, seed, scribe, membership),
  audits (
    unique_combination_of_columns(columns := (administrator_id, organization_id)),
    not_null(columns := (administrator_id, organization_id))
  ),
  description 'Reference seed data_scribe_organization_administrators: one row per administrator and organization they administer (December 2018 extract of Scribe, role_id always 1). Synthetic rows linking scribe_administrators to generated Scribe organization ids; the CSV column created_at is the original created. The original CSV stopped at exactly 1,000 rows, a truncated export; the synthetic one is complete. No consumer; the unique audit on (administrator_id, organization_id) is an addition.',
  column_descriptions (
    administrator_id = 'Scribe administrator id (scribe_administrators)',
    organization_id = 'Scribe organization id the administrator manages',
    role_id = 'Administrator role (always 1 in the extract)',
    created_at = 'When the administrator was attached to the organization (UTC)'
  )
)
