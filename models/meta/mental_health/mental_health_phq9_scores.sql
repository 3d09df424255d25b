MODEL (
    name analytics.mental_health_phq9_scores,
    kind FULL,
    cron '0 7 * * *',
    owner analytics,
    grain qnaire_tid,
    tags (meta, mental_health, countdown),
    audits (
        unique_values(columns := (
            qnaire_tid
        ))
        , not_null(
            columns := (
                qnaire_tid
                , user_id
                , episode_id
                , "timestamp"
                , score
                , "rank"
                , first_phq9_timestamp
                , initial_phq9_score
                , days_since_most_recent_phq9
                , days_since_first_phq9
                , difference_from_most_recent_score
                , difference_from_first_score
            )
        )
        , accepted_range("column" := score, min_v := 0, max_v := 27)
        , accepted_range("column" := initial_gad7_score, min_v := 0, max_v := 21)
    ),
    description 'One row per completed PHQ-9 questionnaire (Countdown questionnaire phq9, a questionnaire_finish event) whose nine scored items were all answered, with the patient''s evolution. An answer is the integer inside the JSON-array reply value (e.g. [2]); the unscored items phq_9_q11 (PHQ-9) and gad_7_q8 (GAD-7) and unanswered items ([null]) are left out. score = the sum of the nine answers (0-27); an instance with fewer than nine answers has no score and no row. initial_gad7_score = the sum of the user''s first GAD-7 (by its first reply; the Countdown user of the PHQ-9 completion), only when its seven items were answered, else null; it is the same on every PHQ-9 row of the user. Each PHQ-9 is joined to its episode (episodes: patient_id as user_id, issue_type; PHQ-9s of episodes episodes leaves out, such as test users'', are left out), then compared with the patient''s other PHQ-9s of the same issue type ordered by completion time (ties by instance id): rank (1 = first), first_phq9_timestamp, initial_phq9_score (the first score), days_since_most_recent_phq9 and days_since_first_phq9 (whole days elapsed, rounded down; 0 for the first), difference_from_most_recent_score and difference_from_first_score (relative change of the score vs the previous / the first score, e.g. -0.25 for 12 after 16; 0 for the first and when the score compared with is 0). FULL, rebuilt by the daily 07:00 UTC run.'
);

WITH completions AS (
    SELECT
        qnaire_tid
        , episode_id
        , user_id
        , "timestamp"
    FROM analytics.countdown_qnaire_completed
    WHERE
        qnaire = 'phq9'
), answers AS (
    SELECT
        qnaire
        , qnaire_tid
        , user_id
        , "timestamp"
        , reply_values_first::INT AS answer
    FROM analytics.countdown_question_replied
    WHERE
        qnaire IN ('phq9', 'gad7')
        AND NOT question_id IN ('phq_9_q11', 'gad_7_q8')
        AND NOT reply_values_first IS NULL
), episodes AS (
    SELECT
        episode_id
        , patient_id
        , issue_type
    FROM analytics.episodes
), phq9_sums AS (
    SELECT
        qnaire_tid
        , SUM(answer) AS score
        , COUNT(*) AS answers_count
    FROM answers
    WHERE
        qnaire = 'phq9'
    GROUP BY
        qnaire_tid
), gad7_sums AS (
    SELECT
        user_id
        , qnaire_tid
        , SUM(answer) AS score
        , COUNT(*) AS answers_count
        , MIN("timestamp") AS first_replied_at
    FROM answers
    WHERE
        qnaire = 'gad7'
    GROUP BY
        user_id
        , qnaire_tid
), gad7_first AS (
    SELECT
        user_id
        , CASE WHEN answers_count = 7 THEN score END AS initial_gad7_score
    FROM gad7_sums
    QUALIFY
        ROW_NUMBER() OVER (PARTITION BY user_id ORDER BY first_replied_at, qnaire_tid) = 1
), scored AS (
    SELECT
        episodes.patient_id AS user_id
        , completions.episode_id
        , episodes.issue_type
        , completions.qnaire_tid
        , completions."timestamp"
        , phq9_sums.score
        , gad7_first.initial_gad7_score
    FROM completions
    INNER JOIN phq9_sums
        ON completions.qnaire_tid = phq9_sums.qnaire_tid AND phq9_sums.answers_count = 9
    INNER JOIN episodes
        ON completions.episode_id = episodes.episode_id
    LEFT JOIN gad7_first
        ON completions.user_id = gad7_first.user_id
), ordered AS (
    SELECT
        user_id
        , episode_id
        , issue_type
        , qnaire_tid
        , "timestamp"
        , score
        , initial_gad7_score
        , ROW_NUMBER() OVER (PARTITION BY user_id, issue_type ORDER BY "timestamp", qnaire_tid) AS "rank"
        , FIRST_VALUE("timestamp") OVER (PARTITION BY user_id, issue_type ORDER BY "timestamp", qnaire_tid) AS first_phq9_timestamp
        , FIRST_VALUE(score) OVER (PARTITION BY user_id, issue_type ORDER BY "timestamp", qnaire_tid) AS initial_phq9_score
        , LAG("timestamp") OVER (PARTITION BY user_id, issue_type ORDER BY "timestamp", qnaire_tid) AS previous_timestamp
        , LAG(score) OVER (PARTITION BY user_id, issue_type ORDER BY "timestamp", qnaire_tid) AS previous_score
    FROM scored
)
SELECT
    user_id::TEXT AS user_id /* Scribe user id of the episode's patient */
    , episode_id::TEXT AS episode_id /* Episode (messaging channel) the PHQ-9 ran in */
    , issue_type::TEXT AS issue_type /* Issue type of the episode (psy, psy-pilot, ...) */
    , qnaire_tid::TEXT AS qnaire_tid /* PHQ-9 questionnaire instance id */
    , "timestamp"::TIMESTAMPTZ AS "timestamp" /* Completion time of the PHQ-9 (UTC) */
    , first_phq9_timestamp::TIMESTAMPTZ AS first_phq9_timestamp /* Completion time of the patient's first PHQ-9 of the issue type (UTC) */
    , initial_phq9_score::INT AS initial_phq9_score /* Score of the patient's first PHQ-9 of the issue type */
    , COALESCE(FLOOR(@seconds_between(previous_timestamp, "timestamp") / 86400), 0)::INT AS days_since_most_recent_phq9 /* Whole days since the patient's previous PHQ-9 of the issue type, 0 for the first */
    , FLOOR(@seconds_between(first_phq9_timestamp, "timestamp") / 86400)::INT AS days_since_first_phq9 /* Whole days since the patient's first PHQ-9 of the issue type */
    , "rank"::INT AS "rank" /* Order of the PHQ-9 among the patient's PHQ-9s of the issue type, 1 = first */
    , CASE
        WHEN previous_score IS NULL OR previous_score = 0
        THEN 0
        ELSE (
            score - previous_score
        ) / previous_score::DOUBLE
    END::DOUBLE AS difference_from_most_recent_score /* Relative change of the score vs the previous PHQ-9 ((score - previous) / previous); 0 for the first or when the previous score is 0 */
    , CASE
        WHEN "rank" = 1 OR initial_phq9_score = 0
        THEN 0
        ELSE (
            score - initial_phq9_score
        ) / initial_phq9_score::DOUBLE
    END::DOUBLE AS difference_from_first_score /* Relative change of the score vs the first PHQ-9 ((score - first) / first); 0 for the first or when the first score is 0 */
    , score::INT AS score /* PHQ-9 score: sum of the nine answers (0-3 each), 0-27 */
    , initial_gad7_score::INT AS initial_gad7_score /* Score of the user's first GAD-7 (0-21) when its seven items were answered, else null */
FROM ordered
