MODEL (
    name analytics.intercom_users,
    kind FULL,
    cron '0 7 * * *',
    owner analytics,
    grain intercom_user_id,
    tags (base, intercom, cs, pii),
    audits (unique_values(columns := (
            intercom_user_id
        )), not_null(columns := (
            intercom_user_id
    ))),
    description 'One row per Intercom user (Segment cloud source intercom, table users): the Dialogue (Scribe) user id and email behind an Intercom user id. When a user was loaded more than once, the last received row is kept. FULL (small), rebuilt by the daily 07:00 UTC run.'
);

WITH users AS (
    SELECT
        id
        , email
        , user_id
        , received_at
    FROM intercom.users
    WHERE
        NOT id IS NULL
    QUALIFY
        ROW_NUMBER() OVER (PARTITION BY id ORDER BY received_at DESC) = 1
)
SELECT
    id::TEXT AS intercom_user_id /* Intercom user id */
    , email::TEXT AS email /* [PII] Email of the user */
    , user_id::TEXT AS user_id /* Scribe user id of the user */
FROM users
