MODEL (
    name analytics.finance_revenue_by_account_monthly,
    kind FULL,
    cron '0 7 * * *',
    owner analytics,
    grain (account_id, date_month),
    tags (meta, finance),
    audits (
        unique_combination_of_columns(columns := (account_id, date_month))
        , not_null(columns := (account_id, account_name, date_month, amount))
    ),
    description 'Recognized telehealth revenue per Salesforce account and month, one row per account and month. From 2018-01-01 (the month finance started booking revenue per account, a named constant) it is the amount of finance_churn_monthly (the finance team''s adjusted revenue over each account''s revenue life, 0 in gap months); before, the estimate from Scribe: the sum of the monthly price (price_monthly of scribe_organizations_monthly) of the account''s organizations, organizations without a Salesforce account falling under account N/A. FULL, rebuilt by the daily 07:00 UTC run.'
);

@DEF(finance_revenue_start, '2018-01-01');

WITH scribe_months AS (
    SELECT
        organization_id
        , date_month
        , price_monthly
    FROM analytics.scribe_organizations_monthly
    WHERE
        date_month < @finance_revenue_start::DATE
), organizations AS (
    SELECT
        organization_id
        , account_id
        , account_name
    FROM analytics.organizations
), finance_months AS (
    SELECT
        account_id
        , account_name
        , date_month
        , amount
    FROM analytics.finance_churn_monthly
    WHERE
        date_month >= @finance_revenue_start::DATE
), scribe_estimate AS (
    SELECT
        COALESCE(organizations.account_id, 'N/A') AS account_id
        , MIN(COALESCE(organizations.account_name, 'N/A')) AS account_name
        , scribe_months.date_month
        , SUM(COALESCE(scribe_months.price_monthly, 0)) AS amount
    FROM scribe_months
    LEFT JOIN organizations
        ON scribe_months.organization_id = organizations.organization_id
    GROUP BY
        COALESCE(organizations.account_id, 'N/A')
        , scribe_months.date_month
), unioned AS (
    SELECT
        account_id
        , account_name
        , date_month
        , amount
    FROM scribe_estimate
    UNION ALL
    SELECT
        account_id
        , account_name
        , date_month
        , amount
    FROM finance_months
)
SELECT
    account_id::TEXT AS account_id /* Salesforce account id (N/A for organizations without an account, Scribe estimate only) */
    , account_name::TEXT AS account_name /* Name of the Salesforce account (N/A when not linked) */
    , date_month::DATE AS date_month /* First day of the month */
    , amount::DOUBLE AS amount /* Telehealth revenue of the month (CAD): finance's adjusted revenue from 2018-01, the Scribe price estimate before */
FROM unioned
