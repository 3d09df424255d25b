MODEL (
    name analytics.messaging_posts,
    kind INCREMENTAL_BY_TIME_RANGE (
        time_column created_at,
        lookback 72,
        batch_size 744
    ),
    cron '0 7,18 * * *',
    signals (
        delivered()
    ),
    owner analytics,
    grain post_id,
    tags (base, messaging, care),
    audits (unique_values(columns := (
            post_id
    )), not_null(columns := (post_id, episode_id, created_at))),
    description 'One row per chat post sent through the messaging backend (Segment source messaging, table posts). Duplicate Segment deliveries of the same event id are dropped, keeping the first received. Hourly intervals, refreshed by the 07:00 and 18:00 UTC runs; the 72-hour lookback picks up late Segment deliveries.'
);

WITH posts AS (
    SELECT
        id
        , post_id
        , post_type
        , user_id
        , mm_user_id
        , user_type
        , channel_id
        , "timestamp"
        , received_at
        , message_length
        , count_question_marks
        , next_appointment
        , is_question
        , is_internal_post
        , mention
    FROM messaging.posts
    WHERE
        "timestamp" BETWEEN @start_ts AND @end_ts AND NOT post_id IS NULL AND NOT channel_id IS NULL
), deduplicated AS (
    SELECT
        *
    FROM posts
    QUALIFY
        ROW_NUMBER() OVER (PARTITION BY post_id ORDER BY received_at, id) = 1
)
SELECT
    post_id::TEXT AS post_id /* Post identifier (messaging backend) */
    , post_type::TEXT AS post_type /* Null for normal posts; system post type otherwise (dialogue_system, system_add_remove, ...) */
    , user_id::TEXT AS user_id /* Scribe user id of the poster (patient or care-team member) */
    , mm_user_id::TEXT AS mm_user_id /* Messaging-backend user id of the poster */
    , user_type::TEXT AS user_type /* patient, or physician for any care-team poster */
    , channel_id::TEXT AS episode_id /* Messaging channel = episode */
    , "timestamp"::TIMESTAMPTZ AS created_at /* Time the post was sent (UTC) */
    , @to_est("timestamp") AS created_at_est /* Time the post was sent, Montreal local time (naive) */
    , message_length::INT AS message_length /* Characters in the message */
    , count_question_marks::INT AS count_question_marks /* Question marks in the message */
    , next_appointment::TIMESTAMP AS next_appointment /* Next appointment mentioned in the post, when any */
    , is_question::BOOLEAN AS is_question /* The post asks a question */
    , is_internal_post::BOOLEAN AS is_internal_post /* Internal care-team note, invisible to the patient */
    , mention::TEXT AS mention /* Mentioned user handle, when any */
    , received_at::TIMESTAMPTZ AS received_at /* When Segment delivered the event to the warehouse (UTC) */
FROM deduplicated
