MODEL (
    name analytics.messaging_channels,
    kind INCREMENTAL_BY_UNIQUE_KEY (
        unique_key episode_id
    ),
    cron '0 7,18 * * *',
    owner analytics,
    grain episode_id,
    tags (transform, messaging, care),
    audits (
        unique_values(columns := (
            episode_id
        ))
        , not_null(columns := (episode_id, created_at, updated_at, user_id, count_messages, is_deleted))
    ),
    description 'The episode spine: one row per messaging channel in which a patient has posted (= one episode). Built on messaging_posts_all_time (all eras, test users excluded). Each run recomputes only the channels that received a post in the run''s interval or the 72 hours before it (late Segment deliveries), over all their posts, and merges them on episode_id, so routine runs never rescan all history. Differs from the original: is_deleted is false instead of always null.'
);

WITH posts AS (
    SELECT
        episode_id
        , user_id
        , user_type
        , created_at
    FROM analytics.messaging_posts_all_time
), touched_channels AS (
    SELECT DISTINCT
        episode_id
    FROM posts
    WHERE
        created_at BETWEEN @start_ts::TIMESTAMPTZ - INTERVAL '72' HOUR AND @end_ts
), channel_posts AS (
    SELECT
        posts.episode_id
        , posts.user_id
        , posts.user_type
        , posts.created_at
    FROM posts
    INNER JOIN touched_channels
        ON posts.episode_id = touched_channels.episode_id
), channels AS (
    SELECT
        episode_id
        , MIN(created_at) AS created_at
        , MAX(created_at) AS updated_at
        , MAX(CASE WHEN user_type IN ('patient', 'physician') THEN created_at END) AS last_post_at
        , MIN(CASE WHEN user_type = 'patient' THEN user_id END) AS user_id
        , COUNT(CASE WHEN user_type IN ('patient', 'physician') THEN 1 END) AS count_messages
    FROM channel_posts
    GROUP BY
        episode_id
)
SELECT
    episode_id::TEXT AS episode_id /* Messaging channel id = episode id */
    , created_at::TIMESTAMPTZ AS created_at /* First post of any kind in the channel (UTC) */
    , updated_at::TIMESTAMPTZ AS updated_at /* Last post of any kind in the channel (UTC) */
    , NULL::TIMESTAMPTZ AS deleted_at /* Channels are never deleted in the source: always null */
    , last_post_at::TIMESTAMPTZ AS last_post_at /* Last patient or care-team post (UTC) */
    , user_id::TEXT AS user_id /* The patient who posts: smallest patient user id in the channel */
    , count_messages::BIGINT AS count_messages /* Patient and care-team posts in the channel */
    , 'https://zorro.dialogue.co/conversations/' || episode_id AS url_zorro /* Link to the internal conversation viewer */
    , FALSE AS is_deleted /* Always false (the original left it null) */
FROM channels
WHERE
    NOT user_id IS NULL
