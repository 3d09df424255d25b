MODEL (
    name analytics.chats_detailed,
    kind INCREMENTAL_BY_TIME_RANGE (
        time_column date_day_est,
        lookback 3
    ),
    cron '0 7 * * *',
    owner analytics,
    grain (chat_id, contract_id),
    tags (table, chats, membership, care),
    audits (
        unique_combination_of_columns(columns := (chat_id, contract_id))
        , not_null(
            columns := (chat_id, contract_id, episode_id, date_day_est, patient_id, chat_type, family_member_type)
        )
    ),
    description 'Chats with the contract of their patient: one row per chat and contract of the chat''s patient (episode subject) whose local validity [during_start_est, during_end_est) contains the first patient message of the chat, as in the original: chat-days with no patient message (care-team only) have no contract and drop out. Adds organization, Salesforce account, family member type and residence province; chats without such a contract are left out, and a chat appears twice when the person has two overlapping contracts. Daily intervals on the local day (07:00 UTC run) with the 3-day lookback of chats; today is never emitted.'
);

WITH chats AS (
    SELECT
        chat_id
        , episode_id
        , date_day_est
        , date_week_est
        , patient_id
        , user_id
        , rank_chat_in_episode
        , chat_type
        , initiator
        , first_message_created_at
        , first_message_patient
        , first_message_care_team
        , first_set_active
        , is_first_message_in_opening_hours
        , has_open_reminder
        , set_resolved_pending
        , frt_care_team
        , frt_nurse
        , wait_time_first_care_team
        , time_to_resolved_pending
    FROM analytics.chats
    WHERE
        date_day_est BETWEEN @start_ds AND @end_ds
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
), joined AS (
    SELECT
        chats.chat_id
        , chats.episode_id
        , chats.date_day_est
        , chats.date_week_est
        , chats.patient_id
        , chats.user_id
        , chats.rank_chat_in_episode
        , chats.chat_type
        , chats.initiator
        , chats.first_message_created_at
        , chats.first_message_patient
        , chats.first_message_care_team
        , chats.first_set_active
        , chats.is_first_message_in_opening_hours
        , chats.has_open_reminder
        , chats.set_resolved_pending
        , chats.frt_care_team
        , chats.frt_nurse
        , chats.wait_time_first_care_team
        , chats.time_to_resolved_pending
        , contracts.contract_id
        , contracts.family_member_type
        , contracts.residence_province
        , contracts.organization_id
        , contracts.organization_name
        , contracts.account_id
        , contracts.account_name
    FROM chats
    INNER JOIN contracts
        ON chats.patient_id = contracts.user_id
        AND contracts.during_start_est <= chats.first_message_patient
        AND chats.first_message_patient < contracts.during_end_est
)
SELECT
    chat_id::TEXT AS chat_id /* Chat (md5 of episode and local day) */
    , episode_id::TEXT AS episode_id /* Episode (messaging channel) */
    , date_day_est::DATE AS date_day_est /* Local day of the chat */
    , date_week_est::DATE AS date_week_est /* Local Monday week of the chat */
    , patient_id::TEXT AS patient_id /* Episode subject */
    , user_id::TEXT AS user_id /* Patient who posted */
    , rank_chat_in_episode::INT AS rank_chat_in_episode /* Order of the chat day within the episode */
    , chat_type::TEXT AS chat_type /* New Episode, Follow-up, Other initiated by Care Team, Other initiated by patient or unknown */
    , initiator::TEXT AS initiator /* patient or care-team */
    , first_message_created_at::TIMESTAMP AS first_message_created_at /* First message of the day (local) */
    , first_message_patient::TIMESTAMP AS first_message_patient /* First patient message (local) */
    , first_message_care_team::TIMESTAMP AS first_message_care_team /* First care-team message (local) */
    , first_set_active::TIMESTAMP AS first_set_active /* First set active that day (local) */
    , is_first_message_in_opening_hours::BOOLEAN AS is_first_message_in_opening_hours /* First message within opening hours */
    , has_open_reminder::BOOLEAN AS has_open_reminder /* A reminder was open that day */
    , set_resolved_pending::BOOLEAN AS set_resolved_pending /* Set pending or resolved that day */
    , frt_care_team::DOUBLE AS frt_care_team /* First response time of the care team, minutes */
    , frt_nurse::DOUBLE AS frt_nurse /* First response time of a nurse, minutes */
    , wait_time_first_care_team::DOUBLE AS wait_time_first_care_team /* Minutes from the first patient message to the first care-team message */
    , time_to_resolved_pending::DOUBLE AS time_to_resolved_pending /* Minutes from the first message to the first resolve or pending */
    , contract_id::BIGINT AS contract_id /* Contract of the patient active at the first patient message */
    , family_member_type::TEXT AS family_member_type /* Employee, Dependent or Child */
    , residence_province::TEXT AS residence_province /* Province of residence (full name) */
    , organization_id::BIGINT AS organization_id /* Organization of the contract */
    , organization_name::TEXT AS organization_name /* Name of the organization */
    , account_id::TEXT AS account_id /* Salesforce account of the organization */
    , account_name::TEXT AS account_name /* Salesforce account name */
FROM joined
