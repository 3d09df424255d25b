MODEL (
  name analytics.finance_revenue_overrides,
  kind SEED (
    path '$root/seeds/data_finance_revenue_overrides.csv'
  ),
  columns (
    account_id TEXT,
    date_month DATE,
    amount DOUBLE
  ),
  owner analytics,
  grain (account_id, date_month),
  tags (base, seed, finance),
  audits (
    unique_combination_of_columns(columns := (account_id, date_month)),
    not_null(columns := (account_id, date_month, amount))
  ),
  description 'Finance rule seed data_finance_revenue_overrides: one row per Salesforce account and month whose recognized revenue finance replaces by a fixed amount (a temporary churn smoothed away); finance_revenue_adjusted_by_account_monthly_v2 applies it. Replaces the account, two months and amount the original hard-coded in SQL. Synthetic rows (written by scripts/generate_finance_seeds.py): the month in which the account of organization 230 is billed 0.10 CAD on the demo warehouse, set to its usual 130 CAD, and one dip of the account of organization 61 (Dialogue Staff); both account ids exist at every scale.',
  column_descriptions (
    account_id = 'Salesforce account id of the client (an all-digit synthetic id loses its leading zeros when SQLMesh reads the CSV; consumers pad it back to 18 characters)',
    date_month = 'First day of the month whose revenue is replaced',
    amount = 'Revenue to book for the account and month instead of the sheet''s (CAD)'
  )
)
