MODEL (
    name analytics.scribe_contracts_detailed,
    kind FULL,
    cron '0 7,18 * * *',
    owner analytics,
    grain contract_id,
    tags (table, scribe, membership),
    audits (
        unique_values(columns := (
            contract_id
        ))
        , not_null(
            columns := (
                contract_id
                , organization_id
                , plan_id
                , participant_id
                , during_start
                , during_end
                , admin_area_name
                , charge_strategy
                , charge_price
                , is_paid
                , billing_start_date
                , is_open_ended
                , is_active
            )
        )
        , accepted_values("column" := charge_strategy, is_in := ('free', 'fixed', 'dynamic', 'auto_dynamic'))
        , accepted_values(
            "column" := admin_area_name,
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
        , assert_scribe_contracts_have_plan
        , assert_scribe_contracts_have_organization
    ),
    description 'One row per Scribe contract of a non-test organization (inner join on scribe_organizations_detailed, so test organizations, deleted organizations and organizations without a plan are excluded; test-user participants are already excluded by scribe_contracts), with the organization''s pricing and billing start. admin_area_name: the contract''s admin area, else the organization''s province. is_active: the contract covers the run''s execution time (half-open: a contract whose during_end is midnight today is no longer active; one ending at midnight tomorrow still is). FULL: contracts change in place, rebuilt on every 07:00 and 18:00 UTC run (small).'
);

WITH contracts AS (
    SELECT
        contract_id
        , created_at
        , during_start
        , during_end
        , during_start_est
        , during_end_est
        , plan_id
        , organization_id
        , participant_id
        , admin_area_name
    FROM analytics.scribe_contracts
), organizations AS (
    SELECT
        organization_id
        , organization_name
        , province
        , charge_strategy
        , charge_price
        , is_paid
        , billing_start_date
    FROM analytics.scribe_organizations_detailed
), plans AS (
    SELECT
        plan_id
        , plan_name
    FROM analytics.scribe_plans_detailed
)
SELECT
    contracts.contract_id::BIGINT AS contract_id /* Scribe contract id */
    , contracts.organization_id::BIGINT AS organization_id /* Organization (employer) of the contract */
    , organizations.organization_name::TEXT AS organization_name /* Name of the organization */
    , contracts.plan_id::BIGINT AS plan_id /* Plan the contract is on */
    , plans.plan_name::TEXT AS plan_name /* English name of the plan */
    , contracts.participant_id::TEXT AS participant_id /* Scribe user id of the employee holding the contract */
    , contracts.created_at::TIMESTAMPTZ AS created_at /* When the contract was created (UTC) */
    , contracts.during_start::TIMESTAMPTZ AS during_start /* Start of coverage, inclusive (UTC) */
    , contracts.during_end::TIMESTAMPTZ AS during_end /* End of coverage, exclusive (UTC); 9999-12-31 23:59:59.999999+00 when open-ended */
    , contracts.during_start_est::TIMESTAMP AS during_start_est /* Start of coverage, Montreal local time (naive) */
    , contracts.during_end_est::TIMESTAMP AS during_end_est /* End of coverage, Montreal local time (naive) */
    , COALESCE(contracts.admin_area_name, organizations.province)::TEXT AS admin_area_name /* Province of the contract: set by the admin, else the organization's province */
    , organizations.charge_strategy::TEXT AS charge_strategy /* Organization charge strategy: free, fixed, dynamic or auto_dynamic */
    , organizations.charge_price::DOUBLE AS charge_price /* Organization price, CAD */
    , organizations.is_paid::BOOLEAN AS is_paid /* The organization pays (price not 0) */
    , organizations.billing_start_date::DATE AS billing_start_date /* First billed day of the organization */
    , (
        contracts.during_end = '9999-12-31 23:59:59.999999+00'::TIMESTAMPTZ
    )::BOOLEAN AS is_open_ended /* The contract has no end date */
    , (
        contracts.during_start <= @execution_tstz::TIMESTAMPTZ
        AND contracts.during_end > @execution_tstz::TIMESTAMPTZ
    )::BOOLEAN AS is_active /* The contract covers the run's execution time */
FROM contracts
INNER JOIN organizations
    ON contracts.organization_id = organizations.organization_id
LEFT JOIN plans
    ON contracts.plan_id = plans.plan_id
