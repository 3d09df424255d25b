MODEL (
    name analytics.scribe_organizations_detailed,
    kind FULL,
    cron '0 7,18 * * *',
    owner analytics,
    grain organization_id,
    tags (table, scribe, membership),
    audits (
        unique_values(columns := (
            organization_id
        ))
        , not_null(
            columns := (
                organization_id
                , organization_name
                , plan_id
                , billing_start_date
                , is_paid
                , charge_strategy
                , charge_price
                , features
                , has_mental_health
                , has_24_7
                , province
                , is_churned
                , is_activated
            )
        )
        , accepted_values("column" := charge_strategy, is_in := ('free', 'fixed', 'dynamic', 'auto_dynamic'))
        , accepted_values(
            "column" := email_preference,
            is_in := ('english', 'french', 'bilingual-english-french', 'bilingual-french-english')
        )
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
        , assert_scribe_organizations_billing_start_date
    ),
    description 'One row per Scribe organization that is not a test organization (seed scribe_test_organizations) and has a plan: pricing of its current plan (latest validity start), features, billing start, inferred province and contract dates. billing_start_date: the manual seed scribe_organizations_billing_start_date, else Scribe. charge_strategy is forced to free when the price is 0; is_paid: the price is not 0 (a plan with no strategy in Scribe is labelled free but keeps its price, so it can be free and paid, as in the original); features defaults to family. province is inferred, in this order (the original''s): the organization name (containing Toronto or Ontario or ending in ON -> Ontario; Vancouver or BC -> British Columbia; Halifax or NS -> Nova Scotia; Calgary or AB -> Alberta), the city of the latest address (Montreal-area cities -> Quebec, Toronto -> Ontario), an organization name ending in Yukon -> Yukon, then the tax province, default Quebec (there is no rule on the city Whitehorse). FULL: small and updated in place, rebuilt on every 07:00 and 18:00 UTC run. Differs from the original: is_activated is true when the organization HAS contracts (the original inverted it).'
);

WITH organizations AS (
    SELECT
        organization_id
        , organization_name
        , created_at
        , email_preference
        , billing_method
        , billing_start_date
        , tax_province
    FROM analytics.scribe_organizations
), test_organizations AS (
    SELECT
        organization_id
    FROM analytics.scribe_test_organizations
), billing_start_overrides AS (
    SELECT
        organization_id
        , billing_start_date
    FROM analytics.scribe_organizations_billing_start_date
), plans AS (
    SELECT
        plan_id
        , organization_id
        , during_start
        , charge_strategy
        , charge_price
        , charge_price_mental_health
        , charge_price_24_7
        , features
        , has_mental_health
        , has_24_7
    FROM analytics.scribe_plans_detailed
), addresses AS (
    SELECT
        organization_address_id
        , organization_id
        , city
    FROM analytics.scribe_organization_address
), organization_contracts AS (
    SELECT
        organization_id
        , first_contract_start_date
        , last_contract_end_date
        , is_churned
    FROM analytics.scribe_organizations_contracts
), provinces AS (
    SELECT
        province_name
        , province_code
    FROM analytics.dimension_province
), current_plans AS (
    SELECT
        plan_id
        , organization_id
        , charge_strategy
        , charge_price
        , charge_price_mental_health
        , charge_price_24_7
        , features
        , has_mental_health
        , has_24_7
    FROM plans
    QUALIFY
        ROW_NUMBER() OVER (PARTITION BY organization_id ORDER BY during_start DESC, plan_id DESC) = 1
), latest_addresses AS (
    SELECT
        organization_id
        , city
    FROM addresses
    QUALIFY
        ROW_NUMBER() OVER (PARTITION BY organization_id ORDER BY organization_address_id DESC) = 1
), joined AS (
    SELECT
        organizations.organization_id
        , organizations.organization_name
        , organizations.created_at
        , organizations.email_preference
        , organizations.billing_method
        , COALESCE(billing_start_overrides.billing_start_date, organizations.billing_start_date) AS billing_start_date
        , organizations.tax_province
        , current_plans.plan_id
        , current_plans.charge_strategy
        , current_plans.charge_price
        , current_plans.charge_price_mental_health
        , current_plans.charge_price_24_7
        , current_plans.features
        , current_plans.has_mental_health
        , current_plans.has_24_7
        , latest_addresses.city
        , LOWER(organizations.organization_name) AS name_lower
        , LOWER(latest_addresses.city) AS city_lower
        , tax_provinces.province_name AS tax_province_name
        , organization_contracts.first_contract_start_date
        , organization_contracts.last_contract_end_date
        , organization_contracts.is_churned
        , NOT organization_contracts.organization_id IS NULL AS has_contracts
    FROM organizations
    INNER JOIN current_plans
        ON organizations.organization_id = current_plans.organization_id
    LEFT JOIN billing_start_overrides
        ON organizations.organization_id = billing_start_overrides.organization_id
    LEFT JOIN latest_addresses
        ON organizations.organization_id = latest_addresses.organization_id
    LEFT JOIN organization_contracts
        ON organizations.organization_id = organization_contracts.organization_id
    LEFT JOIN provinces AS tax_provinces
        ON CASE WHEN organizations.tax_province = 'YT' THEN 'YK' ELSE organizations.tax_province END = tax_provinces.province_code
    WHERE
        NOT organizations.organization_id IN (
            SELECT
                organization_id
            FROM test_organizations
        )
), inferred AS (
    SELECT
        organization_id
        , organization_name
        , created_at
        , email_preference
        , billing_method
        , billing_start_date
        , tax_province
        , plan_id
        , charge_strategy
        , charge_price
        , charge_price_mental_health
        , charge_price_24_7
        , features
        , has_mental_health
        , has_24_7
        , city
        , first_contract_start_date
        , last_contract_end_date
        , is_churned
        , has_contracts
        , CASE
            WHEN name_lower LIKE '%toronto%' OR name_lower LIKE '%ontario%' OR name_lower LIKE '% on'
            THEN 'Ontario'
            WHEN name_lower LIKE '%vancouver%' OR name_lower LIKE '% bc'
            THEN 'British Columbia'
            WHEN name_lower LIKE '%halifax%' OR name_lower LIKE '% ns'
            THEN 'Nova Scotia'
            WHEN name_lower LIKE '%calgary%' OR name_lower LIKE '% ab'
            THEN 'Alberta'
            WHEN city_lower IN (
                'montreal'
                , 'montréal'
                , 'laval'
                , 'longueuil'
                , 'brossard'
                , 'boucherville'
                , 'pointe-claire'
                , 'dorval'
                , 'saint-laurent'
                , 'terrebonne'
                , 'westmount'
                , 'verdun'
            )
            THEN 'Quebec'
            WHEN city_lower = 'toronto'
            THEN 'Ontario'
            WHEN name_lower LIKE '%yukon'
            THEN 'Yukon'
            ELSE COALESCE(tax_province_name, 'Quebec')
        END AS province
    FROM joined
)
SELECT
    organization_id::BIGINT AS organization_id /* Scribe organization id */
    , organization_name::TEXT AS organization_name /* Name of the organization */
    , created_at::TIMESTAMPTZ AS created_at /* When the organization was created in Scribe (UTC) */
    , plan_id::BIGINT AS plan_id /* Current plan of the organization (latest validity start) */
    , billing_start_date::DATE AS billing_start_date /* First billed day: manual seed override, else Scribe */
    , (
        charge_price <> 0
    )::BOOLEAN AS is_paid /* The organization pays (price not 0) */
    , (
        CASE WHEN charge_price = 0 THEN 'free' ELSE charge_strategy END
    )::TEXT AS charge_strategy /* free, fixed, dynamic or auto_dynamic (free whenever the price is 0) */
    , charge_price::DOUBLE AS charge_price /* Effective price of the current plan, CAD */
    , charge_price_mental_health::DOUBLE AS charge_price_mental_health /* Mental-health add-on price per employee per month, CAD */
    , charge_price_24_7::DOUBLE AS charge_price_24_7 /* 24/7 uplift embedded in the price, CAD */
    , COALESCE(features, 'family')::TEXT AS features /* Comma-separated features of the current plan (family when none recorded) */
    , has_mental_health::BOOLEAN AS has_mental_health /* The current plan includes mental health */
    , has_24_7::BOOLEAN AS has_24_7 /* The current plan includes 24/7 care */
    , email_preference::TEXT AS email_preference /* english, french, bilingual-english-french or bilingual-french-english */
    , billing_method::TEXT AS billing_method /* How the organization is invoiced */
    , city::TEXT AS city /* City of the latest address */
    , province::TEXT AS province /* Inferred province (full name): name hints, then Montreal-area or Toronto city, then a name ending in Yukon, then tax province, default Quebec */
    , tax_province::TEXT AS tax_province /* Two-letter code of the tax province */
    , first_contract_start_date::DATE AS first_contract_start_date /* UTC day the first contract started; null without contracts */
    , last_contract_end_date::DATE AS last_contract_end_date /* UTC day the last contract ends (9999-12-31 while open-ended); null without contracts */
    , COALESCE(is_churned, FALSE)::BOOLEAN AS is_churned /* Every contract has ended */
    , has_contracts::BOOLEAN AS is_activated /* The organization has at least one contract (fixed: the original was inverted) */
FROM inferred
