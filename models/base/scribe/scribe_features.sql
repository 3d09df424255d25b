MODEL (
    name analytics.scribe_features,
    kind FULL,
    cron '0 7,18 * * *',
    owner analytics,
    grain feature_id,
    tags (base, scribe, membership),
    audits (
        unique_values(columns := (
            feature_id
        ))
        , not_null(columns := (feature_id, feature_name))
        , accepted_values(
            "column" := feature_name,
            is_in := (
                'nurse'
                , 'family'
                , '24_7'
                , 'mental_health'
                , 'mental_health_family'
                , 'biogeniq'
                , 'merck'
                , 'caution'
                , 'intake'
            )
        )
    ),
    description 'One row per Scribe feature (what a plan can include: nurse, family, 24_7, mental_health, ...), from the Lambda replica scribe.feature. FULL: a tiny reference table, rebuilt on every 07:00 and 18:00 UTC run.'
);

WITH features AS (
    SELECT
        id
        , label
        , created
    FROM scribe.feature
    WHERE
        NOT id IS NULL
)
SELECT
    id::BIGINT AS feature_id /* Scribe feature id */
    , LOWER(label)::TEXT AS feature_name /* Feature label: nurse, family, 24_7, mental_health, mental_health_family, biogeniq, merck, caution or intake */
    , created::TIMESTAMPTZ AS created_at /* When the feature was created (UTC) */
FROM features
