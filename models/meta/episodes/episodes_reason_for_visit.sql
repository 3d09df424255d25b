MODEL (
    name analytics.episodes_reason_for_visit,
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
        , not_null(columns := (episode_id, reason_for_visit, "timestamp"))
    ),
    description 'The reason for visit the patient chose: one row per episode that answered a chat-topic question (chat_topic_closed, chat_topic_full_scope or chat_topic_reduced_scope) of the episode_subject_and_reason questionnaire, from the first answer with a label. Episodes without a row get N/A in episodes. Incremental by unique key: each run recomputes only the episodes with such an answer in the interval (72-hour lookback for late Segment events) and merges them on episode_id.'
);

WITH topics AS (
    SELECT
        episode_id
        , question_tid
        , reply_label_first
        , "timestamp"
    FROM analytics.countdown_question_replied
    WHERE
        qnaire = 'episode_subject_and_reason'
        AND question_id IN ('chat_topic_closed', 'chat_topic_full_scope', 'chat_topic_reduced_scope')
        AND NOT episode_id IS NULL
        AND NOT reply_label_first IS NULL
), touched_episodes AS (
    SELECT DISTINCT
        episode_id
    FROM topics
    WHERE
        "timestamp" BETWEEN @start_ts AND @end_ts
), first_topics AS (
    SELECT
        topics.episode_id
        , topics.reply_label_first
        , topics."timestamp"
    FROM topics
    INNER JOIN touched_episodes
        ON topics.episode_id = touched_episodes.episode_id
    QUALIFY
        ROW_NUMBER() OVER (PARTITION BY topics.episode_id ORDER BY topics."timestamp", topics.question_tid) = 1
)
SELECT
    episode_id::TEXT AS episode_id /* Episode (messaging channel) */
    , reply_label_first::TEXT AS reason_for_visit /* Label of the first chat-topic answer (the reason the patient gave) */
    , "timestamp"::TIMESTAMPTZ AS "timestamp" /* Time of that answer (UTC) */
    , @to_est("timestamp") AS timestamp_est /* Time of that answer, Montreal local time (naive) */
FROM first_topics
