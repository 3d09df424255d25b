MODEL (
    name analytics.scribe_user_contract,
    kind FULL,
    cron '0 7,18 * * *',
    owner analytics,
    grain (user_id, contract_id),
    tags (base, scribe, membership),
    audits (
        unique_combination_of_columns(columns := (user_id, contract_id))
        , not_null(columns := (user_id, contract_id))
    ),
    description 'One row per member attached to a Scribe contract (bridge user x contract), from the Lambda replica scribe.user_contract: the employee and their family members all attach to the employee''s contract. FULL: replica updated in place, rebuilt on every 07:00 and 18:00 UTC run.'
);

WITH user_contracts AS (
    SELECT
        user_id
        , contract_id
        , imported_at
    FROM scribe.user_contract
    WHERE
        NOT user_id IS NULL AND NOT contract_id IS NULL
    QUALIFY
        ROW_NUMBER() OVER (PARTITION BY user_id, contract_id ORDER BY imported_at DESC) = 1
)
SELECT
    user_id::TEXT AS user_id /* Scribe user id of the member (employee or family member) */
    , contract_id::BIGINT AS contract_id /* Contract the member is covered by */
    , imported_at::TIMESTAMPTZ AS imported_at /* Last Lambda import of this row (UTC) */
FROM user_contracts
