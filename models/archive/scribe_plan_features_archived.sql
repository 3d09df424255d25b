MODEL (
    name archive.scribe_plan_features_archived,
    kind SCD_TYPE_2_BY_TIME (
        unique_key (plan_id, feature_id),
        updated_at_name imported_at,
        invalidate_hard_deletes TRUE,
        updated_at_as_valid_from TRUE,
        time_data_type TIMESTAMPTZ
    ),
    cron '0 7,18 * * *',
    owner analytics,
    grain (plan_id, feature_id, valid_from),
    tags (archive, scribe, membership),
    audits (
        unique_combination_of_columns(columns := (plan_id, feature_id, valid_from))
        , unique_combination_of_columns(columns := (plan_id, feature_id), condition := valid_to IS NULL)
        , not_null(columns := (plan_id, feature_id, imported_at, valid_from))
    ),
    description 'History of Scribe plan features (analytics.scribe_plan_features): one row per plan x feature per version. Keyed on (plan_id, feature_id), the unambiguous form of the original concat(feature_id, plan_id). SCD type 2 by time: a new version starts whenever the source row''s imported_at moves (each version is valid from its own updated_at, as in the original dbt archive, instead of SQLMesh''s default 1970-01-01 for the first version); a row that disappears from the source (hard delete) gets its current version closed at the run''s execution time (invalidate_hard_deletes), and a run in which no row changed adds no version. Runs on the 07:00 and 18:00 UTC schedule after its source is rebuilt. Forward-only and never restated: prod history lives only in schema archive; a dev plan of a changed archive model builds a separate preview table from the current source and never writes prod history (replaces the original archive_dev / schema_suffix switch).'
);

SELECT
    plan_id::BIGINT AS plan_id /* Scribe plan id */
    , feature_id::BIGINT AS feature_id /* Scribe feature id */
    , created_at::TIMESTAMPTZ AS created_at /* When the feature was added to the plan (UTC) */
    , imported_at::TIMESTAMPTZ AS imported_at /* Lambda import of this version (UTC): the version's updated_at */
FROM analytics.scribe_plan_features
