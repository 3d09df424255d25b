MODEL (
    name analytics.accounts_monthly,
    kind FULL,
    cron '0 7 * * *',
    owner analytics,
    grain (account_id, date_month),
    tags (meta, organizations, membership, salesforce),
    audits (
        unique_combination_of_columns(columns := (account_id, date_month))
        , not_null(
            columns := (
                account_id
                , date_month
                , account_name
                , organizations_count
                , active_contracts_avg
                , price_monthly
                , price_monthly_previous
                , mom_variation_type
            )
        )
        , accepted_values("column" := mom_variation_type, is_in := ('Expansion', 'Contraction', 'Stable', 'New', 'Churned'))
    ),
    description 'One row per Salesforce account per month (organizations_monthly summed over the account''s organizations; organizations without an account are left out), with the month-over-month variation of its MRR. mom_variation_type, in order: New (the account''s billing-start month); Churned (the account had contracts or revenue the month before, and either every organization of the account hit zero active contracts on some day of the month or the price fell to 0 from a positive value); Expansion / Contraction (price up / down vs the previous month); Stable. Differs from the original: Churned requires activity the month before, so months after a churn are Stable rather than Churned again. FULL: rebuilt with its inputs by the 07:00 UTC run.'
);

WITH organizations_monthly AS (
    SELECT
        organization_id
        , date_month
        , account_id
        , account_name
        , active_contracts_avg
        , active_contracts_min
        , price_monthly
        , price_monthly_mental_health
        , price_monthly_24_7
    FROM analytics.organizations_monthly
    WHERE
        account_id <> 'N/A'
), accounts AS (
    SELECT
        account_id
        , billing_start_month
    FROM analytics.accounts
), monthly AS (
    SELECT
        account_id
        , date_month
        , MIN(account_name) AS account_name
        , COUNT(DISTINCT organization_id) AS organizations_count
        , SUM(active_contracts_avg) AS active_contracts_avg
        , SUM(price_monthly) AS price_monthly
        , SUM(price_monthly_mental_health) AS price_monthly_mental_health
        , SUM(price_monthly_24_7) AS price_monthly_24_7
        , MIN(CASE WHEN active_contracts_min = 0 THEN 1 ELSE 0 END) = 1 AS all_organizations_hit_zero
    FROM organizations_monthly
    GROUP BY
        account_id
        , date_month
), with_previous AS (
    SELECT
        monthly.account_id
        , monthly.date_month
        , monthly.account_name
        , monthly.organizations_count
        , monthly.active_contracts_avg
        , monthly.price_monthly
        , monthly.price_monthly_mental_health
        , monthly.price_monthly_24_7
        , monthly.all_organizations_hit_zero
        , accounts.billing_start_month
        , COALESCE(LAG(monthly.price_monthly) OVER (PARTITION BY monthly.account_id ORDER BY monthly.date_month), 0) AS price_monthly_previous
        , COALESCE(
            LAG(monthly.active_contracts_avg) OVER (PARTITION BY monthly.account_id ORDER BY monthly.date_month),
            0
        ) AS active_contracts_avg_previous
    FROM monthly
    LEFT JOIN accounts
        ON monthly.account_id = accounts.account_id
)
SELECT
    account_id::TEXT AS account_id /* Salesforce account id */
    , date_month::DATE AS date_month /* First day of the month */
    , account_name::TEXT AS account_name /* Name of the Salesforce account */
    , organizations_count::BIGINT AS organizations_count /* Organizations of the account in the month's series */
    , active_contracts_avg::DOUBLE AS active_contracts_avg /* Average daily active contracts, summed over the organizations */
    , price_monthly::DOUBLE AS price_monthly /* Monthly recurring revenue (MRR) of the account, CAD */
    , price_monthly_mental_health::DOUBLE AS price_monthly_mental_health /* Mental-health share of the MRR, CAD */
    , price_monthly_24_7::DOUBLE AS price_monthly_24_7 /* 24/7 share of the MRR, CAD */
    , price_monthly_previous::DOUBLE AS price_monthly_previous /* MRR of the previous month (0 before the first month), CAD */
    , (
        price_monthly - price_monthly_previous
    )::DOUBLE AS price_monthly_variation /* Month-over-month change of the MRR, CAD */
    , (
        CASE
            WHEN date_month = billing_start_month
            THEN 'New'
            WHEN (
                price_monthly_previous > 0 OR active_contracts_avg_previous > 0
            )
            AND (
                all_organizations_hit_zero OR (
                    price_monthly = 0 AND price_monthly_previous > 0
                )
            )
            THEN 'Churned'
            WHEN price_monthly > price_monthly_previous
            THEN 'Expansion'
            WHEN price_monthly < price_monthly_previous
            THEN 'Contraction'
            ELSE 'Stable'
        END
    )::TEXT AS mom_variation_type /* New, Churned, Expansion, Contraction or Stable */
FROM with_previous
