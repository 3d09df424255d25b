MODEL (
  name analytics.finance_opex,
  kind SEED (
    path '$root/seeds/data_finance_opex.csv'
  ),
  columns (
    date_month DATE,
    department TEXT,
    delta DOUBLE
  ),
  owner analytics,
  grain (date_month, department),
  tags (base, seed, finance),
  audits (
    unique_combination_of_columns(columns := (date_month, department)),
    not_null(columns := (date_month, department, delta)),
    accepted_values(
      "column" := department,
      is_in := ('CS', 'G&A', 'Medops', 'Mktg', 'Sales', 'Tech', 'One-timers')
    )
  ),
  description 'Finance seed data_finance_opex: one row per department and month (2024-01 to 2027-12) with the operating expenses actual minus budget (CAD; positive when the department spent more than budgeted). Departments CS, G&A, Medops, Mktg, Sales and Tech every month, One-timers (exceptional expenses) every month but one. Read by finance dashboards directly; no model reads it. Synthetic rows written by scripts/generate_finance_seeds.py at the original''s order of magnitude (tens of thousands, up to about 200 000). The unique and accepted-values audits are additions.',
  column_descriptions (
    date_month = 'First day of the month',
    department = 'Department: CS, G&A, Medops, Mktg, Sales, Tech or One-timers',
    delta = 'Actual minus budgeted operating expenses of the department (CAD)'
  )
)
