MODEL (
    name analytics.tableau_scorecard_mrr_weekly,
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
        , assert_tableau_only_completed_periods_filled(
            columns := (
                weekly_closed_mrr
                , weekly_closed_mrr_roc
                , weekly_closed_mrr_partner_lead
                , weekly_closed_mrr_partner_influenced
                , closed_mrr
                , closed_mrr_roc
                , closed_mrr_partner_lead
                , closed_mrr_partner_influenced
            )
        )
    ),
    description 'Company Scorecard (Tableau), closed-won MRR: one row per Monday week of the scorecard window (dimension_scorecard_weeks: previous quarter to next quarter); date_quarter is the quarter of the week''s Monday. Completed weeks carry the MRR won in the week (salesforce_opportunities_won_weekly: total, by owners outside Quebec, partner-led, partner-influenced) and the quarter-to-date sums of the quarter''s weeks up to that one; the week in progress and future weeks have empty values. The targets are a straight line through the quarter, filled for every week: the 1-based index of the week in its quarter (the first Monday on or after the quarter''s first day is week 1) times the quarter''s weekly rates of the seed salesforce_scorecard_targets (null for a quarter the seed does not list). Differs from the original: a completed week without a win has 0 won MRR and carries the quarter-to-date sum forward (the original left both null, a gap in the cumulative line); the targets come from the seed instead of (ISO week - 39) x 11860 / 3846 / 2724, valid for 2018-Q4 only; the target columns are snake case (target_mrr, target_mrr_roc, target_mrr_partnership instead of names with spaces). FULL, rebuilt by the daily 07:00 UTC run: the window moves with the date. A dashboard contract: names and types are stable.'
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
        , weekly_closed_mrr
        , weekly_closed_mrr_roc
        , weekly_closed_mrr_partner_lead
        , weekly_closed_mrr_partner_influenced
    FROM analytics.salesforce_opportunities_won_weekly
), targets AS (
    SELECT
        date_quarter
        , weekly_target_mrr
        , weekly_target_mrr_roc
        , weekly_target_mrr_partnership
    FROM analytics.salesforce_scorecard_targets
), quarter_to_date AS (
    /* every won week of the week's quarter up to the week, so the first weeks of the window count
       the quarter's earlier weeks too */
    SELECT
        weeks.date_week
        , COALESCE(SUM(CASE WHEN won.date_week = weeks.date_week THEN won.weekly_closed_mrr END), 0) AS weekly_closed_mrr
        , COALESCE(SUM(CASE WHEN won.date_week = weeks.date_week THEN won.weekly_closed_mrr_roc END), 0) AS weekly_closed_mrr_roc
        , COALESCE(SUM(CASE WHEN won.date_week = weeks.date_week THEN won.weekly_closed_mrr_partner_lead END), 0) AS weekly_closed_mrr_partner_lead
        , COALESCE(SUM(CASE WHEN won.date_week = weeks.date_week THEN won.weekly_closed_mrr_partner_influenced END), 0) AS weekly_closed_mrr_partner_influenced
        , COALESCE(SUM(won.weekly_closed_mrr), 0) AS closed_mrr
        , COALESCE(SUM(won.weekly_closed_mrr_roc), 0) AS closed_mrr_roc
        , COALESCE(SUM(won.weekly_closed_mrr_partner_lead), 0) AS closed_mrr_partner_lead
        , COALESCE(SUM(won.weekly_closed_mrr_partner_influenced), 0) AS closed_mrr_partner_influenced
    FROM weeks
    LEFT JOIN won
        ON won.date_quarter = weeks.date_quarter AND won.date_week <= weeks.date_week
    GROUP BY
        weeks.date_week
), indexed AS (
    SELECT
        date_week
        , FLOOR(@days_between(date_quarter, date_week) / 7.0)::INT + 1 AS week_of_quarter
    FROM weeks
)
SELECT
    weeks.date_quarter::DATE AS date_quarter /* First day of the quarter of the week's Monday */
    , weeks.date_week::DATE AS date_week /* Monday of the scorecard week */
    , weeks.is_completed::BOOLEAN AS is_completed /* The week ended before the day of the run; only completed weeks carry won MRR */
    , CASE WHEN weeks.is_completed THEN quarter_to_date.weekly_closed_mrr END::DOUBLE AS weekly_closed_mrr /* MRR won in the week (CAD; 0 without a win) */
    , CASE WHEN weeks.is_completed THEN quarter_to_date.weekly_closed_mrr_roc END::DOUBLE AS weekly_closed_mrr_roc /* MRR won in the week by owners outside Quebec (CAD) */
    , CASE WHEN weeks.is_completed THEN quarter_to_date.weekly_closed_mrr_partner_lead END::DOUBLE AS weekly_closed_mrr_partner_lead /* MRR won in the week on partner-led deals (CAD) */
    , CASE WHEN weeks.is_completed THEN quarter_to_date.weekly_closed_mrr_partner_influenced END::DOUBLE AS weekly_closed_mrr_partner_influenced /* MRR won in the week on other partner deals (CAD) */
    , CASE WHEN weeks.is_completed THEN quarter_to_date.closed_mrr END::DOUBLE AS closed_mrr /* Quarter-to-date MRR won up to this week (CAD) */
    , CASE WHEN weeks.is_completed THEN quarter_to_date.closed_mrr_roc END::DOUBLE AS closed_mrr_roc /* Quarter-to-date MRR won by owners outside Quebec (CAD) */
    , CASE WHEN weeks.is_completed THEN quarter_to_date.closed_mrr_partner_lead END::DOUBLE AS closed_mrr_partner_lead /* Quarter-to-date partner-led MRR won (CAD) */
    , CASE WHEN weeks.is_completed THEN quarter_to_date.closed_mrr_partner_influenced END::DOUBLE AS closed_mrr_partner_influenced /* Quarter-to-date partner-influenced MRR won (CAD) */
    , indexed.week_of_quarter::INT AS week_of_quarter /* 1-based index of the week in its quarter */
    , (
        indexed.week_of_quarter * targets.weekly_target_mrr
    )::DOUBLE AS target_mrr /* Quarter-to-date won-MRR target at the end of the week (CAD) */
    , (
        indexed.week_of_quarter * targets.weekly_target_mrr_roc
    )::DOUBLE AS target_mrr_roc /* Quarter-to-date won-MRR target for owners outside Quebec (CAD) */
    , (
        indexed.week_of_quarter * targets.weekly_target_mrr_partnership
    )::DOUBLE AS target_mrr_partnership /* Quarter-to-date won-MRR target for partnership deals (CAD) */
FROM weeks
INNER JOIN quarter_to_date
    ON weeks.date_week = quarter_to_date.date_week
INNER JOIN indexed
    ON weeks.date_week = indexed.date_week
LEFT JOIN targets
    ON weeks.date_quarter = targets.date_quarter
