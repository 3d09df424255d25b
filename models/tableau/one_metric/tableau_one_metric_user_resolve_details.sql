MODEL (
    name analytics.tableau_one_metric_user_resolve_details,
    kind FULL,
    cron '0 7 * * *',
    owner analytics,
    grain contract_id,
    tags (tableau, care, one_metric),
    audits (
        unique_values(columns := (
            contract_id
        ))
        , not_null(columns := (contract_id, user_key, invited_at, days_since_invite))
    ),
    description 'Product, One Metric That Matters (Tableau), from invitation to first resolve (the original''s tableau_product_one_metric_user_resolve_details, renamed to fit the Postgres-safe name length): one row per employee contract (user_contract rows whose member is the Employee). invited_at is the creation of the employee''s Scribe user (scribe_users_detailed), signed_up_at the sign-up. The employee''s episodes under the contract are the episodes of episodes_with_contracts whose subject is the employee and whose contract (active at the first patient message) is this one, ordered by first patient message: activated_at is the first patient message of the first one; first_resolve_at is the first resolve or pending time of the first of them that was resolved; first_full_resolve_at is that same time when that episode was fully resolved (tableau_product_one_metric_resolution_rate), else null. Episode times are local and are converted to UTC instants. The original ordered the episodes by resolve time descending, so its first resolve was the latest one (and an episode never resolved ranked first); here the order is ascending by first patient message, as the column names say. The seven day counts are whole days (truncated) between these times, and up to the run time for days_signed_up and days_since_invite; each is null when one of its times is unknown. A contract without episode keeps null episode columns. The employee appears only as a salted hash (user_key). FULL, rebuilt by the daily 07:00 UTC run. A dashboard contract: names and types are stable.'
);

WITH contracts AS (
    SELECT
        user_id
        , contract_id
        , signed_up_at
    FROM analytics.user_contract
    WHERE
        family_member_type = 'Employee'
), users AS (
    SELECT
        user_id
        , created_at
    FROM analytics.scribe_users_detailed
), episodes AS (
    SELECT DISTINCT
        episode_id
        , contract_id
        , patient_id
        , (
            @from_est(first_message_patient)
        ) AS first_message_patient_at
        , (
            @from_est(first_set_resolved_pending_at)
        ) AS first_resolve_at
    FROM analytics.episodes_with_contracts
    WHERE
        NOT first_message_patient IS NULL
), full_resolutions AS (
    SELECT
        episode_id
        , contract_id
        , fully_resolved
    FROM analytics.tableau_product_one_metric_resolution_rate
), first_activations AS (
    SELECT
        contract_id
        , patient_id
        , first_message_patient_at AS activated_at
    FROM episodes
    QUALIFY
        ROW_NUMBER() OVER (PARTITION BY contract_id, patient_id ORDER BY first_message_patient_at, episode_id) = 1
), first_resolves AS (
    SELECT
        episodes.contract_id
        , episodes.patient_id
        , episodes.first_resolve_at
        , CASE WHEN full_resolutions.fully_resolved THEN episodes.first_resolve_at END AS first_full_resolve_at
    FROM episodes
    LEFT JOIN full_resolutions
        ON episodes.episode_id = full_resolutions.episode_id
        AND episodes.contract_id = full_resolutions.contract_id
    WHERE
        NOT episodes.first_resolve_at IS NULL
    QUALIFY
        ROW_NUMBER() OVER (
            PARTITION BY episodes.contract_id, episodes.patient_id
            ORDER BY episodes.first_message_patient_at, episodes.episode_id
        ) = 1
), details AS (
    SELECT
        contracts.user_id
        , contracts.contract_id
        , users.created_at AS invited_at
        , contracts.signed_up_at
        , first_activations.activated_at
        , first_resolves.first_resolve_at
        , first_resolves.first_full_resolve_at
    FROM contracts
    LEFT JOIN users
        ON contracts.user_id = users.user_id
    LEFT JOIN first_activations
        ON contracts.contract_id = first_activations.contract_id
        AND contracts.user_id = first_activations.patient_id
    LEFT JOIN first_resolves
        ON contracts.contract_id = first_resolves.contract_id AND contracts.user_id = first_resolves.patient_id
)
SELECT
    @pii_hash(user_id)::TEXT AS user_key /* Salted hash of the employee's Scribe id */
    , contract_id::BIGINT AS contract_id /* Employee contract */
    , invited_at::TIMESTAMPTZ AS invited_at /* Creation of the employee's Scribe user: the invitation (UTC) */
    , signed_up_at::TIMESTAMPTZ AS signed_up_at /* Sign-up of the employee (UTC); null when not signed up */
    , activated_at::TIMESTAMPTZ AS activated_at /* First patient message of the employee's first episode under the contract (UTC) */
    , first_resolve_at::TIMESTAMPTZ AS first_resolve_at /* First resolve or pending of the first resolved episode under the contract (UTC) */
    , first_full_resolve_at::TIMESTAMPTZ AS first_full_resolve_at /* The same time when that episode was fully resolved, else null (UTC) */
    , TRUNC(@seconds_between(invited_at, signed_up_at) / 86400)::BIGINT AS days_since_invite_at_sign_up /* Whole days from invitation to sign-up */
    , TRUNC(@seconds_between(signed_up_at, first_resolve_at) / 86400)::BIGINT AS days_signed_up_at_first_resolve /* Whole days from sign-up to the first resolve */
    , TRUNC(@seconds_between(invited_at, first_resolve_at) / 86400)::BIGINT AS days_since_invite_at_first_resolve /* Whole days from invitation to the first resolve */
    , TRUNC(@seconds_between(signed_up_at, activated_at) / 86400)::BIGINT AS days_signed_up_at_activation /* Whole days from sign-up to the first patient message */
    , TRUNC(@seconds_between(invited_at, activated_at) / 86400)::BIGINT AS days_since_invite_at_activation /* Whole days from invitation to the first patient message */
    , TRUNC(@seconds_between(signed_up_at, @execution_tstz::TIMESTAMPTZ) / 86400)::BIGINT AS days_signed_up /* Whole days from sign-up to the run */
    , TRUNC(@seconds_between(invited_at, @execution_tstz::TIMESTAMPTZ) / 86400)::BIGINT AS days_since_invite /* Whole days from invitation to the run */
FROM details
