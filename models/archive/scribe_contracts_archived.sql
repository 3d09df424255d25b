MODEL (
    name archive.scribe_contracts_archived,
    kind SCD_TYPE_2_BY_TIME (
        unique_key contract_id,
        updated_at_name imported_at,
        invalidate_hard_deletes TRUE,
        updated_at_as_valid_from TRUE,
        time_data_type TIMESTAMPTZ
    ),
    cron '0 7,18 * * *',
    owner analytics,
    grain (contract_id, valid_from),
    tags (archive, scribe, membership),
    audits (
        unique_combination_of_columns(columns := (contract_id, valid_from))
        , unique_combination_of_columns(columns := (
            contract_id
        ), condition := valid_to IS NULL)
        , not_null(columns := (contract_id, imported_at, valid_from))
    ),
    description 'History of Scribe contracts (analytics.scribe_contracts): one row per contract per version. SCD type 2 by time: a new version starts whenever the source row''s imported_at moves (each version is valid from its own updated_at, as in the original dbt archive, instead of SQLMesh''s default 1970-01-01 for the first version); a row that disappears from the source (hard delete) gets its current version closed at the run''s execution time (invalidate_hard_deletes), and a run in which no row changed adds no version. Runs on the 07:00 and 18:00 UTC schedule after its source is rebuilt. Forward-only and never restated: prod history lives only in schema archive; a dev plan of a changed archive model builds a separate preview table from the current source and never writes prod history (replaces the original archive_dev / schema_suffix switch).'
);

SELECT
    contract_id::BIGINT AS contract_id /* Scribe contract id */
    , created_at::TIMESTAMPTZ AS created_at /* When the contract was created (UTC) */
    , during_start::TIMESTAMPTZ AS during_start /* Start of coverage, inclusive (UTC) */
    , during_end::TIMESTAMPTZ AS during_end /* End of coverage, exclusive (UTC); 9999-12-31 23:59:59.999999+00 when open-ended */
    , plan_id::BIGINT AS plan_id /* Plan the contract is on */
    , organization_id::BIGINT AS organization_id /* Organization of the plan */
    , participant_id::TEXT AS participant_id /* Scribe user id of the employee holding the contract */
    , admin_area_id::BIGINT AS admin_area_id /* Administrative area id set by the organization admin */
    , admin_area_name::TEXT AS admin_area_name /* Province name set by the organization admin */
    , imported_at::TIMESTAMPTZ AS imported_at /* Lambda import of this version (UTC): the version's updated_at */
FROM analytics.scribe_contracts
