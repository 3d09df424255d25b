MODEL (
    name analytics.countdown_question_replied,
    kind INCREMENTAL_BY_TIME_RANGE (
        time_column "timestamp",
        lookback 72,
        batch_size 744
    ),
    cron '0 6 * * *',
    interval_unit 'hour',
    signals (
        delivered()
    ),
    owner analytics,
    grain question_tid,
    tags (base, countdown, care, pii),
    audits (
        unique_values(columns := (
            question_tid
        ))
        , unique_values(columns := (
            event_id
        ))
        , not_null(columns := (event_id, question_tid, "timestamp"))
    ),
    description 'One row per question instance answered in a Countdown questionnaire (Segment source countdown, table question_reply): the first reply per question instance (question_tid). Duplicate Segment deliveries of the same event id are dropped; a repeated reply to a question instance already answered in the 7 days before the interval is dropped too (an instance never stays open that long). Hourly intervals computed up to 06:00 UTC (the morning Segment load) by the 07:00 UTC run, since every consumer is rebuilt at 07:00 only; the 72-hour lookback picks up late Segment deliveries. The raw reply columns are JSON-array text (the source misspells them quetion_*); the first elements are read with the JSON ->> operator, which runs identically on DuckDB and Postgres. reply_value_singular and reply_value can hold free text typed by the patient, hence the pii tag.'
);

WITH replies AS (
    SELECT
        id
        , user_id
        , "timestamp"
        , received_at
        , cd_qnaire
        , cd_qnaire_tid
        , cd_q_id
        , cd_q_tid
        , channel_id
        , quetion_reply_items
        , quetion_reply_value
        , quetion_reply_values
    FROM countdown.question_reply
    WHERE
        "timestamp" BETWEEN @start_ts AND @end_ts AND NOT cd_q_tid IS NULL
), replies_before_interval AS (
    SELECT DISTINCT
        cd_q_tid
    FROM countdown.question_reply
    WHERE
        "timestamp" >= @start_ts::TIMESTAMPTZ - INTERVAL '7' DAY
        AND "timestamp" < @start_ts::TIMESTAMPTZ
        AND NOT cd_q_tid IS NULL
), first_replies AS (
    SELECT
        replies.id
        , replies.user_id
        , replies."timestamp"
        , replies.cd_qnaire
        , replies.cd_qnaire_tid
        , replies.cd_q_id
        , replies.cd_q_tid
        , replies.channel_id
        , replies.quetion_reply_items
        , replies.quetion_reply_value
        , replies.quetion_reply_values
    FROM replies
    LEFT JOIN replies_before_interval
        ON replies.cd_q_tid = replies_before_interval.cd_q_tid
    WHERE
        replies_before_interval.cd_q_tid IS NULL
    QUALIFY
        ROW_NUMBER() OVER (PARTITION BY replies.cd_q_tid ORDER BY replies."timestamp", replies.received_at, replies.id) = 1
), parsed AS (
    SELECT
        id
        , user_id
        , "timestamp"
        , cd_qnaire
        , cd_qnaire_tid
        , cd_q_id
        , cd_q_tid
        , channel_id
        , NULLIF(TRIM(quetion_reply_items), '') AS reply_labels
        , NULLIF(TRIM(quetion_reply_value), '') AS reply_value_singular
        , NULLIF(TRIM(quetion_reply_values), '') AS reply_values
        , CASE
            WHEN TRIM(quetion_reply_items) LIKE '[%]'
            THEN NULLIF(@json_text(TRIM(quetion_reply_items), '$[0]'), '')
        END AS reply_label_first
        , CASE
            WHEN TRIM(quetion_reply_values) LIKE '[%]'
            THEN NULLIF(@json_text(TRIM(quetion_reply_values), '$[0]'), '')
        END AS reply_values_first
    FROM first_replies
)
SELECT
    id::TEXT AS event_id /* Segment event id of the reply */
    , channel_id::TEXT AS episode_id /* Episode (messaging channel) the questionnaire ran in */
    , user_id::TEXT AS user_id /* Scribe user id of the patient who answered */
    , "timestamp"::TIMESTAMPTZ AS "timestamp" /* Time of the reply (UTC) */
    , @to_est("timestamp") AS timestamp_est /* Time of the reply, Montreal local time (naive) */
    , cd_qnaire::TEXT AS qnaire /* Questionnaire name (top_level_greeting, episode_subject_and_reason, dxa, ...) */
    , cd_qnaire_tid::TEXT AS qnaire_tid /* Questionnaire instance id */
    , cd_q_id::TEXT AS question_id /* Question name (episode_subject, chat_topic_closed, select_channel, cc_confirmation, ...) */
    , cd_q_tid::TEXT AS question_tid /* Question instance id (one reply kept per instance) */
    , reply_labels::TEXT AS reply_labels /* Labels of the chosen answers, JSON-array text as sent by Countdown */
    , reply_label_first::TEXT AS reply_label_first /* First label of reply_labels */
    , reply_value_singular::TEXT AS reply_value_singular /* [PII] Single reply value; free text when the patient typed the answer */
    , reply_values::TEXT AS reply_values /* Values of the chosen answers, JSON-array text (e.g. the subject user id for episode_subject) */
    , reply_values_first::TEXT AS reply_values_first /* First element of reply_values */
    , COALESCE(reply_value_singular, reply_values_first, reply_label_first)::TEXT AS reply_value /* [PII] The answer as one value: the single value, else the first of the values, else the first label */
    , CASE
        WHEN cd_qnaire = 'stress' AND cd_q_id IN ('q1', 'q2')
        THEN 'Depression'
        WHEN cd_qnaire = 'stress' AND cd_q_id IN ('q3', 'q4')
        THEN 'Anxiety'
        WHEN cd_qnaire = 'stress' AND cd_q_id IN ('q5', 'q6', 'q7', 'q8')
        THEN 'Stress'
        ELSE 'No Category'
    END::TEXT AS question_category /* Category of stress-questionnaire items: Depression (q1-q2), Anxiety (q3-q4), Stress (q5-q8), else No Category */
FROM parsed
