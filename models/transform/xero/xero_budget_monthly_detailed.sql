MODEL (
    name analytics.xero_budget_monthly_detailed,
    kind FULL,
    cron '0 7 * * *',
    owner analytics,
    grain (date_month, account_budget_category),
    tags (transform, xero, finance),
    audits (
        unique_combination_of_columns(columns := (date_month, account_budget_category))
        , not_null(columns := (account_budget_category, date_month, amount, budget_department))
    ),
    description 'Monthly budget with its department: one row per month and budget category of the finance seed xero_budget_monthly (budgeted spend, CAD, positive), with the department that owns the category (seed xero_budget_departments, left join on the category; every budgeted category has one, the not-null audit checks it). FULL, rebuilt by the daily 07:00 UTC run.'
);

WITH budget AS (
    SELECT
        account_budget_category
        , date_month
        , amount
    FROM analytics.xero_budget_monthly
), departments AS (
    SELECT
        account_budget_category
        , budget_department
    FROM analytics.xero_budget_departments
)
SELECT
    budget.account_budget_category::TEXT AS account_budget_category /* Budget category */
    , budget.date_month::DATE AS date_month /* First day of the month */
    , budget.amount::DOUBLE AS amount /* Budgeted spend of the category in the month (CAD, positive) */
    , departments.budget_department::TEXT AS budget_department /* Department owning the category: G&A, MedOps, Marketing, Sales & Partnership, Customer Success or Tech */
FROM budget
LEFT JOIN departments
    ON budget.account_budget_category = departments.account_budget_category
