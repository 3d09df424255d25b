MODEL (
    name analytics.dxa_questions,
    kind FULL,
    cron '0 7 * * *',
    owner analytics,
    grain question_tid,
    tags (meta, dxa, care, pii),
    audits (
        unique_values(columns := (
            question_tid
        ))
        , not_null(
            columns := (question_tid, qnaire_tid, question, question_name, question_rank, response_type, asked_at)
        )
        , accepted_values("column" := response_type, is_in := ('interrupted', 'replied', 'unanswered'))
        , forall(criteria := (
            response_time >= 0
        ))
    ),
    description 'One row per question the Countdown chatbot asked in a DXA questionnaire (qnaire dxa), with its reply and pause and the context of its episode. response_type is interrupted when the questionnaire was paused on this question (the patient typed free text instead of answering), else replied when it has a reply, else unanswered. question_rank orders the questions of a questionnaire instance by the time they were asked (1 = first); response_time is the seconds from asking to replying (null without a reply, or when the reply is timed before the question: device clocks differ). question_name normalises the question: lower case, the iqr_ prefix removed, spaces and dots removed (iQR_angor_repos__yn gives angor_repos__yn); reply_value is the reply labels without the enclosing [" and "], lower-cased (["iqr_doul_endroits__abdo"] gives iqr_doul_endroits__abdo); reply_text is what the patient typed for a free-text question, hence the pii tag. Episode context (language, gender, age, issue type, outcome, chief complaint, reason for visit) comes from episodes and is null for a questionnaire whose episode is not there. FULL, rebuilt by the daily 07:00 UTC run.'
);

WITH asked AS (
    SELECT
        question_tid
        , qnaire_tid
        , episode_id
        , question_id
        , "timestamp"
    FROM analytics.countdown_question_asked
    WHERE
        qnaire = 'dxa'
), replies AS (
    SELECT
        question_tid
        , qnaire_tid
        , "timestamp"
        , reply_labels
        , reply_value_singular
    FROM analytics.countdown_question_replied
    WHERE
        qnaire = 'dxa'
), pauses AS (
    SELECT
        question_tid
        , qnaire_tid
    FROM analytics.countdown_qnaire_paused
    WHERE
        qnaire = 'dxa' AND NOT question_tid IS NULL
), episodes AS (
    SELECT
        episode_id
        , "language"
        , gender
        , age
        , issue_type
        , outcome
        , cc_code
        , reason_for_visit
        , cc_label_en
    FROM analytics.episodes
), questions AS (
    SELECT
        asked.question_tid
        , asked.qnaire_tid
        , asked.episode_id
        , asked.question_id
        , asked."timestamp" AS asked_at
        , replies."timestamp" AS replied_at
        , replies.reply_labels
        , replies.reply_value_singular
        , NOT pauses.question_tid IS NULL AS is_paused
        , ROW_NUMBER() OVER (PARTITION BY asked.qnaire_tid ORDER BY asked."timestamp", asked.question_tid) AS question_rank
        , LOWER(asked.question_id) AS question_lower
    FROM asked
    LEFT JOIN replies
        ON asked.question_tid = replies.question_tid AND asked.qnaire_tid = replies.qnaire_tid
    LEFT JOIN pauses
        ON asked.question_tid = pauses.question_tid AND asked.qnaire_tid = pauses.qnaire_tid
)
SELECT
    questions.episode_id::TEXT AS episode_id /* Episode (messaging channel) the DXA ran in */
    , questions.question_tid::TEXT AS question_tid /* Question instance id */
    , questions.qnaire_tid::TEXT AS qnaire_tid /* DXA questionnaire instance id */
    , questions.question_id::TEXT AS question /* Question name as sent by Countdown (e.g. iQR_doul_intense) */
    , questions.question_rank::BIGINT AS question_rank /* Order in which the question was asked within its questionnaire instance (1 = first) */
    , CASE
        WHEN questions.is_paused
        THEN 'interrupted'
        WHEN NOT questions.replied_at IS NULL
        THEN 'replied'
        ELSE 'unanswered'
    END::TEXT AS response_type /* interrupted (the questionnaire was paused on this question), replied or unanswered */
    , questions.asked_at::TIMESTAMPTZ AS asked_at /* When the question was asked (UTC) */
    , questions.replied_at::TIMESTAMPTZ AS replied_at /* When it was answered (UTC); null without a reply */
    , episodes."language"::TEXT AS "language" /* Language of the episode subject (FR, EN or N/A) */
    , episodes.gender::TEXT AS gender /* Gender of the episode subject (M, F or N/A) */
    , episodes.age::INT AS age /* Age of the episode subject in years at the first message */
    , episodes.issue_type::TEXT AS issue_type /* Issue type of the episode */
    , episodes.outcome::TEXT AS outcome /* Outcome of the episode */
    , episodes.cc_code::TEXT AS cc_code /* Chief complaint that launched DXA in the episode */
    , episodes.reason_for_visit::TEXT AS reason_for_visit /* Reason for visit answered at the start of the episode */
    , episodes.cc_label_en::TEXT AS cc_label_en /* English label of the chief complaint */
    , CASE
        WHEN questions.replied_at >= questions.asked_at
        THEN @seconds_between(questions.asked_at, questions.replied_at)
    END AS response_time /* Seconds from asking to replying (null without a reply or when the reply is timed before the question) */
    , REPLACE(
        REPLACE(
            CASE
                WHEN LEFT(questions.question_lower, 4) = 'iqr_'
                THEN SUBSTRING(questions.question_lower, 5)
                ELSE questions.question_lower
            END,
            ' ',
            ''
        ),
        '.',
        ''
    )::TEXT AS question_name /* Normalised question name: lower case, iqr_ prefix, spaces and dots removed (e.g. angor_repos__yn) */
    , LOWER(
        CASE
            WHEN questions.reply_labels LIKE '["%"]'
            THEN SUBSTRING(questions.reply_labels, 3, LENGTH(questions.reply_labels) - 4)
            ELSE questions.reply_labels
        END
    )::TEXT AS reply_value /* Reply labels without the enclosing [" and "], lower-cased (e.g. iqr_doul_intense__7, yes) */
    , questions.reply_value_singular::TEXT AS reply_text /* [PII] What the patient typed, for a free-text question (null otherwise) */
FROM questions
LEFT JOIN episodes
    ON questions.episode_id = episodes.episode_id
