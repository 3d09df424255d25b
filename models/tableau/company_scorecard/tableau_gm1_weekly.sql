MODEL (
    name analytics.tableau_gm1_weekly,
    kind FULL,
    cron '0 7 * * *',
    owner analytics,
    grain date_week,
    tags (tableau, gm, company_scorecard),
    audits (
        unique_values(columns := (
            date_week
        ))
        , not_null(columns := (date_week, is_completed))
        , assert_gm_gm1_finite
        , assert_tableau_only_completed_periods_filled(
            columns := (
                gm1
                , paid_contracts
                , cost_per_patient_nc
                , cost_per_patient_cc
                , cost_per_patient_np
                , cost_per_patient_gp
                , cost_per_chat
                , cost_per_video
            )
        )
    ),
    description 'Company Scorecard (Tableau), gross margin: one row per Monday week of the scorecard window (dimension_scorecard_weeks). Completed weeks carry gm_weekly''s GM1, the average paid active contracts, the staff cost per active patient-day by role and the cost per chat day and per GP/NP video day; the week in progress and future weeks are kept with empty values. FULL, rebuilt by the daily 07:00 UTC run. A dashboard contract: names and types are stable.'
);

WITH weeks AS (
    SELECT
        date_week
        , is_completed
    FROM analytics.dimension_scorecard_weeks
), gm AS (
    SELECT
        date_week
        , gm1
        , active_contracts_paid_avg
        , cost_per_patient_nc
        , cost_per_patient_cc
        , cost_per_patient_np
        , cost_per_patient_gp
        , cost_per_chat
        , cost_per_video
    FROM analytics.gm_weekly
)
SELECT
    weeks.date_week::DATE AS date_week /* Monday of the scorecard week */
    , weeks.is_completed::BOOLEAN AS is_completed /* The week ended before the day of the run; only completed weeks carry values */
    , CASE WHEN weeks.is_completed THEN gm.gm1 END::DECIMAL(18, 4) AS gm1 /* Gross margin 1 of the week, a fraction (0.25 = 25%) */
    , CASE WHEN weeks.is_completed THEN gm.active_contracts_paid_avg END::DECIMAL(14, 2) AS paid_contracts /* Average daily active contracts of paying organizations */
    , CASE WHEN weeks.is_completed THEN gm.cost_per_patient_nc END::DECIMAL(12, 2) AS cost_per_patient_nc /* Nurse Clinician cost per active patient-day (CAD) */
    , CASE WHEN weeks.is_completed THEN gm.cost_per_patient_cc END::DECIMAL(12, 2) AS cost_per_patient_cc /* Care Coordinator cost per active patient-day (CAD) */
    , CASE WHEN weeks.is_completed THEN gm.cost_per_patient_np END::DECIMAL(12, 2) AS cost_per_patient_np /* Nurse Practitioner cost per active patient-day (CAD) */
    , CASE WHEN weeks.is_completed THEN gm.cost_per_patient_gp END::DECIMAL(12, 2) AS cost_per_patient_gp /* GP cost per active patient-day (CAD) */
    , CASE WHEN weeks.is_completed THEN gm.cost_per_chat END::DECIMAL(12, 2) AS cost_per_chat /* Chat-role cost per active chat day (CAD) */
    , CASE WHEN weeks.is_completed THEN gm.cost_per_video END::DECIMAL(12, 2) AS cost_per_video /* Video-role cost per GP/NP video day (CAD) */
FROM weeks
LEFT JOIN gm
    ON weeks.date_week = gm.date_week
