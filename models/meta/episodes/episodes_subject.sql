MODEL (
    name analytics.episodes_subject,
    kind INCREMENTAL_BY_UNIQUE_KEY (
        unique_key episode_id,
        lookback 72
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
        , not_null(columns := (episode_id, user_id, date_week))
        , assert_episode_subject_null_rate
    ),
    description 'Who each episode is about: one row per episode (messaging channel with a patient post). The subject is the member named in the first answer to the Countdown question episode_subject (first element of the reply values: the subject''s Scribe user id, e.g. a dependent''s), ignoring answers someone_else (a non-member); otherwise the channel''s patient. Incremental by unique key: each run recomputes only the episodes whose channel changed or that got an episode_subject answer in the interval (72-hour lookback for late Segment events) and merges them on episode_id.'
);

WITH channels AS (
    SELECT
        episode_id
        , user_id
        , created_at
        , updated_at
    FROM analytics.messaging_channels
), replies AS (
    SELECT
        episode_id
        , "timestamp"
        , question_tid
        , reply_label_first
        , reply_values_first
    FROM analytics.countdown_question_replied
    WHERE
        question_id = 'episode_subject' AND NOT episode_id IS NULL
), touched_episodes AS (
    SELECT
        episode_id
    FROM channels
    WHERE
        updated_at BETWEEN @start_ts AND @end_ts
    UNION
    SELECT
        episode_id
    FROM replies
    WHERE
        "timestamp" BETWEEN @start_ts AND @end_ts
), member_answers AS (
    SELECT
        replies.episode_id
        , replies."timestamp"
        , replies.reply_values_first AS subject_user_id
    FROM replies
    INNER JOIN touched_episodes
        ON replies.episode_id = touched_episodes.episode_id
    WHERE
        NOT replies.reply_values_first IS NULL
        AND replies.reply_values_first <> 'someone_else'
        AND COALESCE(replies.reply_label_first, '') <> 'someone_else'
    QUALIFY
        ROW_NUMBER() OVER (PARTITION BY replies.episode_id ORDER BY replies."timestamp", replies.question_tid) = 1
), subjects AS (
    SELECT
        channels.episode_id
        , channels.user_id
        , channels.created_at
        , member_answers.subject_user_id
        , member_answers."timestamp"
    FROM channels
    INNER JOIN touched_episodes
        ON channels.episode_id = touched_episodes.episode_id
    LEFT JOIN member_answers
        ON channels.episode_id = member_answers.episode_id
)
SELECT
    episode_id::TEXT AS episode_id /* Episode (messaging channel) */
    , COALESCE(subject_user_id, user_id)::TEXT AS episode_subject /* Scribe user id of the person the consult is about (exposed as patient_id downstream) */
    , user_id::TEXT AS user_id /* The channel's patient (the poster) */
    , "timestamp"::TIMESTAMPTZ AS "timestamp" /* Time of the episode_subject answer used (UTC); null when the subject is the poster by default */
    , DATE_TRUNC('WEEK', @to_est(COALESCE("timestamp", created_at)))::DATE AS date_week /* Monday of the local week of the answer, else of the channel's first post */
FROM subjects
