MODEL (
    name analytics.episodes_dispatch_recommendation,
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
        , not_null(columns := (episode_id, dispatch_recommendation_raw, dispatch_recommendation_timestamp))
    ),
    description 'Dispatch recommendation of each episode that has one: the first slash command whose id starts with Outcome (the nurse''s post-DXA dispatch), normalised through the dispatch seed (the raw id is kept when the seed does not list it). Incremental by unique key: each run recomputes only the episodes that got such a command in the run''s interval or the 72 hours before it and merges them on episode_id.'
);

WITH commands AS (
    SELECT
        event_id
        , episode_id
        , command_id
        , triggered_at
    FROM analytics.careplatform_slash_command_triggered
    WHERE
        command_id LIKE 'Outcome%'
), dispatch AS (
    SELECT
        dispatch_recommendation_raw
        , dispatch_recommendation
    FROM analytics.dimension_dispatch_recommendation
), touched_episodes AS (
    SELECT DISTINCT
        episode_id
    FROM commands
    WHERE
        triggered_at BETWEEN @start_ts::TIMESTAMPTZ - INTERVAL '72' HOUR AND @end_ts
), first_commands AS (
    SELECT
        commands.episode_id
        , commands.command_id
        , commands.triggered_at
    FROM commands
    INNER JOIN touched_episodes
        ON commands.episode_id = touched_episodes.episode_id
    QUALIFY
        ROW_NUMBER() OVER (PARTITION BY commands.episode_id ORDER BY commands.triggered_at, commands.event_id) = 1
)
SELECT
    first_commands.episode_id::TEXT AS episode_id /* Episode (messaging channel) */
    , first_commands.command_id::TEXT AS dispatch_recommendation_raw /* First Outcome slash command id */
    , COALESCE(dispatch.dispatch_recommendation, first_commands.command_id)::TEXT AS dispatch_recommendation /* Normalised dispatch recommendation (dispatch seed) */
    , first_commands.triggered_at::TIMESTAMPTZ AS dispatch_recommendation_timestamp /* When it was sent (UTC) */
    , @to_est(first_commands.triggered_at)::TIMESTAMP AS dispatch_recommendation_timestamp_est /* When it was sent, Montreal local time (naive) */
FROM first_commands
LEFT JOIN dispatch
    ON first_commands.command_id = dispatch.dispatch_recommendation_raw
