MODEL (
    name analytics.dxa_questions_free,
    kind FULL,
    cron '0 7 * * *',
    owner analytics,
    grain question_tid,
    tags (meta, dxa, care, pii),
    audits (
        unique_values(columns := (
            question_tid
        ))
        , not_null(columns := (question_tid, qnaire_tid, question_name))
    ),
    description 'One row per free-text question answered in a DXA questionnaire: the questions of dxa_questions whose reply value (the reply label, lower-cased) contains the marker __free, with question_name = the label before the marker (e.g. iqr_debut_symptome). The original took the text before __free of every DXA question, so questions without the marker got their whole label or an empty name as question name; here only labels with the marker are kept. symptoms_duration is what the patient typed for the question about when the symptoms began (normalised name containing debut_symptome__free) and menses_duration what they typed for the date of the last menstrual period (ddm__free); both are free text, hence the pii tag. FULL, rebuilt by the daily 07:00 UTC run.'
);

WITH answers AS (
    SELECT
        episode_id
        , qnaire_tid
        , question_tid
        , question_name AS normalised_question
        , reply_value
        , reply_text
    FROM analytics.dxa_questions
    WHERE
        STRPOS(reply_value, '__free') > 0
)
SELECT
    episode_id::TEXT AS episode_id /* Episode (messaging channel) the DXA ran in */
    , qnaire_tid::TEXT AS qnaire_tid /* DXA questionnaire instance id */
    , question_tid::TEXT AS question_tid /* Question instance id */
    , LEFT(reply_value, STRPOS(reply_value, '__free') - 1)::TEXT AS question_name /* Free-text question: the reply label before __free (e.g. iqr_debut_symptome) */
    , CASE WHEN STRPOS(normalised_question, 'debut_symptome__free') > 0 THEN reply_text END::TEXT AS symptoms_duration /* [PII] When the symptoms began, as typed by the patient (null for other questions) */
    , CASE WHEN STRPOS(normalised_question, 'ddm__free') > 0 THEN reply_text END::TEXT AS menses_duration /* [PII] Date of the last menstrual period, as typed by the patient (null for other questions) */
FROM answers
