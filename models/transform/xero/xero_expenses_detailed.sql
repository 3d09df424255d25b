MODEL (
    name analytics.xero_expenses_detailed,
    kind FULL,
    cron '0 7 * * *',
    owner analytics,
    grain (expense_source, line_id),
    tags (transform, xero, finance),
    audits (
        unique_combination_of_columns(columns := (expense_source, line_id))
        , not_null(columns := (expense_source, line_id, account_group, account_budget_category))
        , accepted_values(
            "column" := account_group,
            is_in := (
                'N/A'
                , 'Sales Expenses'
                , 'Customer Success'
                , 'General Administration'
                , 'Health Team'
                , 'Marketing Expenses'
                , 'Technology'
                , 'New Services'
                , 'Partnerships'
                , 'Human Ressources'
                , 'Health Platform'
                , 'Mental Health'
                , 'Physical Clinic'
            )
        )
    ),
    description 'One row per Xero profit-and-loss line (every row of xero_expenses, its columns unchanged) with the account group and the budget category of its ledger account. account_group comes from the account name, the first matching rule winning, prefixes compared without regard to case: "Health Platform - " gives Health Platform; exactly "MH Cost" Mental Health; "Physical Clinic - " or "Physical Clinic Other - " Physical Clinic; "Customer Success - " Customer Success; "G&A - " General Administration; "Health team - ", "Health team medical operations - " or exactly "Health team medical QA Consulting" Health Team; "HR - " Human Ressources (the original''s spelling, kept as the value consumers filter on); "Marketing - " Marketing Expenses; "New Services - " New Services; "Partnerships - " Partnerships; "Sales - " Sales Expenses; "Product & Tech - " or any name starting with "Tech" Technology; every other name, and a line without an account name (payments on bank accounts, unknown codes), N/A. Names outside these prefixes stay N/A as in the original, e.g. "Sales & Partnerships - Salaries", "Sales Event", "Sales M&E - External", "Sales Other", "Sales Training", "Health team medops - Consultants", "Healthcare Board Advisor", "Utilities". account_budget_category is the category of the account name in the seed xero_account_budget_categories (exact name), N/A when the name is not in the seed. Differs from the original: prefixes are matched without regard to case (the original compared them case-sensitively, which sent "Health Team - Medical Director - DAS", "Health Team - Software / SAAS" and "Health team medical operations - Group Insurance Benefit" to N/A instead of Health Team). FULL, rebuilt by the daily 07:00 UTC run after xero_expenses.'
);

WITH expenses AS (
    SELECT
        @STAR(analytics.xero_expenses)
    FROM analytics.xero_expenses
), budget_categories AS (
    SELECT
        xero_account_name
        , account_budget_category
    FROM analytics.xero_account_budget_categories
)
SELECT
    @passthrough_columns(analytics.xero_expenses, expenses)
    , CASE
        WHEN STARTS_WITH(LOWER(expenses.account_name), 'health platform - ')
        THEN 'Health Platform'
        WHEN LOWER(expenses.account_name) = 'mh cost'
        THEN 'Mental Health'
        WHEN STARTS_WITH(LOWER(expenses.account_name), 'physical clinic - ')
        OR STARTS_WITH(LOWER(expenses.account_name), 'physical clinic other - ')
        THEN 'Physical Clinic'
        WHEN STARTS_WITH(LOWER(expenses.account_name), 'customer success - ')
        THEN 'Customer Success'
        WHEN STARTS_WITH(LOWER(expenses.account_name), 'g&a - ')
        THEN 'General Administration'
        WHEN STARTS_WITH(LOWER(expenses.account_name), 'health team - ')
        OR STARTS_WITH(LOWER(expenses.account_name), 'health team medical operations - ')
        OR LOWER(expenses.account_name) = 'health team medical qa consulting'
        THEN 'Health Team'
        WHEN STARTS_WITH(LOWER(expenses.account_name), 'hr - ')
        THEN 'Human Ressources'
        WHEN STARTS_WITH(LOWER(expenses.account_name), 'marketing - ')
        THEN 'Marketing Expenses'
        WHEN STARTS_WITH(LOWER(expenses.account_name), 'new services - ')
        THEN 'New Services'
        WHEN STARTS_WITH(LOWER(expenses.account_name), 'partnerships - ')
        THEN 'Partnerships'
        WHEN STARTS_WITH(LOWER(expenses.account_name), 'sales - ')
        THEN 'Sales Expenses'
        WHEN STARTS_WITH(LOWER(expenses.account_name), 'product & tech - ')
        OR STARTS_WITH(LOWER(expenses.account_name), 'tech')
        THEN 'Technology'
        ELSE 'N/A'
    END::TEXT AS account_group /* Account group of the ledger account, from its name prefix (case-insensitive); N/A when no rule matches */
    , COALESCE(budget_categories.account_budget_category, 'N/A')::TEXT AS account_budget_category /* Budget category of the account name (seed xero_account_budget_categories); N/A when the name is not in the seed */
FROM expenses
LEFT JOIN budget_categories
    ON expenses.account_name = budget_categories.xero_account_name
