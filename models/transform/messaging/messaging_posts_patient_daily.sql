MODEL (
    name analytics.messaging_posts_patient_daily,
    kind INCREMENTAL_BY_TIME_RANGE (
        time_column date_day_est,
        lookback 3
    ),
    cron '0 7 * * *',
    depends_on [analytics.messaging_channels],
    owner analytics,
    grain (date_day_est, user_id, episode_id),
    tags (transform, messaging, care),
    audits (
        unique_combination_of_columns(columns := (date_day_est, user_id, episode_id))
        , not_null(columns := (date_day_est, user_id, episode_id, post_count, first_message_created_at))
        , assert_episodes_in_messaging_channels
    ),
    description 'One row per Montreal local day, patient and episode with the patient''s non-internal posts that day (a view in the original). Daily intervals on the local day (07:00 UTC run), 3-day lookback for late posts; today''s incomplete local day is never emitted.'
);

WITH posts AS (
    SELECT
        user_id
        , episode_id
        , created_at
        , created_at_est
        , created_at_day_est
    FROM analytics.messaging_posts_all_time
    WHERE
        created_at_day_est BETWEEN @start_ds AND @end_ds
        AND user_type = 'patient'
        AND NOT COALESCE(is_internal_post, FALSE)
        AND NOT user_id IS NULL
), daily AS (
    SELECT
        created_at_day_est AS date_day_est
        , user_id
        , episode_id
        , COUNT(*) AS post_count
        , MIN(created_at) AS first_message_created_at
        , MIN(created_at_est) AS first_message_created_at_est
    FROM posts
    GROUP BY
        created_at_day_est
        , user_id
        , episode_id
)
SELECT
    date_day_est::DATE AS date_day_est /* Montreal local day */
    , user_id::TEXT AS user_id /* Patient who posted */
    , episode_id::TEXT AS episode_id /* Episode posted in */
    , post_count::BIGINT AS post_count /* Non-internal patient posts that day in the episode */
    , first_message_created_at::TIMESTAMPTZ AS first_message_created_at /* First such post (UTC) */
    , first_message_created_at_est::TIMESTAMP AS first_message_created_at_est /* First such post, Montreal local time (naive) */
FROM daily
