MODEL (
    name analytics.mental_health_qnaire_answers,
    kind FULL,
    cron '0 7 * * *',
    owner analytics,
    grain qnaire_tid,
    tags (meta, mental_health, countdown),
    audits (
        unique_values(columns := (
            qnaire_tid
        ))
        , not_null(columns := (qnaire_tid, stress_qnaire_completed_at, response_rank, stress_grouping))
        , accepted_values("column" := stress_grouping, is_in := ('No stress', 'Low stress', 'Moderate stress', 'High stress'))
    ),
    description 'One row per instance of the Countdown stress questionnaire (questionnaire stress, 8 items answered 0 to 4: q1-q2 depression, q3-q4 anxiety, q5-q8 stress, the categories countdown_question_replied assigns), test users excluded. An answer is the integer inside the JSON-array reply value (e.g. [2]); an unanswered item ([null]) adds nothing. stress_qnaire_completed_at is the time of the last reply of the instance; depression_score, anxiety_score and stress_score are the sums of the answers of each category; depression_flag: the highest depression answer is 2 or more; anxiety_flag: the anxiety sum is 3 or more; stress_grouping: No stress (stress sum 0), Low stress (up to 5), Moderate stress (up to 10), High stress (above 10, and when no stress item was answered, as in the original); response_rank orders the instances of a user by completion time (1 = first; ties broken by the instance id). The original also labelled each item with its English text but did not output it. FULL, rebuilt by the daily 07:00 UTC run.'
);

WITH replies AS (
    SELECT
        qnaire_tid
        , user_id
        , episode_id
        , "timestamp"
        , question_category
        , reply_values_first::INT AS answer
    FROM analytics.countdown_question_replied
    WHERE
        qnaire = 'stress' AND NOT qnaire_tid IS NULL
), test_users AS (
    SELECT
        user_id
    FROM analytics.scribe_test_users
), instances AS (
    SELECT
        replies.qnaire_tid
        , replies.user_id
        , replies.episode_id
        , MAX(replies."timestamp") AS stress_qnaire_completed_at
        , SUM(CASE WHEN replies.question_category = 'Depression' THEN replies.answer END) AS depression_score
        , MAX(CASE WHEN replies.question_category = 'Depression' THEN replies.answer END) AS depression_max
        , SUM(CASE WHEN replies.question_category = 'Anxiety' THEN replies.answer END) AS anxiety_score
        , SUM(CASE WHEN replies.question_category = 'Stress' THEN replies.answer END) AS stress_score
    FROM replies
    LEFT JOIN test_users
        ON replies.user_id = test_users.user_id
    WHERE
        test_users.user_id IS NULL
    GROUP BY
        replies.qnaire_tid
        , replies.user_id
        , replies.episode_id
)
SELECT
    qnaire_tid::TEXT AS qnaire_tid /* Stress questionnaire instance id */
    , user_id::TEXT AS user_id /* Scribe user id of the patient who answered */
    , episode_id::TEXT AS episode_id /* Episode (messaging channel) the questionnaire ran in */
    , ROW_NUMBER() OVER (PARTITION BY user_id ORDER BY stress_qnaire_completed_at, qnaire_tid)::INT AS response_rank /* Order of the user's stress questionnaires by completion time, 1 = first */
    , stress_qnaire_completed_at::TIMESTAMPTZ AS stress_qnaire_completed_at /* Time of the last reply of the instance (UTC) */
    , depression_score::INT AS depression_score /* Sum of the depression answers (q1-q2, 0-4 each); null when none answered */
    , COALESCE(depression_max >= 2, FALSE)::BOOLEAN AS depression_flag /* The highest depression answer is 2 or more */
    , anxiety_score::INT AS anxiety_score /* Sum of the anxiety answers (q3-q4, 0-4 each); null when none answered */
    , COALESCE(anxiety_score >= 3, FALSE)::BOOLEAN AS anxiety_flag /* The anxiety sum is 3 or more */
    , stress_score::INT AS stress_score /* Sum of the stress answers (q5-q8, 0-4 each); null when none answered */
    , CASE
        WHEN stress_score = 0
        THEN 'No stress'
        WHEN stress_score <= 5
        THEN 'Low stress'
        WHEN stress_score <= 10
        THEN 'Moderate stress'
        ELSE 'High stress'
    END::TEXT AS stress_grouping /* No stress (0), Low stress (1-5), Moderate stress (6-10), High stress (above 10 or no stress answer) */
FROM instances
