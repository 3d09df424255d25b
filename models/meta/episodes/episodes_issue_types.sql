MODEL (
    name analytics.episodes_issue_types,
    kind INCREMENTAL_BY_UNIQUE_KEY (
        unique_key episode_id
    ),
    cron '0 6 * * *',
    interval_unit 'hour',
    owner analytics,
    grain episode_id,
    tags (meta, episodes, care),
    audits (
        unique_values(columns := (
            episode_id
        ))
        , not_null(columns := (episode_id, issue_type, issue_type_raw, is_issue_pediatrics, issue_type_set_timestamp))
    ),
    description 'Issue type of each episode that has one: the latest issue_type property set in the Care Platform. Pediatric codes (an adult code of the issue-type labels seed followed by p, e.g. adhdp, dermp, respp) are mapped to the adult code and flagged is_issue_pediatrics; codes that are themselves in the seed (resp, sleep) stay as they are. Incremental by unique key: each run recomputes only the episodes that got an issue type in the run''s interval or the 72 hours before it (late deliveries), over all their issue types, and merges them on episode_id.'
);

WITH issue_types AS (
    SELECT
        episode_id
        , episode_property_value AS issue_type_raw
        , updated_at
        , event_id
    FROM analytics.careplatform_episode_properties_updated
    WHERE
        episode_property_type = 'issue_type' AND NOT episode_property_value IS NULL
), touched_episodes AS (
    SELECT DISTINCT
        episode_id
    FROM issue_types
    WHERE
        updated_at BETWEEN @start_ts::TIMESTAMPTZ - INTERVAL '72' HOUR AND @end_ts
), labels AS (
    SELECT
        issue_type
    FROM analytics.medops_issue_type_labels
), latest AS (
    SELECT
        issue_types.episode_id
        , LOWER(TRIM(issue_types.issue_type_raw)) AS issue_type_raw
        , issue_types.updated_at
    FROM issue_types
    INNER JOIN touched_episodes
        ON issue_types.episode_id = touched_episodes.episode_id
    QUALIFY
        ROW_NUMBER() OVER (PARTITION BY issue_types.episode_id ORDER BY issue_types.updated_at DESC, issue_types.event_id DESC) = 1
), mapped AS (
    SELECT
        latest.episode_id
        , latest.issue_type_raw
        , latest.updated_at
        , adult_labels.issue_type IS NULL AND NOT pediatric_labels.issue_type IS NULL AS is_issue_pediatrics
    FROM latest
    LEFT JOIN labels AS adult_labels
        ON latest.issue_type_raw = adult_labels.issue_type
    LEFT JOIN labels AS pediatric_labels
        ON latest.issue_type_raw = pediatric_labels.issue_type || 'p'
)
SELECT
    episode_id::TEXT AS episode_id /* Episode (messaging channel) */
    , CASE
        WHEN is_issue_pediatrics
        THEN SUBSTRING(issue_type_raw, 1, LENGTH(issue_type_raw) - 1)
        ELSE issue_type_raw
    END::TEXT AS issue_type /* Latest issue type, pediatric codes mapped to the adult code */
    , issue_type_raw::TEXT AS issue_type_raw /* Latest issue type as set (lower-cased) */
    , is_issue_pediatrics::BOOLEAN AS is_issue_pediatrics /* The code set was a pediatric one (adult code followed by p) */
    , updated_at::TIMESTAMPTZ AS issue_type_set_timestamp /* When the latest issue type was set (UTC) */
FROM mapped
