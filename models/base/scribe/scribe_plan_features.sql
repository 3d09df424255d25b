MODEL (
    name analytics.scribe_plan_features,
    kind FULL,
    cron '0 7,18 * * *',
    owner analytics,
    grain (plan_id, feature_id),
    tags (base, scribe, membership),
    audits (
        unique_combination_of_columns(columns := (plan_id, feature_id))
        , not_null(columns := (plan_id, feature_id, imported_at))
    ),
    description 'One row per feature included in a Scribe plan (bridge plan x feature), from the Lambda replica scribe.plan_feature. FULL: small replica updated in place, rebuilt on every 07:00 and 18:00 UTC run; history in archive.scribe_plan_features_archived.'
);

WITH plan_features AS (
    SELECT
        plan_id
        , feature_id
        , created
        , imported_at
    FROM scribe.plan_feature
    WHERE
        NOT plan_id IS NULL AND NOT feature_id IS NULL
    QUALIFY
        ROW_NUMBER() OVER (PARTITION BY plan_id, feature_id ORDER BY imported_at DESC) = 1
)
SELECT
    plan_id::BIGINT AS plan_id /* Scribe plan id */
    , feature_id::BIGINT AS feature_id /* Scribe feature id */
    , created::TIMESTAMPTZ AS created_at /* When the feature was added to the plan (UTC) */
    , COALESCE(imported_at, created)::TIMESTAMPTZ AS imported_at /* Last Lambda import of this row (UTC), creation time when the loader left it null; archive updated_at */
FROM plan_features
