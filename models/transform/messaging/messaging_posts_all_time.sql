MODEL (
    name analytics.messaging_posts_all_time,
    kind INCREMENTAL_BY_TIME_RANGE (
        time_column created_at,
        lookback 72,
        batch_size 744
    ),
    cron '0 7,18 * * *',
    owner analytics,
    grain post_id,
    tags (transform, messaging, care),
    audits (
        unique_values(columns := (
            post_id
        ))
        , not_null(columns := (post_id, episode_id, created_at, created_at_day_est))
    ),
    description 'One row per chat post of all time: the legacy Mattermost ETL (mm_posts, before 2018-09-01) unioned with the messaging backend (messaging_posts). Posts of early users (before 2017-03-27) with neither user_type nor post_type count as patient posts. Posts by test users (seed scribe_test_users) are excluded here, so every channel, chat and episode built on posts is clean. When the same post_id appears twice (Segment timestamp jitter) the latest created_at is kept. Hourly intervals on created_at, refreshed by the 07:00 and 18:00 UTC runs, with the 72-hour lookback of the messaging base (the original used created_at greater than the stored max).'
);

WITH messaging_posts AS (
    SELECT
        post_id
        , post_type
        , user_id
        , mm_user_id
        , user_type
        , episode_id
        , message_length
        , count_question_marks
        , next_appointment
        , is_question
        , is_internal_post
        , mention
        , created_at
    FROM analytics.messaging_posts
    WHERE
        created_at BETWEEN @start_ts AND @end_ts
), mm_posts AS (
    SELECT
        post_id
        , post_type
        , user_id
        , mm_user_id
        , user_type
        , episode_id
        , message_length
        , count_question_marks
        , next_appointment
        , is_question
        , is_internal_post
        , mention
        , created_at
    FROM analytics.mm_posts
    WHERE
        created_at BETWEEN @start_ts AND @end_ts
), test_users AS (
    SELECT
        user_id
    FROM analytics.scribe_test_users
), unioned AS (
    SELECT
        post_id
        , post_type
        , user_id
        , mm_user_id
        , user_type
        , episode_id
        , message_length
        , count_question_marks
        , next_appointment
        , is_question
        , is_internal_post
        , mention
        , created_at
    FROM mm_posts
    UNION ALL
    SELECT
        post_id
        , post_type
        , user_id
        , mm_user_id
        , user_type
        , episode_id
        , message_length
        , count_question_marks
        , next_appointment
        , is_question
        , is_internal_post
        , mention
        , created_at
    FROM messaging_posts
), typed AS (
    SELECT
        post_id
        , post_type
        , user_id
        , mm_user_id
        , CASE
            WHEN user_type IS NULL AND post_type IS NULL AND created_at < '2017-03-27 00:00:00+00'::TIMESTAMPTZ
            THEN 'patient'
            ELSE user_type
        END AS user_type
        , episode_id
        , message_length
        , count_question_marks
        , next_appointment
        , is_question
        , is_internal_post
        , mention
        , created_at
    FROM unioned
), deduplicated AS (
    SELECT
        typed.post_id
        , typed.post_type
        , typed.user_id
        , typed.mm_user_id
        , typed.user_type
        , typed.episode_id
        , typed.message_length
        , typed.count_question_marks
        , typed.next_appointment
        , typed.is_question
        , typed.is_internal_post
        , typed.mention
        , typed.created_at
    FROM typed
    LEFT JOIN test_users
        ON typed.user_id = test_users.user_id
    WHERE
        test_users.user_id IS NULL
    QUALIFY
        ROW_NUMBER() OVER (PARTITION BY typed.post_id ORDER BY typed.created_at DESC, typed.episode_id) = 1
)
SELECT
    post_id::TEXT AS post_id /* Post identifier */
    , post_type::TEXT AS post_type /* Null for normal posts; system post type otherwise */
    , user_id::TEXT AS user_id /* Scribe user id of the poster (patient or care-team member) */
    , mm_user_id::TEXT AS mm_user_id /* Messaging-backend user id of the poster */
    , user_type::TEXT AS user_type /* patient, or physician for any care-team poster */
    , episode_id::TEXT AS episode_id /* Messaging channel = episode */
    , message_length::INT AS message_length /* Characters in the message */
    , count_question_marks::INT AS count_question_marks /* Question marks in the message */
    , next_appointment::TIMESTAMP AS next_appointment /* Next appointment mentioned in the post, when any */
    , is_question::BOOLEAN AS is_question /* The post asks a question */
    , is_internal_post::BOOLEAN AS is_internal_post /* Internal care-team note, invisible to the patient */
    , mention::TEXT AS mention /* Mentioned user handle, when any */
    , created_at::TIMESTAMPTZ AS created_at /* Time the post was sent (UTC) */
    , @to_utc(created_at)::DATE AS created_at_day /* UTC day of the post */
    , @to_est(created_at)::TIMESTAMP AS created_at_est /* Time the post was sent, Montreal local time (naive) */
    , @to_est(created_at)::DATE AS created_at_day_est /* Montreal local day of the post */
FROM deduplicated
