MODEL (
    name analytics.dxa_bool_pivoted,
    kind FULL,
    cron '0 7 * * *',
    owner analytics,
    grain qnaire_tid,
    tags (meta, dxa, care),
    audits (
        unique_values(columns := (
            qnaire_tid
        ))
        , not_null(columns := (qnaire_tid, flagged_as_dangerous_bool))
    ),
    description 'One row per DXA questionnaire instance with at least one yes/no question (dxa_questions_bool): flagged_as_dangerous_bool is true when any of its answers is flagged as dangerous, and each yes/no question listed with kind bool in the seed data_dxa_pivot_questions has a column named after the question (e.g. angor_repos__yn) holding the answer (yes or no; null when not asked or not answered). When a question was asked twice in the same instance, the answer to the latest asking counts. The original made one column per question name found in the data when it compiled; here the columns are the seed''s rows (a question not listed there is left out of the pivot), so names and types are stable. FULL, rebuilt by the daily 07:00 UTC run.'
);

WITH answers AS (
    SELECT
        episode_id
        , qnaire_tid
        , question_tid
        , question_name
        , reply_value
        , flagged_as_dangerous
        , ROW_NUMBER() OVER (PARTITION BY qnaire_tid, question_name ORDER BY asked_at DESC, question_tid DESC) AS asking_rank_desc
    FROM analytics.dxa_questions_bool
), latest_answers AS (
    SELECT
        episode_id
        , qnaire_tid
        , question_name
        , reply_value
    FROM answers
    WHERE
        asking_rank_desc = 1
), flags AS (
    SELECT
        qnaire_tid
        , MIN(episode_id) AS episode_id
        , BOOL_OR(flagged_as_dangerous::BOOLEAN) AS flagged_as_dangerous_bool
    FROM answers
    GROUP BY
        qnaire_tid
), pivoted AS (
    SELECT
        qnaire_tid
        , @dxa_pivot('bool', question_name, reply_value)
    FROM latest_answers
    GROUP BY
        qnaire_tid
)
SELECT
    flags.episode_id::TEXT AS episode_id /* Episode (messaging channel) the DXA ran in */
    , flags.qnaire_tid::TEXT AS qnaire_tid /* DXA questionnaire instance id */
    , flags.flagged_as_dangerous_bool::BOOLEAN AS flagged_as_dangerous_bool /* Any answer of the instance is a yes to a dangerous symptom of its chief complaint */
    , @dxa_pivot_columns('bool', pivoted)
FROM flags
INNER JOIN pivoted
    ON flags.qnaire_tid = pivoted.qnaire_tid
