MODEL (
    name analytics.tableau_scorecard_new_services,
    kind FULL,
    cron '0 7 * * *',
    owner analytics,
    grain date_week,
    tags (tableau, sales, company_scorecard),
    audits (
        unique_values(columns := (
            date_week
        ))
        , not_null(columns := (date_quarter, date_week, is_completed))
        , assert_tableau_only_completed_periods_filled(columns := (mrr_stress_mgmt, mrr_24_7, mrr_stress_mgmt_cum, mrr_24_7_cum))
    ),
    description 'Company Scorecard (Tableau), new services: one row per Monday week of the scorecard window (dimension_scorecard_weeks); date_quarter is the quarter of the week''s Monday. Completed weeks carry the MRR won in the week on Stress Management & Well-Being and on 24/7 product lines (salesforce_new_services_won_weekly) and their quarter-to-date sums over the quarter''s weeks up to that one; the week in progress and future weeks have empty values. Differs from the original: a completed week without a won line has 0 and carries the quarter-to-date sums forward (the original left both null, a gap in the cumulative line). FULL, rebuilt by the daily 07:00 UTC run: the window moves with the date. A dashboard contract: names and types are stable.'
);

WITH weeks AS (
    SELECT
        date_week
        , is_completed
        , DATE_TRUNC('QUARTER', date_week)::DATE AS date_quarter
    FROM analytics.dimension_scorecard_weeks
), won AS (
    SELECT
        date_quarter
        , date_week
        , mrr_stress_mgmt
        , mrr_24_7
    FROM analytics.salesforce_new_services_won_weekly
), quarter_to_date AS (
    /* every won week of the week's quarter up to the week, so the first weeks of the window count
       the quarter's earlier weeks too */
    SELECT
        weeks.date_week
        , COALESCE(SUM(CASE WHEN won.date_week = weeks.date_week THEN won.mrr_stress_mgmt END), 0) AS mrr_stress_mgmt
        , COALESCE(SUM(CASE WHEN won.date_week = weeks.date_week THEN won.mrr_24_7 END), 0) AS mrr_24_7
        , COALESCE(SUM(won.mrr_stress_mgmt), 0) AS mrr_stress_mgmt_cum
        , COALESCE(SUM(won.mrr_24_7), 0) AS mrr_24_7_cum
    FROM weeks
    LEFT JOIN won
        ON won.date_quarter = weeks.date_quarter AND won.date_week <= weeks.date_week
    GROUP BY
        weeks.date_week
)
SELECT
    weeks.date_quarter::DATE AS date_quarter /* First day of the quarter of the week's Monday */
    , weeks.date_week::DATE AS date_week /* Monday of the scorecard week */
    , weeks.is_completed::BOOLEAN AS is_completed /* The week ended before the day of the run; only completed weeks carry values */
    , CASE WHEN weeks.is_completed THEN quarter_to_date.mrr_stress_mgmt END::DOUBLE AS mrr_stress_mgmt /* Stress Management & Well-Being MRR won in the week (CAD; 0 without a win) */
    , CASE WHEN weeks.is_completed THEN quarter_to_date.mrr_24_7 END::DOUBLE AS mrr_24_7 /* 24/7 MRR won in the week (CAD; 0 without a win) */
    , CASE WHEN weeks.is_completed THEN quarter_to_date.mrr_stress_mgmt_cum END::DOUBLE AS mrr_stress_mgmt_cum /* Quarter-to-date Stress Management & Well-Being MRR won up to this week (CAD) */
    , CASE WHEN weeks.is_completed THEN quarter_to_date.mrr_24_7_cum END::DOUBLE AS mrr_24_7_cum /* Quarter-to-date 24/7 MRR won up to this week (CAD) */
FROM weeks
INNER JOIN quarter_to_date
    ON weeks.date_week = quarter_to_date.date_week
