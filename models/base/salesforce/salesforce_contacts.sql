MODEL (
    name analytics.salesforce_contacts,
    kind FULL,
    cron '0 7,18 * * *',
    owner analytics,
    grain contact_id,
    tags (base, salesforce, membership, pii),
    audits (unique_values(columns := (
            contact_id
        )), not_null(columns := (
            contact_id
    ))),
    description 'One row per Salesforce contact (people at client accounts: HR, decision makers; Segment cloud source salesforce, table contacts); soft-deleted contacts are excluded. first_name is kept only when the whole raw first name is at least three letters among A-Z, a-z, é and è (no space, hyphen or other accent), with its first letter upper-cased and the rest lower-cased; otherwise it is the empty string, so that greetings never use initials or odd values. Serves the decision-maker NPS send list (nps_dm_list). FULL: small cloud-source replica, rebuilt on every 07:00 and 18:00 UTC run (the send list is read after each run). The unique and not-null audits on contact_id are additions.'
);

WITH contacts AS (
    SELECT
        id
        , name
        , email
        , title
        , account_id
        , contact_type_c
        , first_name
        , last_name
    FROM salesforce.contacts
    WHERE
        NOT COALESCE(is_deleted, FALSE) AND NOT id IS NULL
)
SELECT
    id::TEXT AS contact_id /* Salesforce contact id */
    , name::TEXT AS contact_name /* [PII] Full name of the contact */
    , email::TEXT AS email /* [PII] Email address of the contact */
    , title::TEXT AS contact_title /* Job title of the contact */
    , account_id::TEXT AS account_id /* Salesforce account (client) of the contact */
    , contact_type_c::TEXT AS contact_type /* Contact type (Decision Maker, HR Primary Contact, ...) */
    , CASE
        WHEN REGEXP_MATCHES(first_name, '^[A-Za-zéè]{3,}$')
        THEN UPPER(SUBSTRING(first_name, 1, 1)) || LOWER(SUBSTRING(first_name, 2))
        ELSE ''
    END::TEXT AS first_name /* [PII] First name for greetings: three or more plain letters, capitalised; else empty */
    , last_name::TEXT AS last_name /* [PII] Last name of the contact */
FROM contacts
