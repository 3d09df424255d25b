MODEL (
  name analytics.finance_revenue_adjustment_excluded_orgs,
  kind SEED (
    path '$root/seeds/data_finance_revenue_adjustment_excluded_organizations.csv'
  ),
  columns (
    organization_id BIGINT
  ),
  owner analytics,
  grain organization_id,
  tags (base, seed, finance),
  audits (
    unique_values(columns := (
      organization_id
    )),
    not_null(columns := (
      organization_id
    ))
  ),
  description 'Finance rule seed data_finance_revenue_adjustment_excluded_organizations: one row per Scribe organization that never matches a line of the old revenue journal in finance_revenue_adjusted_monthly, because its name also appears in lines about other organizations. Replaces the six organization ids the original hard-coded in SQL. The model name is shortened from the seed name to fit the Postgres-safe length. Synthetic rows (written by scripts/generate_finance_seeds.py): organization 18, Dialogue Technologies (the company''s own name, found in lines about its other organizations), and the four test and sandbox organizations 9, 617, 618 and 692, whose generic names would match unrelated lines.',
  column_descriptions (
    organization_id = 'Scribe organization id excluded from the journal matching'
  )
)
