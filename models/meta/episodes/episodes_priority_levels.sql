MODEL (
    name analytics.episodes_priority_levels,
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
        , not_null(columns := (episode_id, first_priority_level, priority_level, priority_first_set_timestamp))
    ),
    description 'Priority of each episode that has one: first and current (latest) priority_level property set in the Care Platform and the list of levels in time order (ties on time in event id order, as for first and latest). Incremental by unique key: each run recomputes only the episodes that got a priority in the run''s interval or the 72 hours before it (late deliveries), over all their priorities, and merges them on episode_id.'
);

WITH priorities AS (
    SELECT
        episode_id
        , episode_property_value AS priority_level
        , updated_at
        , event_id
    FROM analytics.careplatform_episode_properties_updated
    WHERE
        episode_property_type = 'priority_level' AND NOT episode_property_value IS NULL
), touched_episodes AS (
    SELECT DISTINCT
        episode_id
    FROM priorities
    WHERE
        updated_at BETWEEN @start_ts::TIMESTAMPTZ - INTERVAL '72' HOUR AND @end_ts
), ranked AS (
    SELECT
        priorities.episode_id
        , priorities.priority_level
        , priorities.updated_at
        , priorities.event_id
        , ROW_NUMBER() OVER (PARTITION BY priorities.episode_id ORDER BY priorities.updated_at, priorities.event_id) AS rank_first
        , ROW_NUMBER() OVER (PARTITION BY priorities.episode_id ORDER BY priorities.updated_at DESC, priorities.event_id DESC) AS rank_last
    FROM priorities
    INNER JOIN touched_episodes
        ON priorities.episode_id = touched_episodes.episode_id
), episodes AS (
    SELECT
        episode_id
        , MAX(CASE WHEN rank_first = 1 THEN priority_level END) AS first_priority_level
        , MAX(CASE WHEN rank_last = 1 THEN priority_level END) AS priority_level
        , @ordered_string_agg(priority_level, ',', updated_at, event_id) AS priority_levels_ordered
        , MIN(updated_at) AS priority_first_set_timestamp
    FROM ranked
    GROUP BY
        episode_id
)
SELECT
    episode_id::TEXT AS episode_id /* Episode (messaging channel) */
    , first_priority_level::TEXT AS first_priority_level /* First priority level set */
    , priority_level::TEXT AS priority_level /* Current (latest) priority level */
    , priority_levels_ordered::TEXT AS priority_levels_ordered /* Every level set, comma-separated in time order (an array in the original) */
    , priority_first_set_timestamp::TIMESTAMPTZ AS priority_first_set_timestamp /* When the first priority was set (UTC) */
FROM episodes
