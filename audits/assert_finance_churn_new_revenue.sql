AUDIT (
    name assert_finance_churn_new_revenue,
    blocking TRUE
);

/* New revenue is booked once, or twice for a mid-month billing start: an account has at most two
   months whose amount_variation_type is New, and when it has two they are at most 31 days apart
   (the first day of consecutive months). Returns the accounts that break the rule. */
WITH new_months AS (
    SELECT
        account_id
        , COUNT(*) AS new_months_count
        , MIN(date_month) AS first_new_month
        , MAX(date_month) AS last_new_month
    FROM @this_model
    WHERE
        amount_variation_type = 'New'
    GROUP BY
        account_id
)
SELECT
    account_id
    , new_months_count
    , first_new_month
    , last_new_month
FROM new_months
WHERE
    new_months_count > 2 OR @days_between(first_new_month, last_new_month) > 31
