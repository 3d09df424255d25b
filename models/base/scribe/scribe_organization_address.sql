MODEL (
    name analytics.scribe_organization_address,
    kind FULL,
    cron '0 7,18 * * *',
    owner analytics,
    grain organization_address_id,
    tags (base, scribe, membership),
    audits (
        unique_values(columns := (
            organization_address_id
        ))
        , not_null(columns := (organization_address_id, organization_id))
    ),
    description 'One row per postal address of a Scribe organization, from the Lambda replica scribe.organization_address. FULL: small replica updated in place, rebuilt on every 07:00 and 18:00 UTC run. An organization may have several addresses; scribe_organizations_detailed uses the latest address id.'
);

WITH addresses AS (
    SELECT
        id
        , organization_id
        , city
        , address_1
        , address_2
        , postal_code
        , province
        , country
        , imported_at
    FROM scribe.organization_address
    WHERE
        NOT id IS NULL AND NOT organization_id IS NULL
    QUALIFY
        ROW_NUMBER() OVER (PARTITION BY id ORDER BY imported_at DESC) = 1
)
SELECT
    id::BIGINT AS organization_address_id /* Scribe address id (higher = more recent) */
    , organization_id::BIGINT AS organization_id /* Organization the address belongs to */
    , TRIM(city)::TEXT AS city /* City of the organization office */
    , address_1::TEXT AS address_1 /* Street address, first line (business address) */
    , address_2::TEXT AS address_2 /* Street address, second line (business address) */
    , postal_code::TEXT AS postal_code /* Postal code */
    , UPPER(province)::TEXT AS province /* Two-letter province code of the address */
    , country::TEXT AS country /* Country of the address */
    , imported_at::TIMESTAMPTZ AS imported_at /* Last Lambda import of this row (UTC) */
FROM addresses
