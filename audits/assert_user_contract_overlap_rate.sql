AUDIT (
    name assert_user_contract_overlap_rate,
    blocking FALSE
);

/*
Domain 11.2: per contract start month, at most 0.54% of members hold overlapping contracts
(judged only where the month's population exceeds 1000 members). Non-blocking: a source-data
quality warning, not a reason to stop the run.
*/
WITH members AS (
    SELECT
        user_id
        , contract_id
        , during_start
        , during_end
        , invited_month
    FROM @this_model
), overlapping AS (
    SELECT DISTINCT
        first_contract.user_id
        , first_contract.invited_month
    FROM members AS first_contract
    INNER JOIN members AS other_contract
        ON first_contract.user_id = other_contract.user_id
        AND first_contract.contract_id <> other_contract.contract_id
        AND first_contract.during_start < other_contract.during_end
        AND other_contract.during_start < first_contract.during_end
), monthly AS (
    SELECT
        members.invited_month
        , COUNT(DISTINCT members.user_id) AS users_count
        , COUNT(DISTINCT overlapping.user_id) AS overlapping_users_count
    FROM members
    LEFT JOIN overlapping
        ON members.user_id = overlapping.user_id AND members.invited_month = overlapping.invited_month
    GROUP BY
        members.invited_month
)
SELECT
    invited_month
    , users_count
    , overlapping_users_count
FROM monthly
WHERE
    users_count > 1000 AND overlapping_users_count > 0.0054 * users_count
