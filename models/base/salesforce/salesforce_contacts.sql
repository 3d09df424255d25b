MODEL (
    name analytics.salesforce_contacts,
    kind FULL,
    cron '0 7,18 * * *',
    owner analytics,
    grain contact_id,
    tags (base, salesforce, sales, pii),
    audits (unique_values(columns := (
            contact_id
    )), not_null(columns := (contact_id, first_name))),
    description 'One row per Salesforce contact (a person at a client, prospect or partner account; Segment cloud source salesforce, table contacts). Soft-deleted contacts are dropped. first_name is kept only when the whole raw first name is at least three letters among A-Z, a-z, é and è (no space, hyphen or other accent), then capitalized (first letter upper case, the rest lower case); otherwise it is the empty string, so greetings never use initials or odd values. FULL: small cloud-source replica, rebuilt on every 07:00 and 18:00 UTC run.'
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
        NOT COALESCE(is_deleted, FALSE)
), greeting AS (
    SELECT
        id
        , CASE
            WHEN REGEXP_MATCHES(first_name, '^[A-Za-zéè]{3,}$')
            THEN UPPER(SUBSTRING(first_name, 1, 1)) || LOWER(SUBSTRING(first_name, 2))
            ELSE ''
        END AS first_name
    FROM contacts
)
SELECT
    contacts.id::TEXT AS contact_id /* Salesforce contact id */
    , contacts.name::TEXT AS contact_name /* [PII] Full name of the contact */
    , contacts.email::TEXT AS email /* [PII] Email of the contact */
    , contacts.title::TEXT AS contact_title /* Job title of the contact */
    , contacts.account_id::TEXT AS account_id /* Salesforce account the contact belongs to */
    , contacts.contact_type_c::TEXT AS contact_type /* Role of the contact (Decision Maker, Partner, ...) */
    , greeting.first_name::TEXT AS first_name /* [PII] First name fit for a greeting: three or more letters (A-Z, a-z, é, è), capitalized; empty string otherwise */
    , contacts.last_name::TEXT AS last_name /* [PII] Last name of the contact */
FROM contacts
INNER JOIN greeting
    ON contacts.id = greeting.id
