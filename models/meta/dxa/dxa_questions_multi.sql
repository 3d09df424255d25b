MODEL (
    name analytics.dxa_questions_multi,
    kind FULL,
    cron '0 7 * * *',
    owner analytics,
    grain question_tid,
    tags (meta, dxa, care),
    audits (
        unique_values(columns := (
            question_tid
        ))
        , not_null(columns := (question_tid, qnaire_tid, question_name))
    ),
    description 'One row per multiple-choice answer in a DXA questionnaire: the questions of dxa_questions whose reply value (the chosen label, lower-cased) contains iqr, split at its first double underscore into question_name (the text before it, e.g. iqr_doul_endroits) and reply (the text after it, e.g. abdo; null when the label has no double underscore). FULL, rebuilt by the daily 07:00 UTC run.'
);

WITH answers AS (
    SELECT
        episode_id
        , qnaire_tid
        , question_tid
        , reply_value
        , STRPOS(reply_value, '__') AS separator_position
    FROM analytics.dxa_questions
    WHERE
        STRPOS(reply_value, 'iqr') > 0
)
SELECT
    episode_id::TEXT AS episode_id /* Episode (messaging channel) the DXA ran in */
    , qnaire_tid::TEXT AS qnaire_tid /* DXA questionnaire instance id */
    , question_tid::TEXT AS question_tid /* Question instance id */
    , CASE WHEN separator_position > 0 THEN LEFT(reply_value, separator_position - 1) ELSE reply_value END::TEXT AS question_name /* Multiple-choice question: the reply label before its first double underscore (e.g. iqr_doul_endroits) */
    , CASE WHEN separator_position > 0 THEN NULLIF(SUBSTRING(reply_value, separator_position + 2), '') END::TEXT AS reply /* The choice: the reply label after its first double underscore (e.g. abdo, or 7 for iqr_doul_intense) */
FROM answers
