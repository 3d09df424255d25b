MODEL (
  name analytics.xero_budget_departments,
  kind SEED (
    path '$root/seeds/data_xero_budget_departments.csv'
  ),
  columns (
    account_budget_category TEXT,
    budget_department TEXT
  ),
  owner analytics,
  grain account_budget_category,
  tags (base, seed, xero, finance),
  audits (
    unique_values(columns := (
      account_budget_category
    )),
    not_null(columns := (account_budget_category, budget_department))
  ),
  description 'Finance seed data_xero_budget_departments: one row per budget category (62) with the department that owns it: G&A 21, MedOps 11 (including New Services Design, New Services Training and Medops Micro-Clinics), Marketing 9, Sales & Partnership 8, Customer Success 7, Tech 6 (the original''s counts; the category names were rebuilt from the original''s examples).',
  column_descriptions (
    account_budget_category = 'Budget category',
    budget_department = 'Department owning the category: G&A, MedOps, Marketing, Sales & Partnership, Customer Success, Tech'
  )
)
