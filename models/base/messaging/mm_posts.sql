MODEL (
    name analytics.mm_posts,
    kind FULL,
    cron '0 7,18 * * *',
    owner analytics,
    grain post_id,
    tags (base, messaging, care),
    audits (unique_values(columns := (
            post_id
    )), not_null(columns := (post_id, episode_id, created_at))),
    description 'One row per chat post of the legacy Mattermost ETL (table mm.posts), only posts before 2018-09-01 when the messaging backend took over; mapped to the columns of messaging_posts. user_type is nulled for system add/remove posts of patients; is_internal_post is true when the Mattermost post type is not empty. FULL because the legacy table is frozen and small (empty when the history starts after 2018-09-01): an incremental window on the backfill start would never read it.'
);

WITH posts AS (
    SELECT
        id
        , "type"
        , user_id
        , mm_user_id
        , user_type
        , channel_id
        , created_at
        , message_length
        , question_mark_count
        , next_appointment_time
        , includes_question_mark
        , mention
    FROM mm.posts
    WHERE
        created_at < '2018-09-01 00:00:00+00'::TIMESTAMPTZ AND NOT id IS NULL AND NOT channel_id IS NULL
)
SELECT
    id::TEXT AS post_id /* Post identifier (Mattermost) */
    , NULLIF("type", '')::TEXT AS post_type /* Null for normal posts; Mattermost system post type otherwise */
    , user_id::TEXT AS user_id /* Scribe user id of the poster */
    , mm_user_id::TEXT AS mm_user_id /* Mattermost user id of the poster */
    , CASE WHEN user_type = 'patient' AND "type" LIKE 'system_%' THEN NULL ELSE user_type END::TEXT AS user_type /* patient or physician (care team); null for system add/remove posts of patients */
    , channel_id::TEXT AS episode_id /* Messaging channel = episode */
    , created_at::TIMESTAMPTZ AS created_at /* Time the post was sent (UTC) */
    , @to_est(created_at)::TIMESTAMP AS created_at_est /* Time the post was sent, Montreal local time (naive) */
    , message_length::INT AS message_length /* Characters in the message */
    , question_mark_count::INT AS count_question_marks /* Question marks in the message */
    , next_appointment_time::TIMESTAMP AS next_appointment /* Next appointment mentioned in the post, when any */
    , includes_question_mark::BOOLEAN AS is_question /* The post asks a question */
    , COALESCE("type", '') <> '' AS is_internal_post /* True when the Mattermost post type is not empty */
    , mention::TEXT AS mention /* Mentioned user handle, when any */
FROM posts
