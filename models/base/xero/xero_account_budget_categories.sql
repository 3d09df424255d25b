MODEL (
  name analytics.xero_account_budget_categories,
  kind SEED (
    path '$root/seeds/data_xero_account_budget_categories.csv'
  ),
  columns (
    account_budget_category TEXT,
    xero_account_name TEXT
  ),
  depends_on (
    analytics.xero_budget_departments
  ),
  owner analytics,
  grain xero_account_name,
  tags (base, seed, xero, finance),
  audits (
    unique_values(columns := (
      xero_account_name
    )),
    not_null(columns := (account_budget_category, xero_account_name)),
    assert_xero_budget_category_has_department
  ),
  description 'Finance seed data_xero_account_budget_categories: one row per Xero expense account name (92 rows) with the budget category it is reported under (e.g. Customer Success - Salary and Customer Success - DAS under CS Compensation, Utilities under G&A Other). The account names are the original''s; their categories were rebuilt from the original''s examples and department counts (the original rows were not available), and the generator uses these names as the synthetic chart of accounts. Every category is one of the budget departments seed (audit assert_xero_budget_category_has_department).',
  column_descriptions (
    account_budget_category = 'Budget category of the account (a row of the budget departments seed)',
    xero_account_name = 'Name of the Xero expense account'
  )
)
