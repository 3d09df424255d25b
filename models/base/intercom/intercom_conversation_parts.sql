MODEL (
    name analytics.intercom_conversation_parts,
    kind FULL,
    cron '0 7 * * *',
    owner analytics,
    grain conversation_part_id,
    tags (base, intercom, cs),
    audits (
        unique_values(columns := (
            conversation_part_id
        ))
        , not_null(columns := (conversation_part_id, conversation_id, author_type, created_at))
    ),
    description 'One row per part (message) of an Intercom conversation (Segment cloud source intercom, table conversation_parts): who wrote it (author_type user = the patient, admin = the customer-success team) and when. When a part was loaded more than once, the last received row is kept. FULL (small), rebuilt by the daily 07:00 UTC run.'
);

WITH parts AS (
    SELECT
        id
        , conversation_id
        , author_type
        , created_at
        , received_at
    FROM intercom.conversation_parts
    WHERE
        NOT id IS NULL
    QUALIFY
        ROW_NUMBER() OVER (PARTITION BY id ORDER BY received_at DESC) = 1
)
SELECT
    id::TEXT AS conversation_part_id /* Intercom conversation part id */
    , conversation_id::TEXT AS conversation_id /* Conversation the part belongs to */
    , author_type::TEXT AS author_type /* Author of the part: user (the patient) or admin (customer success) */
    , created_at::TIMESTAMPTZ AS created_at /* Time the part was written (UTC) */
FROM parts
