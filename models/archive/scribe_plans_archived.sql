MODEL (
    name archive.scribe_plans_archived,
    kind SCD_TYPE_2_BY_TIME (
        unique_key plan_id,
        updated_at_name imported_at,
        invalidate_hard_deletes TRUE,
        updated_at_as_valid_from TRUE,
        time_data_type TIMESTAMPTZ
    ),
    cron '0 7,18 * * *',
    owner analytics,
    grain (plan_id, valid_from),
    tags (archive, scribe, membership),
    audits (
        unique_combination_of_columns(columns := (plan_id, valid_from))
        , unique_combination_of_columns(columns := (
            plan_id
        ), condition := valid_to IS NULL)
        , not_null(columns := (plan_id, imported_at, valid_from))
    ),
    description 'History of Scribe plans (analytics.scribe_plans, prices as stored in Scribe): one row per plan per version. SCD type 2 by time: a new version starts whenever the source row''s imported_at moves (each version is valid from its own updated_at, as in the original dbt archive, instead of SQLMesh''s default 1970-01-01 for the first version); a row that disappears from the source (hard delete) gets its current version closed at the run''s execution time (invalidate_hard_deletes), and a run in which no row changed adds no version. Runs on the 07:00 and 18:00 UTC schedule after its source is rebuilt. Forward-only and never restated: prod history lives only in schema archive; a dev plan of a changed archive model builds a separate preview table from the current source and never writes prod history (replaces the original archive_dev / schema_suffix switch).'
);

SELECT
    plan_id::BIGINT AS plan_id /* Scribe plan id */
    , organization_id::BIGINT AS organization_id /* Organization that owns the plan */
    , created_at::TIMESTAMPTZ AS created_at /* When the plan was created (UTC) */
    , during_start::TIMESTAMPTZ AS during_start /* Start of validity, inclusive (UTC) */
    , during_end::TIMESTAMPTZ AS during_end /* End of validity, exclusive (UTC) */
    , plan_name::TEXT AS plan_name /* English name of the plan */
    , charge_strategy::TEXT AS charge_strategy /* Charge strategy as stored in Scribe */
    , charge_price::DOUBLE AS charge_price /* Price as stored in Scribe, CAD */
    , imported_at::TIMESTAMPTZ AS imported_at /* Lambda import of this version (UTC): the version's updated_at */
FROM analytics.scribe_plans
