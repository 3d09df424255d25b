MODEL (
    name analytics.salesforce_users,
    kind FULL,
    cron '0 7,18 * * *',
    owner analytics,
    grain user_id,
    tags (base, salesforce, membership, pii),
    audits (unique_values(columns := (
            user_id
    )), not_null(columns := (user_id, is_active))),
    description 'One row per Salesforce user (Dialogue staff: account managers, sales; Segment cloud source salesforce, table users). FULL: small cloud-source replica, rebuilt on every 07:00 and 18:00 UTC run. Differs from the original: the one hard-coded start-date and last-login overrides of the original are not reproduced (they targeted real user ids), and the many preference flags are left in the raw table.'
);

WITH users AS (
    SELECT
        id
        , name
        , email
        , title
        , state_code
        , country_code
        , city
        , country
        , department
        , created_date
        , last_login_date
        , is_active
    FROM salesforce.users
    WHERE
        NOT id IS NULL
)
SELECT
    id::TEXT AS user_id /* Salesforce user id */
    , name::TEXT AS user_name /* [PII] Full name of the staff member */
    , email::TEXT AS email /* [PII] Work email of the staff member */
    , title::TEXT AS title /* Job title */
    , state_code::TEXT AS province /* Two-letter province code of the staff member */
    , country_code::TEXT AS country_code /* Two-letter country code */
    , city::TEXT AS city /* City of the staff member */
    , country::TEXT AS country /* Country name of the staff member */
    , department::TEXT AS department /* Department of the staff member (Sales, Customer Success, Partnerships) */
    , created_date::TIMESTAMPTZ AS started_date /* When the user was created in Salesforce (UTC), used as start date */
    , last_login_date::TIMESTAMPTZ AS last_login_date /* Last Salesforce login (UTC) */
    , COALESCE(is_active, FALSE)::BOOLEAN AS is_active /* The Salesforce user is active */
FROM users
