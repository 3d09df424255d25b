MODEL (
    name analytics.messaging_posts_w_lag_detail,
    kind FULL,
    cron '0 7 * * *',
    owner analytics,
    grain post_id,
    tags (transform, messaging, care),
    audits (
        unique_values(columns := (
            post_id
        ))
        , not_null(columns := (post_id, user_id, episode_id, created_at, date_day))
    ),
    description 'One row per chat post visible to the patient (not internal) that has a poster, from messaging_posts_all_time (test users excluded), with the previous such post of the same episode: its time (previous_post_at) and poster type (previous_user_type), null for the first post of the episode. Posts sent at the same instant are ordered by post id. date_day is the UTC day of the post. FULL, rebuilt by the daily 07:00 UTC run.'
);

WITH posts AS (
    SELECT
        post_id
        , user_id
        , user_type
        , episode_id
        , created_at
        , created_at_est
    FROM analytics.messaging_posts_all_time
    WHERE
        NOT COALESCE(is_internal_post, FALSE) AND NOT user_id IS NULL
)
SELECT
    user_id::TEXT AS user_id /* Scribe user id of the poster */
    , post_id::TEXT AS post_id /* Post identifier */
    , DATE_TRUNC('DAY', @to_utc(created_at))::DATE AS date_day /* UTC day of the post */
    , episode_id::TEXT AS episode_id /* Messaging channel = episode */
    , user_type::TEXT AS user_type /* patient, or physician for any care-team poster */
    , created_at::TIMESTAMPTZ AS created_at /* Time the post was sent (UTC) */
    , created_at_est::TIMESTAMP AS created_at_est /* Time the post was sent, Montreal local time (naive) */
    , LAG(created_at) OVER (PARTITION BY episode_id ORDER BY created_at, post_id)::TIMESTAMPTZ AS previous_post_at /* Time of the previous non-internal post of the episode (UTC), null for the first */
    , LAG(user_type) OVER (PARTITION BY episode_id ORDER BY created_at, post_id)::TEXT AS previous_user_type /* Poster type of that previous post */
FROM posts
