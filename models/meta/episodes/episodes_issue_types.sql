MODEL (
    name analytics.episodes_issue_types,
    kind INCREMENTAL_BY_UNIQUE_KEY (
        unique_key episode_id
    ),
    cron '0 7,18 * * *',
    owner analytics,
    grain episode_id,
    tags (meta, episodes, care),
    audits (
        unique_values(columns := (
            episode_id
        ))
        , not_null(columns := (episode_id, issue_type, issue_type_raw, is_issue_pediatrics, issue_type_set_timestamp))
    ),
    description 'Issue type of each episode that has one: the latest issue_type property set in the Care Platform. Pediatric codes (the adult code followed by p, e.g. adhdp, dermp, psyp) are mapped to the adult code and flagged is_issue_pediatrics. Incremental by unique key: each run recomputes only the episodes that got an issue type in the run''s interval or the 72 hours before it (late deliveries), over all their issue types, and merges them on episode_id.'
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
)
SELECT
    episode_id::TEXT AS episode_id /* Episode (messaging channel) */
    , CASE
        WHEN issue_type_raw LIKE '%p' AND LENGTH(issue_type_raw) > 1
        THEN SUBSTRING(issue_type_raw, 1, LENGTH(issue_type_raw) - 1)
        ELSE issue_type_raw
    END::TEXT AS issue_type /* Latest issue type, pediatric codes mapped to the adult code */
    , issue_type_raw::TEXT AS issue_type_raw /* Latest issue type as set (lower-cased) */
    , issue_type_raw LIKE '%p' AND LENGTH(issue_type_raw) > 1 AS is_issue_pediatrics /* The code set was a pediatric one (ends in p) */
    , updated_at::TIMESTAMPTZ AS issue_type_set_timestamp /* When the latest issue type was set (UTC) */
FROM latest
