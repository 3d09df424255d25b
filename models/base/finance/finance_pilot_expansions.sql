MODEL (
  name analytics.finance_pilot_expansions,
  kind SEED (
    path '$root/seeds/data_finance_pilot_expansions.csv'
  ),
  columns (
    account_id TEXT,
    date_month DATE
  ),
  owner analytics,
  grain (account_id, date_month),
  tags (base, seed, finance),
  audits (
    unique_combination_of_columns(columns := (account_id, date_month)),
    not_null(columns := (account_id, date_month))
  ),
  description 'Finance seed data_finance_pilot_expansions: one row per Salesforce account and month whose revenue growth is a pilot being extended to the whole company rather than an organic expansion; finance_churn_monthly counts such a month as Stable with no variation. Synthetic rows (written by scripts/generate_finance_seeds.py): four months of the accounts of organizations 47 and 56, whose account ids the generator keeps at every scale, chosen where their adjusted revenue grows on the demo warehouse. Every account_id must exist in salesforce_accounts (checked by the integration tests on the generated warehouse).',
  column_descriptions (
    account_id = 'Salesforce account id of the client (an all-digit synthetic id loses its leading zeros when SQLMesh reads the CSV; consumers pad it back to 18 characters)',
    date_month = 'First day of the month of the pilot expansion'
  )
)
