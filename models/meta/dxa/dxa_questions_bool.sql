MODEL (
    name analytics.dxa_questions_bool,
    kind FULL,
    cron '0 7 * * *',
    owner analytics,
    grain question_tid,
    tags (meta, dxa, care, pii),
    audits (
        unique_values(columns := (
            question_tid
        ))
        , not_null(columns := (question_tid, qnaire_tid, question_name, flagged_as_dangerous))
    ),
    description 'One row per yes/no question asked in a DXA questionnaire: the questions of dxa_questions whose normalised name contains the literal text __yn (the original matched the pattern with unescaped _ wildcards, so any name with a yn preceded by two characters passed), with every column of dxa_questions. flagged_as_dangerous is true when the patient answered yes and the pair (chief complaint of the episode, question name without __yn) is a dangerous symptom of the seed dxa_dangerous_symptoms_by_cc, whose symptoms are compared with spaces and dots removed like the question names (so the seed''s "faiblesse faciale" matches the question iQR_faiblesse faciale__yn). A no to a dangerous-symptom question is not a red flag. FULL, rebuilt by the daily 07:00 UTC run.'
);

WITH questions AS (
    SELECT
        episode_id
        , question_tid
        , qnaire_tid
        , question
        , question_rank
        , response_type
        , asked_at
        , replied_at
        , "language"
        , gender
        , age
        , issue_type
        , outcome
        , cc_code
        , reason_for_visit
        , cc_label_en
        , response_time
        , question_name
        , reply_value
        , reply_text
    FROM analytics.dxa_questions
    WHERE
        STRPOS(question_name, '__yn') > 0
), dangerous_symptoms AS (
    SELECT DISTINCT
        cc_code
        , REPLACE(REPLACE(LOWER(symptom), ' ', ''), '.', '') AS symptom
    FROM analytics.dxa_dangerous_symptoms_by_cc
)
SELECT
    questions.episode_id::TEXT AS episode_id /* Episode (messaging channel) the DXA ran in */
    , questions.question_tid::TEXT AS question_tid /* Question instance id */
    , questions.qnaire_tid::TEXT AS qnaire_tid /* DXA questionnaire instance id */
    , questions.question::TEXT AS question /* Question name as sent by Countdown (e.g. iQR_angor_repos__yn) */
    , questions.question_rank::BIGINT AS question_rank /* Order in which the question was asked within its questionnaire instance (1 = first) */
    , questions.response_type::TEXT AS response_type /* interrupted, replied or unanswered (see dxa_questions) */
    , questions.asked_at::TIMESTAMPTZ AS asked_at /* When the question was asked (UTC) */
    , questions.replied_at::TIMESTAMPTZ AS replied_at /* When it was answered (UTC); null without a reply */
    , questions."language"::TEXT AS "language" /* Language of the episode subject (FR, EN or N/A) */
    , questions.gender::TEXT AS gender /* Gender of the episode subject (M, F or N/A) */
    , questions.age::INT AS age /* Age of the episode subject in years at the first message */
    , questions.issue_type::TEXT AS issue_type /* Issue type of the episode */
    , questions.outcome::TEXT AS outcome /* Outcome of the episode */
    , questions.cc_code::TEXT AS cc_code /* Chief complaint that launched DXA in the episode */
    , questions.reason_for_visit::TEXT AS reason_for_visit /* Reason for visit answered at the start of the episode */
    , questions.cc_label_en::TEXT AS cc_label_en /* English label of the chief complaint */
    , questions.response_time::DOUBLE AS response_time /* Seconds from asking to replying */
    , questions.question_name::TEXT AS question_name /* Normalised question name (e.g. angor_repos__yn) */
    , questions.reply_value::TEXT AS reply_value /* The answer: yes or no (null without a reply) */
    , questions.reply_text::TEXT AS reply_text /* [PII] What the patient typed, when the answer was typed */
    , COALESCE(questions.reply_value = 'yes' AND NOT dangerous_symptoms.symptom IS NULL, FALSE)::BOOLEAN AS flagged_as_dangerous /* Answered yes to a dangerous symptom of the episode's chief complaint */
FROM questions
LEFT JOIN dangerous_symptoms
    ON questions.cc_code = dangerous_symptoms.cc_code
    AND REPLACE(questions.question_name, '__yn', '') = dangerous_symptoms.symptom
