MODEL (
    name analytics.finance_churn_monthly,
    kind FULL,
    cron '0 7 * * *',
    owner analytics,
    grain (account_id, date_month),
    tags (meta, finance),
    audits (
        unique_combination_of_columns(columns := (account_id, date_month))
        , not_null(columns := (date_month, account_id, account_name, amount, amount_variation, amount_variation_type))
        , accepted_values("column" := amount_variation_type, is_in := ('Expansion', 'Contraction', 'Stable', 'New', 'Churned'))
        , accepted_values("column" := logo_variation_type, is_in := ('New', 'Churned', 'Stable'))
        , assert_finance_churn_new_revenue
    ),
    description 'Month-over-month revenue movement per client account (the MRR bridge): one row per account and month of its revenue life. Accounts with recognized revenue (finance_revenue_adjusted_by_account_monthly_v2) that are in accounts; first_month is the first month with revenue; last_month is the earlier of the month before the run''s month (the current month is incomplete) and the month after the month of the account''s last contract end (revenue can trail the churn by a month; open-ended accounts end at the previous month); no rows when first_month is after last_month. amount is the month''s revenue, amount_last_month the previous month''s (0 when the account has no revenue that month, so a gap month counts 0). amount_variation_type, first rule that applies: a pilot expansion (finance_pilot_expansions, whose account ids are padded back to their 18 characters with leading zeros: SQLMesh reads an all-digit id of a seed as a number and drops them) is Stable; the month is the earlier of billing_start_month and first_month, or the account''s billing starts on another day than the 1st in the previous month and first_month is the previous or this month (a mid-month start gives a partial first month, so its first two months are both New); Churned when the account churned in this month or before; else Expansion, Contraction or Stable by comparing amount with amount_last_month. amount_variation is 0 for a pilot expansion, else amount - amount_last_month. logo_variation_type: Stable for a pilot expansion, New in the month that is the earlier of billing_start_month and first_month, Churned in the churn month, else Stable. A named audit (assert_finance_churn_new_revenue) checks that an account has at most two New months, at most 31 days apart. Differs from the original: that check compares the gap between the two New months in days (the original computed it in 30-day months but compared it with 31 as if in days, so only the count could fail). FULL, rebuilt by the daily 07:00 UTC run.'
);

WITH revenue AS (
    SELECT
        account_id
        , date_month
        , amount
    FROM analytics.finance_revenue_adjusted_by_account_monthly_v2
), accounts AS (
    SELECT
        account_id
        , account_name
        , billing_start_date
        , billing_start_month
        , is_churned
        , churn_date
        , churn_month
        , last_contract_end_date
    FROM analytics.accounts
), pilot_expansions AS (
    SELECT DISTINCT
        LPAD(account_id, 18, '0') AS account_id /* the seed's all-digit ids are read as numbers: pad back to 18 characters */
        , date_month
    FROM analytics.finance_pilot_expansions
), months AS (
    SELECT
        date_month
    FROM analytics.dimension_months
), first_months AS (
    SELECT
        account_id
        , MIN(date_month) AS first_month
    FROM revenue
    GROUP BY
        account_id
), account_spans AS (
    SELECT
        accounts.account_id
        , accounts.account_name
        , accounts.billing_start_date
        , accounts.billing_start_month
        , accounts.is_churned
        , accounts.churn_date
        , accounts.churn_month
        , first_months.first_month
        , CASE
            WHEN accounts.last_contract_end_date < '9999-01-01'::DATE
            AND (
                DATE_TRUNC('MONTH', accounts.last_contract_end_date) + INTERVAL '1' MONTH
            )::DATE < (
                DATE_TRUNC('MONTH', @execution_ds::DATE) - INTERVAL '1' MONTH
            )::DATE
            THEN (
                DATE_TRUNC('MONTH', accounts.last_contract_end_date) + INTERVAL '1' MONTH
            )::DATE
            ELSE (
                DATE_TRUNC('MONTH', @execution_ds::DATE) - INTERVAL '1' MONTH
            )::DATE
        END AS last_month
    FROM accounts
    INNER JOIN first_months
        ON accounts.account_id = first_months.account_id
), account_months AS (
    SELECT
        months.date_month
        , account_spans.account_id
        , account_spans.account_name
        , account_spans.billing_start_date
        , account_spans.billing_start_month
        , account_spans.is_churned
        , account_spans.churn_date
        , account_spans.churn_month
        , account_spans.first_month
        , account_spans.last_month
        , COALESCE(this_month.amount, 0) AS amount
        , COALESCE(previous_month.amount, 0) AS amount_last_month
        , NOT pilot_expansions.account_id IS NULL AS is_pilot_expansion
        , months.date_month = LEAST(COALESCE(account_spans.billing_start_month, account_spans.first_month), account_spans.first_month) AS is_first_month
        , EXTRACT(DAY FROM account_spans.billing_start_date) <> 1
        AND account_spans.billing_start_month = (
            months.date_month - INTERVAL '1' MONTH
        )::DATE
        AND account_spans.first_month IN ((
                months.date_month - INTERVAL '1' MONTH
        )::DATE, months.date_month) AS is_second_partial_month
    FROM account_spans
    INNER JOIN months
        ON months.date_month BETWEEN account_spans.first_month AND account_spans.last_month
    LEFT JOIN revenue AS this_month
        ON account_spans.account_id = this_month.account_id AND months.date_month = this_month.date_month
    LEFT JOIN revenue AS previous_month
        ON account_spans.account_id = previous_month.account_id
        AND (
            months.date_month - INTERVAL '1' MONTH
        )::DATE = previous_month.date_month
    LEFT JOIN pilot_expansions
        ON account_spans.account_id = pilot_expansions.account_id
        AND months.date_month = pilot_expansions.date_month
)
SELECT
    date_month::DATE AS date_month /* First day of the month */
    , account_id::TEXT AS account_id /* Salesforce account id */
    , account_name::TEXT AS account_name /* Name of the Salesforce account */
    , billing_start_date::DATE AS billing_start_date /* Earliest billing start of the account's organizations */
    , billing_start_month::DATE AS billing_start_month /* Month of billing_start_date */
    , is_churned::BOOLEAN AS is_churned /* Every organization of the account churned */
    , churn_date::DATE AS churn_date /* Last contract end when the account churned */
    , churn_month::DATE AS churn_month /* Month of churn_date */
    , first_month::DATE AS first_month /* First month with recognized revenue */
    , last_month::DATE AS last_month /* Last month of the account's series: the earlier of the month before the run's month and the month after its last contract end */
    , amount::DOUBLE AS amount /* Revenue recognized in the month (CAD; 0 without revenue) */
    , amount_last_month::DOUBLE AS amount_last_month /* Revenue recognized in the previous month (CAD; 0 without revenue) */
    , is_pilot_expansion::BOOLEAN AS is_pilot_expansion /* The month is a pilot extended to the whole company (finance seed) */
    , CASE
        WHEN is_pilot_expansion
        THEN 'Stable'
        WHEN is_first_month OR is_second_partial_month
        THEN 'New'
        WHEN is_churned AND churn_month <= date_month
        THEN 'Churned'
        WHEN amount_last_month < amount
        THEN 'Expansion'
        WHEN amount_last_month > amount
        THEN 'Contraction'
        ELSE 'Stable'
    END::TEXT AS amount_variation_type /* New, Expansion, Contraction, Churned or Stable (a pilot expansion is Stable) */
    , (
        CASE WHEN is_pilot_expansion THEN 0 ELSE amount - amount_last_month END
    )::DOUBLE AS amount_variation /* amount - amount_last_month (CAD); 0 for a pilot expansion */
    , CASE
        WHEN is_pilot_expansion
        THEN 'Stable'
        WHEN is_first_month
        THEN 'New'
        WHEN churn_month = date_month
        THEN 'Churned'
        ELSE 'Stable'
    END::TEXT AS logo_variation_type /* New in the account's first month, Churned in its churn month, else Stable */
FROM account_months
