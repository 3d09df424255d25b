MODEL (
    name analytics.mental_health_phq9_user_summaries,
    kind FULL,
    cron '0 7 * * *',
    owner analytics,
    grain (user_id, issue_type),
    tags (meta, mental_health, countdown, pii),
    audits (
        unique_combination_of_columns(columns := (user_id, issue_type))
        , not_null(columns := (user_id, score_first, has_score_month1, has_score_month3, has_score_month6))
    ),
    description 'One row per patient and issue type with a scored PHQ-9 (mental_health_phq9_scores): the first score and the scores about one, three and six months later, with the patient''s gender and birthday (scribe_users, hence the pii tag). score_first = the score of the first PHQ-9 (rank 1); score_month1 = a score taken 23 to 37 whole days after the first, score_month3 76 to 104 days, score_month6 152 to 208 days (bounds included; the lowest when several fall in the window, null when none); has_score_monthN says whether one exists; delta_monthN = (score_monthN - score_first) / score_first rounded to 2 decimals, 0 when the first score is 0, null without a score in the window. initial_gad7_score is the user''s first complete GAD-7 score. FULL, rebuilt by the daily 07:00 UTC run.'
);

WITH scores AS (
    SELECT
        user_id
        , issue_type
        , "rank"
        , score
        , days_since_first_phq9
        , initial_gad7_score
    FROM analytics.mental_health_phq9_scores
), users AS (
    SELECT
        user_id
        , gender
        , birthday
    FROM analytics.scribe_users
), summaries AS (
    SELECT
        user_id
        , issue_type
        , MAX(initial_gad7_score) AS initial_gad7_score
        , MAX(CASE WHEN "rank" = 1 THEN score END) AS score_first
        , MIN(CASE WHEN days_since_first_phq9 BETWEEN 23 AND 37 THEN score END) AS score_month1
        , MIN(CASE WHEN days_since_first_phq9 BETWEEN 76 AND 104 THEN score END) AS score_month3
        , MIN(CASE WHEN days_since_first_phq9 BETWEEN 152 AND 208 THEN score END) AS score_month6
    FROM scores
    GROUP BY
        user_id
        , issue_type
)
SELECT
    summaries.user_id::TEXT AS user_id /* Scribe user id of the patient */
    , summaries.issue_type::TEXT AS issue_type /* Issue type of the episodes of the PHQ-9s (psy, psy-pilot, ...) */
    , users.gender::TEXT AS gender /* Gender of the patient (Scribe) */
    , users.birthday::DATE AS birthday /* [PII] Birthday of the patient (Scribe) */
    , summaries.initial_gad7_score::INT AS initial_gad7_score /* Score of the user's first GAD-7 (0-21) when complete, else null */
    , summaries.score_first::INT AS score_first /* Score of the first PHQ-9 */
    , summaries.score_month1::INT AS score_month1 /* Lowest score taken 23 to 37 days after the first PHQ-9; null when none */
    , (
        NOT summaries.score_month1 IS NULL
    )::BOOLEAN AS has_score_month1 /* A score exists 23 to 37 days after the first */
    , CASE
        WHEN summaries.score_month1 IS NULL
        THEN NULL
        WHEN summaries.score_first = 0
        THEN 0
        ELSE ROUND((
            summaries.score_month1 - summaries.score_first
        )::DECIMAL(12, 6) / summaries.score_first, 2)
    END::DOUBLE AS delta_month1 /* Relative change of the month-1 score vs the first, 2 decimals; 0 when the first is 0, null without a month-1 score */
    , summaries.score_month3::INT AS score_month3 /* Lowest score taken 76 to 104 days after the first PHQ-9; null when none */
    , (
        NOT summaries.score_month3 IS NULL
    )::BOOLEAN AS has_score_month3 /* A score exists 76 to 104 days after the first */
    , CASE
        WHEN summaries.score_month3 IS NULL
        THEN NULL
        WHEN summaries.score_first = 0
        THEN 0
        ELSE ROUND((
            summaries.score_month3 - summaries.score_first
        )::DECIMAL(12, 6) / summaries.score_first, 2)
    END::DOUBLE AS delta_month3 /* Relative change of the month-3 score vs the first, 2 decimals; 0 when the first is 0, null without a month-3 score */
    , summaries.score_month6::INT AS score_month6 /* Lowest score taken 152 to 208 days after the first PHQ-9; null when none */
    , (
        NOT summaries.score_month6 IS NULL
    )::BOOLEAN AS has_score_month6 /* A score exists 152 to 208 days after the first */
    , CASE
        WHEN summaries.score_month6 IS NULL
        THEN NULL
        WHEN summaries.score_first = 0
        THEN 0
        ELSE ROUND((
            summaries.score_month6 - summaries.score_first
        )::DECIMAL(12, 6) / summaries.score_first, 2)
    END::DOUBLE AS delta_month6 /* Relative change of the month-6 score vs the first, 2 decimals; 0 when the first is 0, null without a month-6 score */
FROM summaries
LEFT JOIN users
    ON summaries.user_id = users.user_id
