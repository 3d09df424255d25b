MODEL (
  name analytics.scribe_organizations_billing_start_date,
  kind SEED (
    path '$root/seeds/data_scribe_organizations_billing_start_date.csv'
  ),
  columns (
    organization_id BIGINT,
    billing_start_date DATE
  ),
  owner analytics,
  grain organization_id,
  tags (base, seed, scribe, membership),
  audits (
    unique_values(columns := (
      organization_id
    )),
    not_null(columns := (organization_id, billing_start_date))
  ),
  description 'Reference seed data_scribe_organizations_billing_start_date: one row per organization whose billing start date is maintained by hand (it overrides Scribe''s billing_start_date in scribe_organizations_detailed). Typed DATE (the original typed it timestamptz; only the day is used).',
  column_descriptions (
    organization_id = 'Scribe organization id',
    billing_start_date = 'First billed day of the organization (manual override)'
  )
)
