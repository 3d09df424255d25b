MODEL (
    name analytics.chats_state_changes_daily,
    kind INCREMENTAL_BY_TIME_RANGE (
        time_column date_day_est,
        lookback 3
    ),
    cron '0 7 * * *',
    owner analytics,
    grain (episode_id, date_day_est),
    tags (meta, chats, care),
    audits (
        unique_combination_of_columns(columns := (episode_id, date_day_est))
        , not_null(columns := (episode_id, date_day_est, set_resolved_pending))
    ),
    description 'Usher state changes of each chat: one row per episode and Montreal local day with at least one state change; first time the episode was set active that day and first time it was set pending or resolved (local times, naive). Daily intervals on the local day (07:00 UTC run) with a 3-day lookback for late events; today is never emitted.'
);

WITH state_changes AS (
    SELECT
        episode_id
        , episode_state
        , timestamp_est
        , date_day_est
    FROM analytics.usher_episode_state_updated
    WHERE
        date_day_est BETWEEN @start_ds AND @end_ds
), daily AS (
    SELECT
        episode_id
        , date_day_est
        , MIN(CASE WHEN episode_state = 'active' THEN timestamp_est END) AS first_set_active
        , MIN(CASE WHEN episode_state IN ('pending', 'resolved') THEN timestamp_est END) AS first_set_resolved_pending_at
    FROM state_changes
    GROUP BY
        episode_id
        , date_day_est
)
SELECT
    episode_id::TEXT AS episode_id /* Episode (messaging channel) */
    , date_day_est::DATE AS date_day_est /* Montreal local day */
    , first_set_active::TIMESTAMP AS first_set_active /* First time set active that day (local) */
    , first_set_resolved_pending_at::TIMESTAMP AS first_set_resolved_pending_at /* First time set pending or resolved that day (local) */
    , NOT first_set_resolved_pending_at IS NULL AS set_resolved_pending /* The episode was set pending or resolved that day */
FROM daily
