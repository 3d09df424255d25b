MODEL (
    name analytics.accounts,
    kind FULL,
    cron '0 7,18 * * *',
    owner analytics,
    grain account_id,
    tags (table, membership, salesforce),
    audits (
        unique_values(columns := (
            account_id
        ))
        , not_null(
            columns := (
                account_id
                , account_name
                , account_industry
                , organizations_count
                , billing_start_date
                , billing_start_month
                , is_churned
                , is_paid
            )
        )
    ),
    description 'The account business object: one row per Salesforce account linked to at least one organization (organizations whose account is N/A are left out). billing_start_date and first_contract_start_date are the earliest of its organizations, last_contract_end_date the latest; is_churned: every organization of the account churned; is_paid: at least one organization pays; churn_date is the last contract end when churned. FULL: small, rebuilt on every 07:00 and 18:00 UTC run.'
);

WITH organizations AS (
    SELECT
        organization_id
        , account_id
        , account_name
        , account_industry
        , billing_start_date
        , first_contract_start_date
        , last_contract_end_date
        , is_churned
        , is_paid
    FROM analytics.organizations
    WHERE
        account_id <> 'N/A'
), accounts AS (
    SELECT
        account_id
        , MIN(account_name) AS account_name
        , MIN(account_industry) AS account_industry
        , COUNT(DISTINCT organization_id) AS organizations_count
        , MIN(billing_start_date) AS billing_start_date
        , MIN(first_contract_start_date) AS first_contract_start_date
        , MAX(last_contract_end_date) AS last_contract_end_date
        , MIN(CASE WHEN is_churned THEN 1 ELSE 0 END) = 1 AS is_churned
        , MAX(CASE WHEN is_paid THEN 1 ELSE 0 END) = 1 AS is_paid
    FROM organizations
    GROUP BY
        account_id
)
SELECT
    account_id::TEXT AS account_id /* Salesforce account id */
    , account_name::TEXT AS account_name /* Name of the Salesforce account */
    , account_industry::TEXT AS account_industry /* Industry of the account (N/A when unknown) */
    , organizations_count::BIGINT AS organizations_count /* Scribe organizations linked to the account */
    , billing_start_date::DATE AS billing_start_date /* Earliest billing start of its organizations */
    , DATE_TRUNC('MONTH', billing_start_date)::DATE AS billing_start_month /* Month of billing_start_date */
    , first_contract_start_date::DATE AS first_contract_start_date /* Earliest contract start of its organizations (UTC day) */
    , DATE_TRUNC('MONTH', first_contract_start_date)::DATE AS first_contract_start_month /* Month of first_contract_start_date */
    , last_contract_end_date::DATE AS last_contract_end_date /* Latest contract end of its organizations (UTC day; 9999-12-31 while open-ended) */
    , is_churned::BOOLEAN AS is_churned /* Every organization of the account churned */
    , is_paid::BOOLEAN AS is_paid /* At least one organization of the account pays */
    , (
        CASE WHEN is_churned THEN last_contract_end_date END
    )::DATE AS churn_date /* Last contract end when the account churned */
    , (
        CASE WHEN is_churned THEN DATE_TRUNC('MONTH', last_contract_end_date) END
    )::DATE AS churn_month /* Month of churn_date */
FROM accounts
