MODEL (
    name analytics.scribe_organizations,
    kind FULL,
    cron '0 7,18 * * *',
    owner analytics,
    grain organization_id,
    tags (base, scribe, membership),
    audits (
        unique_values(columns := (
            organization_id
        ))
        , not_null(columns := (organization_id, organization_name, billing_start_date, imported_at))
        , accepted_values(
            "column" := email_preference,
            is_in := ('english', 'french', 'bilingual-english-french', 'bilingual-french-english')
        )
    ),
    description 'One row per Scribe organization (employer client), from the Lambda replica scribe.organization. FULL: the replica is small and updated in place (imported_at), so the table is rebuilt on every 07:00 and 18:00 UTC run; its history is kept by archive.scribe_organizations_archived. billing_start_date is the UTC day of Scribe''s billing start, falling back to the creation day. Test organizations are kept here and excluded in scribe_organizations_detailed.'
);

WITH organizations AS (
    SELECT
        id
        , name
        , created
        , email_preference
        , billing_method
        , billing_start_date
        , tax_province
        , chargebee_id
        , imported_at
    FROM scribe.organization
    WHERE
        NOT id IS NULL
    QUALIFY
        ROW_NUMBER() OVER (PARTITION BY id ORDER BY imported_at DESC) = 1
)
SELECT
    id::BIGINT AS organization_id /* Scribe organization id */
    , name::TEXT AS organization_name /* Name of the organization */
    , created::TIMESTAMPTZ AS created_at /* When the organization was created in Scribe (UTC) */
    , LOWER(email_preference)::TEXT AS email_preference /* Language of emails: english, french, bilingual-english-french or bilingual-french-english */
    , billing_method::TEXT AS billing_method /* How the organization is invoiced */
    , @to_utc(COALESCE(billing_start_date, created))::DATE AS billing_start_date /* First billed day (UTC day of billing_start_date, else of created) */
    , UPPER(tax_province)::TEXT AS tax_province /* Two-letter code of the province the organization is taxed in */
    , chargebee_id::TEXT AS chargebee_id /* Customer id in Chargebee (billing) */
    , COALESCE(imported_at, created)::TIMESTAMPTZ AS imported_at /* Last Lambda import of this row (UTC), creation time when the loader left it null; archive updated_at */
FROM organizations
