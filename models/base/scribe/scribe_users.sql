MODEL (
    name analytics.scribe_users,
    kind FULL,
    cron '0 7,18 * * *',
    signals (
        delivered()
    ),
    owner analytics,
    grain user_id,
    tags (base, scribe, membership, pii),
    audits (
        unique_values(columns := (
            user_id
        ))
        , not_null(columns := (user_id, gender, language, status))
        , accepted_values("column" := gender, is_in := ('M', 'F', 'N/A'))
        , accepted_values("column" := language, is_in := ('FR', 'EN', 'N/A'))
        , accepted_values("column" := status, is_in := ('invited', 'registered', 'future', 'deleted', 'deactivated'))
        , accepted_range("column" := age, min_v := 0, max_v := 130)
    ),
    description 'One row per Scribe (membership) user: patients, their family members and care-team members. FULL because the Segment identify table is updated in place and is small; rebuilt on every run. Gender and language are normalised (N/A when missing); a missing birthday is backfilled from created_at minus age. Should a user appear twice, the latest received row is kept. History is kept by archive.scribe_users_archived (keyed on user_id, timed on received_at). Test users are kept here and excluded in scribe_users_detailed; the residence province code is mapped to its full name in scribe_user_contract_detailed (no joins in base).'
);

WITH users AS (
    SELECT
        id
        , email
        , first_name
        , last_name
        , birthday
        , age
        , gender
        , "language"
        , residence_province
        , country
        , address_country
        , address_state
        , auth_id
        , status
        , family_id
        , created_at
        , received_at
    FROM scribe.users
    WHERE
        NOT id IS NULL
    QUALIFY
        ROW_NUMBER() OVER (PARTITION BY id ORDER BY received_at DESC) = 1
)
SELECT
    id::TEXT AS user_id /* Scribe user id (same id space as Segment user_id and coredata practitioners) */
    , email::TEXT AS email /* [PII] Email address of the user */
    , first_name::TEXT AS first_name /* [PII] First name */
    , last_name::TEXT AS last_name /* [PII] Last name */
    , TRIM(COALESCE(first_name, '') || ' ' || COALESCE(last_name, '')) AS user_name /* [PII] First and last name */
    , COALESCE(birthday::DATE, (
        @to_utc(created_at) - (
            age * INTERVAL '1' YEAR
        )
    )::DATE) AS birthday /* [PII] Birthday; backfilled from created_at minus age when missing */
    , age::INT AS age /* Age in years as recorded by Scribe */
    , CASE UPPER(gender) WHEN 'M' THEN 'M' WHEN 'F' THEN 'F' ELSE 'N/A' END AS gender /* M, F or N/A */
    , CASE UPPER("language") WHEN 'FR' THEN 'FR' WHEN 'EN' THEN 'EN' ELSE 'N/A' END AS "language" /* FR, EN or N/A */
    , UPPER(TRIM(residence_province))::TEXT AS residence_province_code /* Two-letter province code entered by the user */
    , country::TEXT AS country /* Country of the user */
    , address_country::TEXT AS address_country /* Country of the postal address */
    , address_state::TEXT AS address_state /* State or province of the postal address */
    , auth_id::TEXT AS auth_id /* Identity-provider id; present once the user registered */
    , COALESCE(status, 'invited')::TEXT AS status /* invited (default), registered, future, deleted or deactivated */
    , family_id::TEXT AS family_id /* Family grouping the employee and dependants */
    , created_at::TIMESTAMPTZ AS created_at /* When the user was created in Scribe (UTC) */
    , received_at::TIMESTAMPTZ AS received_at /* Last Segment identify load of this user (UTC); archive updated_at */
FROM users
