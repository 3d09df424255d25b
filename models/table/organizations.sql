MODEL (
    name analytics.organizations,
    kind FULL,
    cron '0 7,18 * * *',
    owner analytics,
    grain organization_id,
    tags (table, membership, scribe, salesforce, pii),
    audits (
        unique_values(columns := (
            organization_id
        ))
        , not_null(
            columns := (
                organization_id
                , organization_name
                , organization_name_id
                , account_id
                , account_name
                , account_industry
                , billing_start_date
                , is_paid
                , charge_strategy
                , charge_price
                , is_churned
                , is_activated
            )
        )
        , accepted_values("column" := charge_strategy, is_in := ('free', 'fixed', 'dynamic', 'auto_dynamic'))
        , accepted_values(
            "column" := province,
            is_in := (
                'Prince Edward Island'
                , 'Alberta'
                , 'Ontario'
                , 'Saskatchewan'
                , 'British Columbia'
                , 'Manitoba'
                , 'Quebec'
                , 'New Brunswick'
                , 'Nova Scotia'
                , 'Newfoundland and Labrador'
                , 'Yukon'
            )
        )
    ),
    description 'The organization business object: one row per non-test Scribe organization with a plan (scribe_organizations_detailed), with its Salesforce account (through maestro_orgs; account_id, account_name and account_industry are N/A when the organization is not linked) and the account manager of that account. FULL: small, rebuilt on every 07:00 and 18:00 UTC run. Differs from the original: the account manager comes straight from salesforce_accounts and salesforce_users (there is no salesforce_accounts_detailed in Catwalk yet).'
);

WITH scribe_organizations AS (
    SELECT
        organization_id
        , organization_name
        , created_at
        , plan_id
        , billing_start_date
        , is_paid
        , charge_strategy
        , charge_price
        , charge_price_mental_health
        , charge_price_24_7
        , features
        , has_mental_health
        , has_24_7
        , email_preference
        , city
        , province
        , first_contract_start_date
        , last_contract_end_date
        , is_churned
        , is_activated
    FROM analytics.scribe_organizations_detailed
), salesforce_organizations AS (
    SELECT
        organization_id
        , account_id
        , account_name
        , account_industry
        , am_id
    FROM analytics.salesforce_scribe_organizations_detailed
), salesforce_users AS (
    SELECT
        user_id
        , user_name
        , email
    FROM analytics.salesforce_users
)
SELECT
    scribe_organizations.organization_id::BIGINT AS organization_id /* Scribe organization id */
    , scribe_organizations.organization_name::TEXT AS organization_name /* Name of the organization */
    , (
        scribe_organizations.organization_id::TEXT || ' - ' || scribe_organizations.organization_name
    )::TEXT AS organization_name_id /* "id - name", unique label for dashboards */
    , COALESCE(salesforce_organizations.account_id, 'N/A')::TEXT AS account_id /* Salesforce account id (N/A when not linked) */
    , COALESCE(salesforce_organizations.account_name, 'N/A')::TEXT AS account_name /* Salesforce account name (N/A when not linked) */
    , COALESCE(salesforce_organizations.account_industry, 'N/A')::TEXT AS account_industry /* Industry of the account (N/A when unknown) */
    , salesforce_organizations.am_id::TEXT AS account_manager_id /* Salesforce user id of the account manager */
    , salesforce_users.user_name::TEXT AS account_manager_name /* [PII] Name of the account manager (Dialogue staff) */
    , salesforce_users.email::TEXT AS account_manager_email /* [PII] Email of the account manager (Dialogue staff) */
    , scribe_organizations.created_at::TIMESTAMPTZ AS created_at /* When the organization was created in Scribe (UTC) */
    , scribe_organizations.plan_id::BIGINT AS plan_id /* Current plan of the organization */
    , scribe_organizations.billing_start_date::DATE AS billing_start_date /* First billed day */
    , scribe_organizations.is_paid::BOOLEAN AS is_paid /* The organization pays (price not 0) */
    , scribe_organizations.charge_strategy::TEXT AS charge_strategy /* free, fixed, dynamic or auto_dynamic */
    , scribe_organizations.charge_price::DOUBLE AS charge_price /* Effective price, CAD */
    , scribe_organizations.charge_price_mental_health::DOUBLE AS charge_price_mental_health /* Mental-health add-on price per employee per month, CAD */
    , scribe_organizations.charge_price_24_7::DOUBLE AS charge_price_24_7 /* 24/7 uplift embedded in the price, CAD */
    , scribe_organizations.features::TEXT AS features /* Comma-separated features of the current plan */
    , scribe_organizations.has_mental_health::BOOLEAN AS has_mental_health /* The current plan includes mental health */
    , scribe_organizations.has_24_7::BOOLEAN AS has_24_7 /* The current plan includes 24/7 care */
    , scribe_organizations.email_preference::TEXT AS email_preference /* Language of emails to members */
    , scribe_organizations.city::TEXT AS city /* City of the latest address */
    , scribe_organizations.province::TEXT AS province /* Inferred province (full name) */
    , scribe_organizations.first_contract_start_date::DATE AS first_contract_start_date /* UTC day the first contract started */
    , scribe_organizations.last_contract_end_date::DATE AS last_contract_end_date /* UTC day the last contract ends (9999-12-31 while open-ended) */
    , scribe_organizations.is_churned::BOOLEAN AS is_churned /* Every contract has ended */
    , scribe_organizations.is_activated::BOOLEAN AS is_activated /* The organization has at least one contract */
FROM scribe_organizations
LEFT JOIN salesforce_organizations
    ON scribe_organizations.organization_id = salesforce_organizations.organization_id
LEFT JOIN salesforce_users
    ON salesforce_organizations.am_id = salesforce_users.user_id
