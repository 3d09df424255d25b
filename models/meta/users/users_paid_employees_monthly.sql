MODEL (
    name analytics.users_paid_employees_monthly,
    kind FULL,
    cron '0 7 * * *',
    owner analytics,
    grain (organization_id, date_month),
    tags (meta, users, organizations),
    audits (
        unique_combination_of_columns(columns := (date_month, organization_id))
        , not_null(columns := (organization_id, date_month))
    ),
    description 'One row per organization and month of organizations_monthly with its number of employees under contract: count_paid_employees is the average number of daily active contracts of the month. Despite the name (kept from the original) free organizations are included, as in the original; is_paid tells them apart. FULL, rebuilt by the daily 07:00 UTC run.'
);

SELECT
    date_month::DATE AS date_month /* First day of the month */
    , organization_id::BIGINT AS organization_id /* Scribe organization id */
    , organization_name::TEXT AS organization_name /* Name of the organization */
    , account_id::TEXT AS account_id /* Salesforce account id (N/A when not linked) */
    , account_name::TEXT AS account_name /* Salesforce account name (N/A when not linked) */
    , active_contracts_avg::DOUBLE AS count_paid_employees /* Average daily active contracts over the month */
    , is_paid::BOOLEAN AS is_paid /* The organization pays (free organizations are included) */
FROM analytics.organizations_monthly
