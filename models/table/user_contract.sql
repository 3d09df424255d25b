MODEL (
    name analytics.user_contract,
    kind FULL,
    cron '0 7,18 * * *',
    owner analytics,
    grain (user_id, contract_id),
    tags (table, membership, pii),
    audits (
        unique_combination_of_columns(columns := (user_id, contract_id))
        , not_null(
            columns := (
                user_id
                , contract_id
                , organization_id
                , account_id
                , account_name
                , account_industry
                , family_member_type
                , "language"
                , residence_province
                , during_start
                , during_end
                , has_first_episode
                , is_activated
            )
        )
        , accepted_values("column" := family_member_type, is_in := ('Employee', 'Dependent', 'Child'))
        , accepted_values("column" := "language", is_in := ('FR', 'EN'))
        , assert_user_contract_overlap_rate
    ),
    description 'The membership business object: one row per member x contract (scribe_user_contract_detailed) with the organization''s Salesforce account and plan features (organizations), and activation. Activation is computed over the member''s episodes (episode spine messaging_channels: the patient who posts) created within the contract''s validity: first_episode_created_at (legacy activation: first episode created) and activated_at (current activation: first time one of those episodes was set active in Usher). Differs from the original: episodes must be created within the contract range; the original took every episode created before the contract end, so an episode under an earlier contract activated a later one. FULL: rebuilt on every 07:00 and 18:00 UTC run because contracts change in place and activation needs each member''s whole history.'
);

WITH user_contracts AS (
    SELECT
        user_id
        , contract_id
        , organization_id
        , organization_name
        , plan_id
        , participant_id
        , is_employee
        , is_child
        , family_member_type
        , residence_province
        , residence_province_code
        , residence_region
        , "language"
        , during_start
        , during_end
        , during_start_est
        , during_end_est
        , invited_month
        , signed_up_at
        , signed_up_month
        , is_signed_up
        , birthday
        , gender
        , country
        , charge_strategy
        , charge_price
        , organization_is_paid
        , billing_start_date
    FROM analytics.scribe_user_contract_detailed
), organizations AS (
    SELECT
        organization_id
        , account_id
        , account_name
        , account_industry
        , features
        , has_mental_health
        , has_24_7
    FROM analytics.organizations
), episodes AS (
    SELECT
        episode_id
        , user_id
        , created_at
    FROM analytics.messaging_channels
), state_changes AS (
    SELECT
        episode_id
        , "timestamp"
    FROM analytics.usher_episode_state_updated
    WHERE
        episode_state = 'active'
), episodes_first_set_active AS (
    SELECT
        episode_id
        , MIN("timestamp") AS first_set_active_at
    FROM state_changes
    GROUP BY
        episode_id
), contract_episodes AS (
    SELECT
        user_contracts.user_id
        , user_contracts.contract_id
        , MIN(episodes.created_at) AS first_episode_created_at
        , MIN(episodes_first_set_active.first_set_active_at) AS activated_at
    FROM user_contracts
    INNER JOIN episodes
        ON user_contracts.user_id = episodes.user_id
        AND episodes.created_at >= user_contracts.during_start
        AND episodes.created_at < user_contracts.during_end
    LEFT JOIN episodes_first_set_active
        ON episodes.episode_id = episodes_first_set_active.episode_id
    GROUP BY
        user_contracts.user_id
        , user_contracts.contract_id
)
SELECT
    user_contracts.user_id::TEXT AS user_id /* Scribe user id of the member */
    , user_contracts.contract_id::BIGINT AS contract_id /* Contract covering the member */
    , user_contracts.organization_id::BIGINT AS organization_id /* Organization (employer) of the contract */
    , user_contracts.organization_name::TEXT AS organization_name /* Name of the organization */
    , organizations.account_id::TEXT AS account_id /* Salesforce account id of the organization (N/A when not linked) */
    , organizations.account_name::TEXT AS account_name /* Salesforce account name (N/A when not linked) */
    , organizations.account_industry::TEXT AS account_industry /* Industry of the account (N/A when unknown) */
    , user_contracts.plan_id::BIGINT AS plan_id /* Plan of the contract */
    , organizations.features::TEXT AS features /* Comma-separated features of the organization's current plan */
    , organizations.has_mental_health::BOOLEAN AS has_mental_health /* The organization's plan includes mental health */
    , organizations.has_24_7::BOOLEAN AS has_24_7 /* The organization's plan includes 24/7 care */
    , user_contracts.participant_id::TEXT AS participant_id /* Scribe user id of the employee holding the contract */
    , user_contracts.is_employee::BOOLEAN AS is_employee /* The member is the employee holding the contract */
    , user_contracts.is_child::BOOLEAN AS is_child /* The member is a child under 14 at the contract start */
    , user_contracts.family_member_type::TEXT AS family_member_type /* Employee, Child or Dependent */
    , user_contracts.residence_province::TEXT AS residence_province /* Province of residence (full name) */
    , user_contracts.residence_province_code::TEXT AS residence_province_code /* Two-letter code of the residence province */
    , user_contracts.residence_region::TEXT AS residence_region /* Region of the residence province */
    , user_contracts."language"::TEXT AS "language" /* FR or EN */
    , user_contracts.during_start::TIMESTAMPTZ AS during_start /* Start of coverage, inclusive (UTC) */
    , user_contracts.during_end::TIMESTAMPTZ AS during_end /* End of coverage, exclusive (UTC); 9999-12-31 23:59:59.999999+00 when open-ended */
    , user_contracts.during_start_est::TIMESTAMP AS during_start_est /* Start of coverage, Montreal local time (naive) */
    , user_contracts.during_end_est::TIMESTAMP AS during_end_est /* End of coverage, Montreal local time (naive) */
    , user_contracts.invited_month::DATE AS invited_month /* UTC month the contract started */
    , user_contracts.signed_up_at::TIMESTAMPTZ AS signed_up_at /* When the member signed up (UTC) */
    , user_contracts.signed_up_month::DATE AS signed_up_month /* UTC month of signed_up_at */
    , user_contracts.is_signed_up::BOOLEAN AS is_signed_up /* The member has signed up */
    , user_contracts.birthday::DATE AS birthday /* [PII] Birthday of the member */
    , user_contracts.gender::TEXT AS gender /* M, F or N/A */
    , user_contracts.country::TEXT AS country /* Country of the member */
    , user_contracts.charge_strategy::TEXT AS charge_strategy /* Organization charge strategy */
    , user_contracts.charge_price::DOUBLE AS charge_price /* Organization price, CAD */
    , user_contracts.organization_is_paid::BOOLEAN AS organization_is_paid /* The organization pays */
    , user_contracts.billing_start_date::DATE AS billing_start_date /* First billed day of the organization */
    , contract_episodes.first_episode_created_at::TIMESTAMPTZ AS first_episode_created_at /* First episode the member opened during the contract (UTC) */
    , (
        NOT contract_episodes.first_episode_created_at IS NULL
    )::BOOLEAN AS has_first_episode /* The member opened an episode during the contract (legacy activation) */
    , DATE_TRUNC('MONTH', @to_utc(contract_episodes.first_episode_created_at))::DATE AS first_episode_month /* UTC month of first_episode_created_at */
    , contract_episodes.activated_at::TIMESTAMPTZ AS activated_at /* First time one of the member's contract episodes was set active (UTC) */
    , (
        NOT contract_episodes.activated_at IS NULL
    )::BOOLEAN AS is_activated /* The member is activated (an episode was set active) */
    , DATE_TRUNC('MONTH', @to_utc(contract_episodes.activated_at))::DATE AS activated_month /* UTC month of activated_at */
FROM user_contracts
INNER JOIN organizations
    ON user_contracts.organization_id = organizations.organization_id
LEFT JOIN contract_episodes
    ON user_contracts.user_id = contract_episodes.user_id
    AND user_contracts.contract_id = contract_episodes.contract_id
