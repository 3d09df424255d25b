MODEL (
    name analytics.scribe_organizations_contracts,
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
                , first_contract_start_at
                , last_contract_end_at
                , first_contract_start_date
                , last_contract_end_date
                , contracts_count
                , is_churned
            )
        )
    ),
    description 'One row per Scribe organization that has at least one contract: when its first contract started, when its last contract ends and whether it churned. is_churned: the last contract end is not the open-ended sentinel and is at or before the run''s execution time (a contract ending at midnight today has ended; one ending tomorrow has not yet). Differs from the original, which flagged churn as soon as the last end was not the sentinel, even when it lay in the future. FULL: contracts are updated in place, so the rollup is rebuilt on every 07:00 and 18:00 UTC run (small).'
);

WITH contracts AS (
    SELECT
        contract_id
        , organization_id
        , during_start
        , during_end
    FROM analytics.scribe_contracts
), organization_contracts AS (
    SELECT
        organization_id
        , MIN(during_start) AS first_contract_start_at
        , MAX(during_end) AS last_contract_end_at
        , COUNT(DISTINCT contract_id) AS contracts_count
    FROM contracts
    GROUP BY
        organization_id
)
SELECT
    organization_id::BIGINT AS organization_id /* Scribe organization id */
    , first_contract_start_at::TIMESTAMPTZ AS first_contract_start_at /* Start of the earliest contract (UTC) */
    , last_contract_end_at::TIMESTAMPTZ AS last_contract_end_at /* End of the latest-ending contract (UTC); 9999-12-31 23:59:59.999999+00 while one is open-ended */
    , @to_utc(first_contract_start_at)::DATE AS first_contract_start_date /* UTC day of first_contract_start_at */
    , @to_utc(last_contract_end_at)::DATE AS last_contract_end_date /* UTC day of last_contract_end_at (9999-12-31 while open-ended) */
    , contracts_count::BIGINT AS contracts_count /* Contracts of the organization, ever */
    , (
        last_contract_end_at < '9999-12-31 23:59:59.999999+00'::TIMESTAMPTZ
        AND last_contract_end_at <= @execution_tstz::TIMESTAMPTZ
    )::BOOLEAN AS is_churned /* Every contract of the organization has ended by the run's execution time */
FROM organization_contracts
