MODEL (
    name analytics.episodes_with_contracts,
    kind FULL,
    cron '0 7 * * *',
    owner analytics,
    grain (episode_id, contract_id),
    tags (table, episodes, membership, care),
    audits (
        unique_combination_of_columns(columns := (episode_id, contract_id))
        , not_null(columns := (episode_id, contract_id, patient_id, family_member_type, organization_id))
        , accepted_values("column" := family_member_type, is_in := ('Employee', 'Dependent', 'Child'))
    ),
    description 'Episodes with the contract of their subject: one row per episode and contract of the subject (user_contract) whose local validity [during_start_est, during_end_est) contains the episode''s first patient message (local, from the activated chats), as in the original: episodes never activated (no first patient message) have no contract and are left out. An episode appears twice when the person has two overlapping contracts (e.g. employee and dependent); episodes without a contract at that moment are left out. Every column of episodes, in its order and type (selected with the projection macro passthrough_columns, so a column added to episodes appears here too), then contract_id, family_member_type, residence_province, organization and Salesforce account. FULL, rebuilt by the daily 07:00 UTC run after episodes (itself FULL).'
);

WITH episodes AS (
    SELECT
        @STAR(analytics.episodes)
    FROM analytics.episodes
), contracts AS (
    SELECT
        user_id
        , contract_id
        , family_member_type
        , residence_province
        , organization_id
        , organization_name
        , account_id
        , account_name
        , during_start_est
        , during_end_est
    FROM analytics.user_contract
)
SELECT
    @passthrough_columns(analytics.episodes, episodes)
    , contracts.contract_id::BIGINT AS contract_id /* Contract of the subject active at the first patient message */
    , contracts.family_member_type::TEXT AS family_member_type /* Employee, Dependent or Child on that contract */
    , contracts.residence_province::TEXT AS residence_province /* Province of residence of the subject (full name) */
    , contracts.organization_id::BIGINT AS organization_id /* Organization of the contract */
    , contracts.organization_name::TEXT AS organization_name /* Name of the organization */
    , contracts.account_id::TEXT AS account_id /* Salesforce account of the organization */
    , contracts.account_name::TEXT AS account_name /* Salesforce account name */
FROM episodes
INNER JOIN contracts
    ON episodes.patient_id = contracts.user_id
    AND contracts.during_start_est <= episodes.first_message_patient
    AND episodes.first_message_patient < contracts.during_end_est
