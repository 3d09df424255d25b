AUDIT (
    name assert_xero_budget_category_has_department,
    blocking TRUE
);

/* Every budget category of the model is a category of the budget departments seed
   (xero_budget_departments). Returns the categories without a department. */
SELECT
    categories.account_budget_category
FROM @this_model AS categories
LEFT JOIN analytics.xero_budget_departments AS departments
    ON categories.account_budget_category = departments.account_budget_category
WHERE
    departments.account_budget_category IS NULL
