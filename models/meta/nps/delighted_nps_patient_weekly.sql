MODEL (
    name analytics.delighted_nps_patient_weekly,
    kind FULL,
    cron '0 7 * * *',
    owner analytics,
    grain date_week,
    tags (meta, nps, delighted),
    audits (
        unique_values(columns := (
            date_week
        ))
        , not_null(columns := (date_week, responses_count, promoters_count, passives_count, detractors_count, nps))
        , assert_nps_range
        , assert_nps_counts_add_up
    ),
    description 'One row per Monday week (UTC) with at least one patient NPS response: respondent counts by category and the NPS = round(100 x (promoters - detractors) / responses), an integer between -100 and 100. All weeks, including the week in progress, as in the original; weeks without responses have no row (the scorecard mart fills them with empty values). FULL, rebuilt once a day by the 07:00 UTC run: a small aggregate over all responses.'
);

WITH responses AS (
    SELECT
        date_week
        , category
    FROM analytics.delighted_survey_patient
), counts AS (
    SELECT
        date_week
        , COUNT(*) AS responses_count
        , COUNT(CASE WHEN category = 'promoter' THEN 1 END) AS promoters_count
        , COUNT(CASE WHEN category = 'passive' THEN 1 END) AS passives_count
        , COUNT(CASE WHEN category = 'detractor' THEN 1 END) AS detractors_count
    FROM responses
    GROUP BY
        date_week
)
SELECT
    date_week::DATE AS date_week /* Monday of the UTC week of the responses */
    , responses_count::BIGINT AS responses_count /* Responses in the week */
    , promoters_count::BIGINT AS promoters_count /* Responses scoring 9 or 10 */
    , passives_count::BIGINT AS passives_count /* Responses scoring 7 or 8 */
    , detractors_count::BIGINT AS detractors_count /* Responses scoring 0 to 6 */
    , ROUND(
        (
            100.0 * (
                promoters_count - detractors_count
            ) / responses_count
        )::DECIMAL(10, 4),
        0
    )::INT AS nps /* Net promoter score in points, -100 to 100: round(100 x (promoters - detractors) / responses), halves away from zero */
FROM counts
