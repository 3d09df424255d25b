MODEL (
    name analytics.product_questions,
    kind FULL,
    cron '0 7 * * *',
    owner analytics,
    grain question_tid,
    tags (meta, product, countdown, pii),
    audits (
        unique_values(columns := (
            question_tid
        ))
        , not_null(columns := (question_tid, qnaire_tid, started_at, question_answered))
        , forall(criteria := (
            response_time >= 0
        ))
    ),
    description 'One row per Countdown question instance asked (countdown_question_asked), with its reply (countdown_question_replied: same question instance, questionnaire instance and episode; none when the patient did not answer), whether its questionnaire instance was completed (countdown_qnaire_completion_stats) and the issue type and outcome of the episode (episodes). started_at is the time the question was asked, completed_at the time of the reply; response_time is the seconds between them, null without a reply or when the reply is timed before the question (device clocks). qnaire_name and question_name are the questionnaire and question names (qnaire and question_id upstream). reply_value can be free text typed by the patient, hence the pii tag. FULL, rebuilt by the daily 07:00 UTC run.'
);

WITH asked AS (
    SELECT
        question_tid
        , qnaire_tid
        , episode_id
        , user_id
        , qnaire
        , question_id
        , "timestamp" AS asked_at
    FROM analytics.countdown_question_asked
), replied AS (
    SELECT
        question_tid
        , qnaire_tid
        , episode_id
        , reply_value
        , "timestamp" AS replied_at
    FROM analytics.countdown_question_replied
), questionnaires AS (
    SELECT
        qnaire_tid
        , is_completed
    FROM analytics.countdown_qnaire_completion_stats
), episodes AS (
    SELECT
        episode_id
        , issue_type
        , outcome
    FROM analytics.episodes
)
SELECT
    asked.episode_id::TEXT AS episode_id /* Episode (messaging channel) the questionnaire ran in */
    , episodes.issue_type::TEXT AS issue_type /* Latest issue type of the episode */
    , episodes.outcome::TEXT AS outcome /* Outcome of the episode (latest valid, else latest of any kind) */
    , asked.qnaire::TEXT AS qnaire_name /* Questionnaire name (dxa, channel_selection, ...) */
    , asked.asked_at::TIMESTAMPTZ AS started_at /* Time the question was asked (UTC) */
    , replied.replied_at::TIMESTAMPTZ AS completed_at /* Time of the reply (UTC); null when not answered */
    , asked.question_tid::TEXT AS question_tid /* Question instance id */
    , asked.question_id::TEXT AS question_name /* Question name (e.g. select_channel, iQR_doul_intense) */
    , asked.user_id::TEXT AS user_id /* Scribe user id of the patient */
    , asked.qnaire_tid::TEXT AS qnaire_tid /* Questionnaire instance id */
    , replied.reply_value::TEXT AS reply_value /* [PII] The answer as one value (free text when typed by the patient); null when not answered */
    , CASE
        WHEN replied.replied_at >= asked.asked_at
        THEN @seconds_between(asked.asked_at, replied.replied_at)
    END::DOUBLE AS response_time /* Seconds from the question to the reply; null without a reply or when the reply is timed before the question */
    , (
        NOT replied.question_tid IS NULL
    )::BOOLEAN AS question_answered /* The patient answered the question */
    , questionnaires.is_completed::BOOLEAN AS questionnaire_completed /* The questionnaire instance was completed; null when its instance is unknown */
FROM asked
LEFT JOIN replied
    ON asked.question_tid = replied.question_tid
    AND asked.qnaire_tid = replied.qnaire_tid
    AND asked.episode_id = replied.episode_id
LEFT JOIN questionnaires
    ON asked.qnaire_tid = questionnaires.qnaire_tid
LEFT JOIN episodes
    ON asked.episode_id = episodes.episode_id
