MODEL (
    name analytics.tableau_scorecard_organization_mrr_by_province,
    kind FULL,
    cron '0 7 * * *',
    owner analytics,
    grain date_week,
    tags (tableau, organizations, company_scorecard),
    audits (
        unique_values(columns := (
            date_week
        ))
        , not_null(columns := (date_week, is_completed))
        , assert_tableau_only_completed_periods_filled(columns := (mrr, mrr_qc, mrr_on, mrr_roc, mrr_qc_perc, mrr_on_perc, mrr_roc_perc))
    ),
    description 'Company Scorecard (Tableau), organization MRR by province: one row per Monday week of the scorecard window (dimension_scorecard_weeks). Completed weeks carry the summed monthly recurring revenue of every organization that week (scribe_organization_mrr_by_province_weekly), its Quebec and Ontario parts (by the province shares of the organizations'' signed-up employees, an organization without one counting in its own province), the rest of Canada (mrr - QC - ON) and the three shares of the total; the week in progress and future weeks have empty values. Differs from the original: a share is null when the week''s MRR is 0 (the original divided by zero), and organizations without a signed-up employee count (the original''s upstream dropped them). FULL, rebuilt by the daily 07:00 UTC run: the window moves with the date. A dashboard contract: names and types are stable.'
);

WITH weeks AS (
    SELECT
        date_week
        , is_completed
    FROM analytics.dimension_scorecard_weeks
), organization_mrr AS (
    SELECT
        date_week
        , mrr
        , mrr_quebec
        , mrr_ontario
    FROM analytics.scribe_organization_mrr_by_province_weekly
), weekly AS (
    SELECT
        date_week
        , SUM(mrr) AS mrr
        , SUM(mrr_quebec) AS mrr_qc
        , SUM(mrr_ontario) AS mrr_on
    FROM organization_mrr
    GROUP BY
        date_week
), filled AS (
    SELECT
        weeks.date_week
        , weeks.is_completed
        , CASE WHEN weeks.is_completed THEN COALESCE(weekly.mrr, 0) END AS mrr
        , CASE WHEN weeks.is_completed THEN COALESCE(weekly.mrr_qc, 0) END AS mrr_qc
        , CASE WHEN weeks.is_completed THEN COALESCE(weekly.mrr_on, 0) END AS mrr_on
    FROM weeks
    LEFT JOIN weekly
        ON weeks.date_week = weekly.date_week
)
SELECT
    date_week::DATE AS date_week /* Monday of the scorecard week */
    , is_completed::BOOLEAN AS is_completed /* The week ended before the day of the run; only completed weeks carry values */
    , mrr::DOUBLE AS mrr /* Monthly recurring revenue of all organizations at the week's average active contracts (CAD) */
    , mrr_qc::DOUBLE AS mrr_qc /* Part of the MRR in Quebec, by the organizations' signed-up employees' provinces (CAD) */
    , mrr_on::DOUBLE AS mrr_on /* Part of the MRR in Ontario (CAD) */
    , (
        mrr - mrr_qc - mrr_on
    )::DOUBLE AS mrr_roc /* Part of the MRR in the rest of Canada: mrr - QC - ON (CAD) */
    , (
        mrr_qc / NULLIF(mrr, 0)
    )::DOUBLE AS mrr_qc_perc /* Quebec share of the MRR, 0 to 1 (null when the MRR is 0) */
    , (
        mrr_on / NULLIF(mrr, 0)
    )::DOUBLE AS mrr_on_perc /* Ontario share of the MRR, 0 to 1 (null when the MRR is 0) */
    , (
        (
            mrr - mrr_qc - mrr_on
        ) / NULLIF(mrr, 0)
    )::DOUBLE AS mrr_roc_perc /* Rest-of-Canada share of the MRR, 0 to 1 (null when the MRR is 0) */
FROM filled
