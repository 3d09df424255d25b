MODEL (
    name analytics.budget_and_actuals_monthly,
    kind FULL,
    cron '0 7 * * *',
    owner analytics,
    grain (date_month, account_budget_category),
    tags (meta, budget, finance),
    audits (
        unique_combination_of_columns(columns := (date_month, account_budget_category))
        , not_null(columns := (date_month, account_budget_category, account_group, amount_actual))
    ),
    description 'Actual spend against budget: one row per month, budget category and account group with Xero actuals, from October 2018 (when budget tracking started, a named constant). Actuals are the profit-and-loss lines of xero_expenses_detailed grouped by UTC month, budget category and account group, keeping only lines whose budget category and account group are both known (not N/A); amount_actual is the sum of their line_amount_excl_tax (excluding tax, expenses positive, income and refunds negative). The month''s budget of the category (xero_budget_monthly_detailed) is joined on month and category: amount_budget is that budget, 0 when the category has none that month; delta = amount_budget - amount_actual; all three rounded to cents. As in the original, a budgeted category-month without actuals has no row (the original''s full outer join was turned into a left join by its filters on the actuals'' month, category and group, and the departmental copies filter on the account group, which a budget-only row lacks). Differs from the original: actuals are the profit-and-loss amount excluding tax with the income sign (the original summed the raw line_amount: tax included on Inclusive documents, refunds and credits counted as spend). One row per month and category holds while each category''s accounts fall in one account group (true for the seed mapping under the case-insensitive account-group rules). FULL, rebuilt by the daily 07:00 UTC run.'
);

@DEF(budget_tracking_start, '2018-10-01');

WITH actuals AS (
    SELECT
        date_month
        , account_budget_category
        , account_group
        , SUM(line_amount_excl_tax) AS amount_actual
    FROM analytics.xero_expenses_detailed
    WHERE
        date_month >= @budget_tracking_start::DATE
        AND account_budget_category <> 'N/A'
        AND account_group <> 'N/A'
    GROUP BY
        date_month
        , account_budget_category
        , account_group
), budget AS (
    SELECT
        date_month
        , account_budget_category
        , amount
    FROM analytics.xero_budget_monthly_detailed
)
SELECT
    actuals.date_month::DATE AS date_month /* First day of the UTC month */
    , actuals.account_budget_category::TEXT AS account_budget_category /* Budget category of the accounts (seed xero_account_budget_categories) */
    , actuals.account_group::TEXT AS account_group /* Account group of the accounts (name prefix rules of xero_expenses_detailed) */
    , ROUND(COALESCE(budget.amount, 0)::DECIMAL(18, 4), 2)::DOUBLE AS amount_budget /* Budget of the category in the month (CAD; 0 when none) */
    , ROUND(actuals.amount_actual, 2)::DOUBLE AS amount_actual /* Profit-and-loss amount of the category's lines in the month (CAD, excluding tax, expenses positive) */
    , ROUND(COALESCE(budget.amount, 0)::DECIMAL(18, 4) - actuals.amount_actual, 2)::DOUBLE AS delta /* amount_budget - amount_actual (CAD; positive when under budget) */
FROM actuals
LEFT JOIN budget
    ON actuals.date_month = budget.date_month
    AND actuals.account_budget_category = budget.account_budget_category
