MODEL (
    name analytics.scribe_contracts,
    kind FULL,
    cron '0 7,18 * * *',
    owner analytics,
    grain contract_id,
    tags (base, scribe, membership),
    audits (
        unique_values(columns := (
            contract_id
        ))
        , not_null(
            columns := (contract_id, plan_id, organization_id, participant_id, during_start, during_end, imported_at)
        )
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
        , assert_scribe_contracts_valid_range
    ),
    description 'One row per Scribe contract: an employee (participant) covered by a plan of an organization, from the Lambda replica scribe.contract. FULL: small replica updated in place (contracts end by getting an upper bound), rebuilt on every 07:00 and 18:00 UTC run; history in archive.scribe_contracts_archived. The validity range (Postgres tstzrange during; its text literal on DuckDB) is parsed from its text form into half-open during_start / during_end (open-ended: 9999-12-31 23:59:59.999999+00) and local during_start_est / during_end_est, identical on both engines; they replace the original during / during_est ranges. Contracts whose participant is a test user (seed scribe_test_users) are excluded, the one join-like filter of this base model, as in the original.'
);

WITH contracts AS (
    SELECT
        id
        , created
        , during::TEXT AS during_text
        , plan_id
        , plan_organization_id
        , participant_id
        , admin_area_id
        , admin_area_country_id
        , admin_area_iso_code
        , admin_area_name
        , imported_at
    FROM scribe.contract
    WHERE
        NOT id IS NULL
    QUALIFY
        ROW_NUMBER() OVER (PARTITION BY id ORDER BY imported_at DESC) = 1
), test_users AS (
    SELECT
        user_id
    FROM analytics.scribe_test_users
), parsed AS (
    SELECT
        id
        , created
        , NULLIF(TRIM(SPLIT_PART(during_text, ',', 1), '[("'), '')::TIMESTAMPTZ AS during_start
        , COALESCE(
            NULLIF(TRIM(SPLIT_PART(during_text, ',', 2), '])"'), '')::TIMESTAMPTZ,
            '9999-12-31 23:59:59.999999+00'::TIMESTAMPTZ
        ) AS during_end
        , plan_id
        , plan_organization_id
        , participant_id
        , admin_area_id
        , admin_area_country_id
        , admin_area_iso_code
        , admin_area_name
        , imported_at
    FROM contracts
    WHERE
        NOT participant_id::TEXT IN (
            SELECT
                user_id
            FROM test_users
        )
)
SELECT
    id::BIGINT AS contract_id /* Scribe contract id */
    , created::TIMESTAMPTZ AS created_at /* When the contract was created (UTC) */
    , COALESCE(during_start, created)::TIMESTAMPTZ AS during_start /* Start of coverage, inclusive (UTC; contract creation when the range has no lower bound) */
    , during_end::TIMESTAMPTZ AS during_end /* End of coverage, exclusive (UTC); 9999-12-31 23:59:59.999999+00 when open-ended */
    , @to_est(COALESCE(during_start, created))::TIMESTAMP AS during_start_est /* Start of coverage, Montreal local time (naive) */
    , @to_est(during_end)::TIMESTAMP AS during_end_est /* End of coverage, Montreal local time (naive) */
    , plan_id::BIGINT AS plan_id /* Plan the contract is on */
    , plan_organization_id::BIGINT AS organization_id /* Organization of the plan (the employer) */
    , participant_id::TEXT AS participant_id /* Scribe user id of the employee holding the contract */
    , admin_area_id::BIGINT AS admin_area_id /* Administrative area (province) id set by the organization admin */
    , admin_area_country_id::BIGINT AS admin_area_country_id /* Country id of the administrative area */
    , admin_area_iso_code::TEXT AS admin_area_iso_code /* ISO code of the administrative area (e.g. CA-QC) */
    , admin_area_name::TEXT AS admin_area_name /* Province name set by the organization admin */
    , COALESCE(imported_at, created)::TIMESTAMPTZ AS imported_at /* Last Lambda import of this row (UTC), creation time when the loader left it null; archive updated_at */
FROM parsed
