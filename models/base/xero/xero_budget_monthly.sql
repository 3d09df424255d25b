MODEL (
  name analytics.xero_budget_monthly,
  kind SEED (
    path '$root/seeds/data_xero_budget_monthly.csv'
  ),
  columns (
    account_budget_category TEXT,
    date_month DATE,
    amount DOUBLE
  ),
  owner analytics,
  grain (date_month, account_budget_category),
  tags (base, seed, xero, finance),
  audits (
    unique_combination_of_columns(columns := (date_month, account_budget_category)),
    not_null(columns := (account_budget_category, date_month, amount)),
    accepted_range("column" := amount, min_v := 0)
  ),
  description 'Finance seed data_xero_budget_monthly: one row per budget category and month (2024-01 to 2027-12; 61 of the 62 categories are budgeted, Medops Micro-Clinics is not) with the budgeted spend in CAD (positive). Synthetic rows scaled to the generated Xero expenses of the demo warehouse: compensation categories at the generator''s monthly payroll (salaries plus 15 % DAS and 6 % group insurance), rent at 25 000, other categories 1 500 to 9 000, each month within 10 % and 3 % more each year (about 1 M CAD a month in total).',
  column_descriptions (
    account_budget_category = 'Budget category',
    date_month = 'First day of the month',
    amount = 'Budgeted spend of the category in the month (CAD, positive)'
  )
)
