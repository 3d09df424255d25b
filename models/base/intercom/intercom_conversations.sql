MODEL (
    name analytics.intercom_conversations,
    kind FULL,
    cron '0 7 * * *',
    owner analytics,
    grain conversation_id,
    tags (base, intercom, cs),
    audits (
        unique_values(columns := (
            conversation_id
        ))
        , not_null(columns := (conversation_id, created_at))
    ),
    description 'One row per Intercom conversation of the customer-success team with a patient (Segment cloud source intercom, table conversations), with the Intercom user it is with. When a conversation was loaded more than once, the last received row is kept. FULL (small), rebuilt by the daily 07:00 UTC run.'
);

WITH conversations AS (
    SELECT
        id
        , user_id
        , created_at
        , received_at
    FROM intercom.conversations
    WHERE
        NOT id IS NULL
    QUALIFY
        ROW_NUMBER() OVER (PARTITION BY id ORDER BY received_at DESC) = 1
)
SELECT
    id::TEXT AS conversation_id /* Intercom conversation id */
    , user_id::TEXT AS intercom_user_id /* Intercom user id of the patient (see intercom_users) */
    , created_at::TIMESTAMPTZ AS created_at /* Time the conversation started (UTC) */
FROM conversations
