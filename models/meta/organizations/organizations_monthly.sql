MODEL (
    name analytics.organizations_monthly,
    kind FULL,
    cron '0 7 * * *',
    owner analytics,
    grain (organization_id, date_month),
    tags (meta, organizations, membership),
    audits (
        unique_combination_of_columns(columns := (organization_id, date_month))
        , not_null(columns := (organization_id, date_month, organization_name, account_id, account_name, price_monthly))
    ),
    description 'One row per organization per month: scribe_organizations_monthly with the organization''s name and Salesforce account (organizations; N/A when not linked). FULL: rebuilt with its inputs by the 07:00 UTC run.'
);

WITH monthly AS (
    SELECT
        organization_id
        , date_month
        , days_count
        , active_contracts_avg
        , active_contracts_min
        , active_contracts_max
        , active_contracts_first_day
        , active_contracts_last_day
        , charge_strategy
        , charge_price
        , is_paid
        , price_monthly
        , price_monthly_mental_health
        , price_monthly_24_7
    FROM analytics.scribe_organizations_monthly
), organizations AS (
    SELECT
        organization_id
        , organization_name
        , organization_name_id
        , account_id
        , account_name
        , account_industry
    FROM analytics.organizations
)
SELECT
    monthly.organization_id::BIGINT AS organization_id /* Scribe organization id */
    , monthly.date_month::DATE AS date_month /* First day of the month */
    , organizations.organization_name::TEXT AS organization_name /* Name of the organization */
    , organizations.organization_name_id::TEXT AS organization_name_id /* "id - name" label */
    , organizations.account_id::TEXT AS account_id /* Salesforce account id (N/A when not linked) */
    , organizations.account_name::TEXT AS account_name /* Salesforce account name (N/A when not linked) */
    , organizations.account_industry::TEXT AS account_industry /* Industry of the account */
    , monthly.days_count::BIGINT AS days_count /* Days of the month in the series */
    , monthly.active_contracts_avg::DOUBLE AS active_contracts_avg /* Average daily active contracts over the month */
    , monthly.active_contracts_min::BIGINT AS active_contracts_min /* Fewest daily active contracts in the month */
    , monthly.active_contracts_max::BIGINT AS active_contracts_max /* Most daily active contracts in the month */
    , monthly.active_contracts_first_day::BIGINT AS active_contracts_first_day /* Active contracts on the first day of the month */
    , monthly.active_contracts_last_day::BIGINT AS active_contracts_last_day /* Active contracts on the last day of the month */
    , monthly.charge_strategy::TEXT AS charge_strategy /* free, fixed, dynamic or auto_dynamic */
    , monthly.charge_price::DOUBLE AS charge_price /* Effective price, CAD */
    , monthly.is_paid::BOOLEAN AS is_paid /* The organization pays */
    , monthly.price_monthly::DOUBLE AS price_monthly /* Monthly recurring revenue (MRR), CAD */
    , monthly.price_monthly_mental_health::DOUBLE AS price_monthly_mental_health /* Mental-health share of the MRR, CAD */
    , monthly.price_monthly_24_7::DOUBLE AS price_monthly_24_7 /* 24/7 share of the MRR, CAD */
FROM monthly
INNER JOIN organizations
    ON monthly.organization_id = organizations.organization_id
