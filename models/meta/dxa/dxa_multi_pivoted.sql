MODEL (
    name analytics.dxa_multi_pivoted,
    kind FULL,
    cron '0 7 * * *',
    owner analytics,
    grain qnaire_tid,
    tags (meta, dxa, care),
    audits (unique_values(columns := (
            qnaire_tid
        )), not_null(columns := (
            qnaire_tid
    ))),
    description 'One row per DXA questionnaire instance with at least one multiple-choice answer (dxa_questions_multi); each multiple-choice question listed with kind multi in the seed data_dxa_pivot_questions has a column named after the question (iqr_doul_endroits: the pain location such as abdo, headface, tho, backbutt; iqr_doul_intense: the pain intensity 0 to 10 as text) holding the choice (null when not asked or not answered). When a question was answered twice in the same instance, the latest answer counts. The original made one column per question name found in the data when it compiled; here the columns are the seed''s rows, so names and types are stable. FULL, rebuilt by the daily 07:00 UTC run.'
);

WITH answers AS (
    SELECT
        multi.episode_id
        , multi.qnaire_tid
        , multi.question_name
        , multi.reply
        , ROW_NUMBER() OVER (
            PARTITION BY multi.qnaire_tid, multi.question_name
            ORDER BY questions.asked_at DESC, multi.question_tid DESC
        ) AS answer_rank_desc
    FROM analytics.dxa_questions_multi AS multi
    INNER JOIN analytics.dxa_questions AS questions
        ON multi.question_tid = questions.question_tid
), latest_answers AS (
    SELECT
        episode_id
        , qnaire_tid
        , question_name
        , reply
    FROM answers
    WHERE
        answer_rank_desc = 1
)
SELECT
    MIN(episode_id)::TEXT AS episode_id /* Episode (messaging channel) the DXA ran in */
    , qnaire_tid::TEXT AS qnaire_tid /* DXA questionnaire instance id */
    , @dxa_pivot('multi', question_name, reply)
FROM latest_answers
GROUP BY
    qnaire_tid
