MODEL (
    name analytics.user_activated,
    kind INCREMENTAL_BY_UNIQUE_KEY (
        unique_key user_id
    ),
    cron '0 6 * * *',
    interval_unit 'hour',
    owner analytics,
    grain user_id,
    tags (transform, messaging, care),
    audits (unique_values(columns := (
            user_id
    )), not_null(columns := (user_id, activated_at, episode_id))),
    description 'One row per patient who ever posted: their first patient post (activated_at), which Tableau uses to tell new from repeat activations. Each run recomputes only the users who posted in the run''s interval or the 72 hours before it (late deliveries), over all their posts, and merges them on user_id, so routine runs never rescan all history.'
);

WITH posts AS (
    SELECT
        post_id
        , user_id
        , episode_id
        , created_at
    FROM analytics.messaging_posts_all_time
    WHERE
        user_type = 'patient' AND NOT user_id IS NULL
), touched_users AS (
    SELECT DISTINCT
        user_id
    FROM posts
    WHERE
        created_at BETWEEN @start_ts::TIMESTAMPTZ - INTERVAL '72' HOUR AND @end_ts
), first_posts AS (
    SELECT
        posts.user_id
        , posts.episode_id
        , posts.created_at
    FROM posts
    INNER JOIN touched_users
        ON posts.user_id = touched_users.user_id
    QUALIFY
        ROW_NUMBER() OVER (PARTITION BY posts.user_id ORDER BY posts.created_at, posts.post_id) = 1
)
SELECT
    user_id::TEXT AS user_id /* Patient */
    , created_at::TIMESTAMPTZ AS activated_at /* First patient post of the user (UTC) */
    , @to_est(created_at)::TIMESTAMP AS activated_at_est /* First patient post, Montreal local time (naive) */
    , DATE_TRUNC('MONTH', @to_est(created_at))::DATE AS activated_month_est /* Montreal local month of the first post */
    , episode_id::TEXT AS episode_id /* Episode of the first post */
FROM first_posts
