MODEL (
    name analytics.tableau_scorecard_nps,
    kind FULL,
    cron '0 7 * * *',
    owner analytics,
    grain date_week,
    tags (tableau, nps, company_scorecard),
    audits (
        unique_values(columns := (
            date_week
        ))
        , not_null(columns := (date_week, is_completed))
        , assert_nps_range
        , assert_tableau_only_completed_periods_filled(columns := (nps, respondents_count, promoters_count, passives_count, detractors_count))
    ),
    description 'Company Scorecard (Tableau), patient NPS: one row per Monday week of the scorecard window (dimension_scorecard_weeks: previous quarter to next quarter). Completed weeks carry the patient NPS and the respondent counts by category (0 responses and a null NPS for a week without responses); the week in progress and future weeks are kept with empty values. FULL, rebuilt by the daily 07:00 UTC run: the window moves with the date. A dashboard contract: names and types are stable.'
);

WITH weeks AS (
    SELECT
        date_week
        , is_completed
    FROM analytics.dimension_scorecard_weeks
), nps AS (
    SELECT
        date_week
        , responses_count
        , promoters_count
        , passives_count
        , detractors_count
        , nps
    FROM analytics.delighted_nps_patient_weekly
)
SELECT
    weeks.date_week::DATE AS date_week /* Monday of the scorecard week */
    , weeks.is_completed::BOOLEAN AS is_completed /* The week ended before the day of the run; only completed weeks carry values */
    , CASE WHEN weeks.is_completed THEN nps.nps END::INT AS nps /* Patient NPS of the week in points, -100 to 100; null without responses or before the week ends */
    , CASE WHEN weeks.is_completed THEN COALESCE(nps.responses_count, 0) END::BIGINT AS respondents_count /* Patient NPS responses in the week */
    , CASE WHEN weeks.is_completed THEN COALESCE(nps.promoters_count, 0) END::BIGINT AS promoters_count /* Responses scoring 9 or 10 */
    , CASE WHEN weeks.is_completed THEN COALESCE(nps.passives_count, 0) END::BIGINT AS passives_count /* Responses scoring 7 or 8 */
    , CASE WHEN weeks.is_completed THEN COALESCE(nps.detractors_count, 0) END::BIGINT AS detractors_count /* Responses scoring 0 to 6 */
FROM weeks
LEFT JOIN nps
    ON weeks.date_week = nps.date_week
