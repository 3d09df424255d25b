MODEL (
    name analytics.scribe_users_detailed,
    kind FULL,
    cron '0 7,18 * * *',
    owner analytics,
    grain user_id,
    tags (table, scribe, membership, pii),
    audits (
        unique_values(columns := (
            user_id
        ))
        , not_null(columns := (user_id, gender, "language", status, is_signed_up, is_child))
        , accepted_values("column" := gender, is_in := ('M', 'F', 'N/A'))
        , accepted_values("column" := "language", is_in := ('FR', 'EN', 'N/A'))
        , accepted_values("column" := status, is_in := ('invited', 'registered', 'future', 'deleted', 'deactivated'))
    ),
    description 'One row per Scribe user who is not a test user (seed scribe_test_users), with sign-up and child flags. signed_up_at is the first user_signed_up event; for users of the legacy system without that event, created_at when the user is registered or has an auth id. is_child: the user was added as a child (child_added). FULL: users are updated in place, so the table is rebuilt on every 07:00 and 18:00 UTC run (small).'
);

WITH users AS (
    SELECT
        user_id
        , email
        , first_name
        , last_name
        , user_name
        , birthday
        , age
        , gender
        , "language"
        , residence_province_code
        , country
        , status
        , auth_id
        , family_id
        , created_at
    FROM analytics.scribe_users
), test_users AS (
    SELECT
        user_id
    FROM analytics.scribe_test_users
), signed_up AS (
    SELECT
        user_id
        , MIN("timestamp") AS first_signed_up_at
    FROM analytics.scribe_user_signed_up
    GROUP BY
        user_id
), children AS (
    SELECT DISTINCT
        child_id
    FROM analytics.scribe_child_added
), detailed AS (
    SELECT
        users.user_id
        , users.email
        , users.first_name
        , users.last_name
        , users.user_name
        , users.birthday
        , users.age
        , users.gender
        , users."language"
        , users.residence_province_code
        , users.country
        , users.status
        , users.family_id
        , users.created_at
        , COALESCE(
            signed_up.first_signed_up_at,
            CASE WHEN users.status = 'registered' OR NOT users.auth_id IS NULL THEN users.created_at END
        ) AS signed_up_at
        , NOT children.child_id IS NULL AS is_child
    FROM users
    LEFT JOIN signed_up
        ON users.user_id = signed_up.user_id
    LEFT JOIN children
        ON users.user_id = children.child_id
    WHERE
        NOT users.user_id IN (
            SELECT
                user_id
            FROM test_users
        )
)
SELECT
    user_id::TEXT AS user_id /* Scribe user id */
    , email::TEXT AS email /* [PII] Email address of the user */
    , first_name::TEXT AS first_name /* [PII] First name */
    , last_name::TEXT AS last_name /* [PII] Last name */
    , user_name::TEXT AS user_name /* [PII] First and last name */
    , birthday::DATE AS birthday /* [PII] Birthday (backfilled from created_at minus age when missing) */
    , age::INT AS age /* Age in years as recorded by Scribe */
    , gender::TEXT AS gender /* M, F or N/A */
    , "language"::TEXT AS "language" /* FR, EN or N/A */
    , residence_province_code::TEXT AS residence_province_code /* Two-letter province code entered by the user */
    , country::TEXT AS country /* Country of the user */
    , status::TEXT AS status /* invited, registered, future, deleted or deactivated */
    , family_id::TEXT AS family_id /* Family grouping the employee and dependants */
    , created_at::TIMESTAMPTZ AS created_at /* When the user was created in Scribe (UTC) */
    , signed_up_at::TIMESTAMPTZ AS signed_up_at /* When the user signed up (UTC): first user_signed_up event, else created_at for registered legacy users */
    , (
        NOT signed_up_at IS NULL
    )::BOOLEAN AS is_signed_up /* The user has signed up */
    , is_child::BOOLEAN AS is_child /* The user was added as a child of an employee (child_added) */
FROM detailed
