MODEL (
    name archive.scribe_organizations_archived,
    kind SCD_TYPE_2_BY_TIME (
        unique_key organization_id,
        updated_at_name imported_at,
        invalidate_hard_deletes TRUE,
        updated_at_as_valid_from TRUE,
        time_data_type TIMESTAMPTZ
    ),
    cron '0 7,18 * * *',
    owner analytics,
    grain (organization_id, valid_from),
    tags (archive, scribe, membership),
    audits (
        unique_combination_of_columns(columns := (organization_id, valid_from))
        , unique_combination_of_columns(columns := (
            organization_id
        ), condition := valid_to IS NULL)
        , not_null(columns := (organization_id, imported_at, valid_from))
    ),
    description 'History of Scribe organizations (analytics.scribe_organizations): one row per organization per version. SCD type 2 by time: a new version starts whenever the source row''s imported_at moves (each version is valid from its own updated_at, as in the original dbt archive, instead of SQLMesh''s default 1970-01-01 for the first version); a row that disappears from the source (hard delete) gets its current version closed at the run''s execution time (invalidate_hard_deletes), and a run in which no row changed adds no version. Runs on the 07:00 and 18:00 UTC schedule after its source is rebuilt. Forward-only and never restated: prod history lives only in schema archive; a dev plan of a changed archive model builds a separate preview table from the current source and never writes prod history (replaces the original archive_dev / schema_suffix switch).'
);

SELECT
    organization_id::BIGINT AS organization_id /* Scribe organization id */
    , organization_name::TEXT AS organization_name /* Name of the organization */
    , created_at::TIMESTAMPTZ AS created_at /* When the organization was created (UTC) */
    , email_preference::TEXT AS email_preference /* Language of emails to members */
    , billing_method::TEXT AS billing_method /* How the organization is invoiced */
    , billing_start_date::DATE AS billing_start_date /* First billed day according to Scribe */
    , tax_province::TEXT AS tax_province /* Two-letter code of the tax province */
    , chargebee_id::TEXT AS chargebee_id /* Customer id in Chargebee */
    , imported_at::TIMESTAMPTZ AS imported_at /* Lambda import of this version (UTC): the version's updated_at */
FROM analytics.scribe_organizations
