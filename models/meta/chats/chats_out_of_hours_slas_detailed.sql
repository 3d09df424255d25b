MODEL (
    name analytics.chats_out_of_hours_slas_detailed,
    kind FULL,
    cron '0 7 * * *',
    owner analytics,
    grain (episode_id, account_id, organization_id),
    tags (meta, chats, care),
    audits (
        not_null(
            columns := (
                episode_id
                , date_day_est
                , is_answered_next_day
                , is_answered_within_3_opened_hours
                , is_pm_chat
                , account_id
                , account_name
                , organization_id
                , organization_name
                , residence_province
            )
        )
        , unique_combination_of_columns(columns := (episode_id, account_id, organization_id), blocking := FALSE)
    ),
    description 'The out-of-hours episodes of chats_out_of_hours_slas with the contract of their patient: one row per episode and contract covering the patient at the first patient message (Montreal local time within the contract''s local coverage [during_start_est, during_end_est) of user_contract), adding the account, the organization and the province of residence. Episodes whose patient had no contract then are left out (inner join). As in the original, a patient with two overlapping contracts counts the episode twice (no unique test there); the rebuild monitors it with a non-blocking unique audit on (episode_id, account_id, organization_id). account_id and account_name are N/A when the organization has no Salesforce account. FULL, refreshed by the 07:00 UTC run: its parent is incremental, but a contract change can move an episode retroactively.'
);

WITH slas AS (
    SELECT
        chat_id
        , episode_id
        , patient_id
        , date_day_est
        , date_week_est
        , first_message_patient
        , is_pm_chat
        , first_response_same_day
        , first_response_next_day
        , next_day_opening_hour_est
        , is_answered_next_day
        , is_answered_within_3_opened_hours
    FROM analytics.chats_out_of_hours_slas
), contracts AS (
    SELECT
        user_id
        , during_start_est
        , during_end_est
        , account_id
        , account_name
        , organization_id
        , organization_name
        , residence_province
    FROM analytics.user_contract
)
SELECT
    slas.chat_id::TEXT AS chat_id /* The episode's New Episode chat */
    , slas.episode_id::TEXT AS episode_id /* Episode (messaging channel) */
    , slas.patient_id::TEXT AS patient_id /* Episode subject */
    , slas.date_day_est::DATE AS date_day_est /* Local day of the chat */
    , slas.date_week_est::DATE AS date_week_est /* Local Monday week of the chat */
    , slas.first_message_patient::TIMESTAMP AS first_message_patient /* First patient message (local) */
    , slas.is_pm_chat::BOOLEAN AS is_pm_chat /* First patient message at 13:00 local or later (after closing); else an AM chat before opening */
    , slas.first_response_same_day::TIMESTAMP AS first_response_same_day /* Earlier of the DXA trigger and the first care-team message that day (local) */
    , slas.first_response_next_day::TIMESTAMP AS first_response_next_day /* Earlier of the DXA trigger and the first care-team message the next day (local) */
    , slas.next_day_opening_hour_est::TIMESTAMP AS next_day_opening_hour_est /* Opening time of the next day (local); null when closed */
    , slas.is_answered_next_day::BOOLEAN AS is_answered_next_day /* PM: answered that day or the next; AM: answered that day */
    , slas.is_answered_within_3_opened_hours::BOOLEAN AS is_answered_within_3_opened_hours /* First response within 3 hours of the (next) opening */
    , contracts.account_id::TEXT AS account_id /* Salesforce account id of the organization (N/A when not linked) */
    , contracts.account_name::TEXT AS account_name /* Salesforce account name (N/A when not linked) */
    , contracts.organization_id::BIGINT AS organization_id /* Organization (employer) of the contract */
    , contracts.organization_name::TEXT AS organization_name /* Name of the organization */
    , contracts.residence_province::TEXT AS residence_province /* Province of residence of the patient (full name) */
FROM slas
INNER JOIN contracts
    ON slas.patient_id = contracts.user_id
    AND slas.first_message_patient >= contracts.during_start_est
    AND slas.first_message_patient < contracts.during_end_est
