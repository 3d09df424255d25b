MODEL (
  name analytics.scribe_test_organizations,
  kind SEED (
    path '$root/seeds/data_test_organizations.csv'
  ),
  columns (
    organization_id BIGINT
  ),
  owner analytics,
  grain organization_id,
  tags (base, seed, scribe, membership),
  audits (
    unique_values(columns := (
      organization_id
    )),
    not_null(columns := (
      organization_id
    ))
  ),
  description 'Reference seed data_test_organizations: one row per QA organization in the production Scribe. Anti-joined in scribe_organizations_detailed, so every organization, contract and membership model downstream excludes them.',
  column_descriptions (
    organization_id = 'Scribe organization id of the QA organization'
  )
)
