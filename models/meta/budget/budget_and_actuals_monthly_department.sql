MODEL (
    name analytics.budget_and_actuals_monthly_@{department},
    kind FULL,
    cron '0 7 * * *',
    owner analytics,
    grain (date_month, account_budget_category),
    tags (meta, budget, finance),
    audits (
        unique_combination_of_columns(columns := (date_month, account_budget_category))
        , not_null(columns := (date_month, account_budget_category, account_group, amount_actual))
        , accepted_values("column" := account_group, is_in := (
            @account_group
        ))
    ),
    description @description,
    blueprints (
        (
            department := cs
            , account_group := 'Customer Success'
            , description := 'Actual spend against budget of the Customer Success team for its Metabase dashboard: the rows of budget_and_actuals_monthly whose account_group is Customer Success, one row per month and budget category, same columns. Actuals are the profit-and-loss amount excluding tax with expenses positive (the original summed the raw line amounts, tax included and unsigned); a budgeted category-month without actuals has no row, as in the original (see budget_and_actuals_monthly). FULL, rebuilt by the daily 07:00 UTC run.'
        )
        , (
            department := marketing
            , account_group := 'Marketing Expenses'
            , description := 'Actual spend against budget of Marketing for its Metabase dashboard: the rows of budget_and_actuals_monthly whose account_group is Marketing Expenses, one row per month and budget category, same columns. Actuals are the profit-and-loss amount excluding tax with expenses positive (the original summed the raw line amounts, tax included and unsigned); a budgeted category-month without actuals has no row, as in the original (see budget_and_actuals_monthly). FULL, rebuilt by the daily 07:00 UTC run.'
        )
        , (
            department := medops
            , account_group := 'Health Team'
            , description := 'Actual spend against budget of medical operations (the Health Team accounts) for its Metabase dashboard: the rows of budget_and_actuals_monthly whose account_group is Health Team, one row per month and budget category, same columns. Actuals are the profit-and-loss amount excluding tax with expenses positive (the original summed the raw line amounts, tax included and unsigned); a budgeted category-month without actuals has no row, as in the original (see budget_and_actuals_monthly). FULL, rebuilt by the daily 07:00 UTC run.'
        )
        , (
            department := sales
            , account_group := 'Sales Expenses'
            , description := 'Actual spend against budget of Sales for its Metabase dashboard: the rows of budget_and_actuals_monthly whose account_group is Sales Expenses, one row per month and budget category, same columns. Actuals are the profit-and-loss amount excluding tax with expenses positive (the original summed the raw line amounts, tax included and unsigned); a budgeted category-month without actuals has no row, as in the original (see budget_and_actuals_monthly). FULL, rebuilt by the daily 07:00 UTC run.'
        )
        , (
            department := tech
            , account_group := 'Technology'
            , description := 'Actual spend against budget of Technology (product and tech) for its Metabase dashboard: the rows of budget_and_actuals_monthly whose account_group is Technology, one row per month and budget category, same columns. Actuals are the profit-and-loss amount excluding tax with expenses positive (the original summed the raw line amounts, tax included and unsigned); a budgeted category-month without actuals has no row, as in the original (see budget_and_actuals_monthly). FULL, rebuilt by the daily 07:00 UTC run.'
        )
    )
);

SELECT
    date_month::DATE AS date_month /* First day of the UTC month */
    , account_budget_category::TEXT AS account_budget_category /* Budget category of the accounts */
    , account_group::TEXT AS account_group /* Account group of the accounts (always this model's group) */
    , amount_budget::DOUBLE AS amount_budget /* Budget of the category in the month (CAD; 0 when none) */
    , amount_actual::DOUBLE AS amount_actual /* Profit-and-loss amount of the category's lines in the month (CAD, excluding tax, expenses positive) */
    , delta::DOUBLE AS delta /* amount_budget - amount_actual (CAD; positive when under budget) */
FROM analytics.budget_and_actuals_monthly
WHERE
    account_group = @account_group
