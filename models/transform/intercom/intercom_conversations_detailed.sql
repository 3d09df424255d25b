MODEL (
    name analytics.intercom_conversations_detailed,
    kind FULL,
    cron '0 7 * * *',
    owner analytics,
    grain conversation_id,
    tags (transform, intercom, cs, pii),
    audits (
        unique_values(columns := (
            conversation_id
        ))
        , not_null(columns := (conversation_id, conversation_started))
    ),
    description 'One row per Intercom conversation of the customer-success team with a patient: the Dialogue user and email of its Intercom user (null when the Intercom user is unknown), when it started, and the first message written by the patient (author_type user) and by the team (author_type admin), null when that side never wrote. FULL (small), rebuilt by the daily 07:00 UTC run.'
);

WITH first_messages AS (
    SELECT
        conversation_id
        , MIN(CASE WHEN author_type = 'user' THEN created_at END) AS user_first_message
        , MIN(CASE WHEN author_type = 'admin' THEN created_at END) AS admin_first_message
    FROM analytics.intercom_conversation_parts
    GROUP BY
        conversation_id
)
SELECT
    conversations.conversation_id::TEXT AS conversation_id /* Intercom conversation id */
    , users.email::TEXT AS email /* [PII] Email of the patient */
    , users.user_id::TEXT AS user_id /* Scribe user id of the patient */
    , conversations.created_at::TIMESTAMPTZ AS conversation_started /* Time the conversation started (UTC) */
    , first_messages.user_first_message::TIMESTAMPTZ AS user_first_message /* Time of the first part written by the patient (UTC) */
    , first_messages.admin_first_message::TIMESTAMPTZ AS admin_first_message /* Time of the first part written by the customer-success team (UTC) */
FROM analytics.intercom_conversations AS conversations
LEFT JOIN analytics.intercom_users AS users
    ON conversations.intercom_user_id = users.intercom_user_id
LEFT JOIN first_messages
    ON conversations.conversation_id = first_messages.conversation_id
