MODEL (
    name analytics.users_paid_employees_monthly,
    kind FULL,
    cron '0 7 * * *',
    owner analytics,
    grain (organization_id, date_month),
    tags (meta, users, membership),
    audits (
        unique_combination_of_columns(columns := (date_month, organization_id))
        , not_null(columns := (date_month, organization_id, count_paid_employees))
    ),
    description 'Employees covered per organization and month: one row per row of organizations_monthly, with the month''s average daily active contracts as count_paid_employees. As in the original, and despite the name, free organizations are included; is_paid (an addition) lets consumers keep the paying ones. FULL, refreshed by the 07:00 UTC run like its FULL parent.'
);

WITH monthly AS (
    SELECT
        date_month
        , organization_id
        , organization_name
        , account_id
        , account_name
        , active_contracts_avg
        , is_paid
    FROM analytics.organizations_monthly
)
SELECT
    date_month::DATE AS date_month /* First day of the month */
    , organization_id::BIGINT AS organization_id /* Scribe organization id */
    , organization_name::TEXT AS organization_name /* Name of the organization */
    , account_id::TEXT AS account_id /* Salesforce account id (N/A when not linked) */
    , account_name::TEXT AS account_name /* Salesforce account name (N/A when not linked) */
    , COALESCE(active_contracts_avg, 0)::DOUBLE AS count_paid_employees /* Average daily active contracts over the month (free organizations included) */
    , is_paid::BOOLEAN AS is_paid /* The organization pays (an addition: the original had no filter) */
FROM monthly
