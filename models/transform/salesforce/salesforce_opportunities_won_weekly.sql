MODEL (
    name analytics.salesforce_opportunities_won_weekly,
    kind FULL,
    cron '0 7 * * *',
    owner analytics,
    grain date_week,
    tags (transform, salesforce, sales),
    audits (
        unique_values(columns := (
            date_week
        ))
        , not_null(
            columns := (
                date_quarter
                , date_week
                , weekly_closed_mrr
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
    description 'One row per Monday week (UTC) with at least one won opportunity (all channels, salesforce_opportunities_detailed), by the week of its close date: the week''s won MRR in total, by owners outside Quebec (owner province not QC; ROC), partner-led (channel Partner with partner influence Full involvement) and partner-influenced (channel Partner with any other influence), then the quarter-to-date running sums of each over the weeks of the quarter up to that week. date_quarter is the quarter of the week''s Monday. FULL, rebuilt daily. Differs from the original: the quarter is that of the Monday (the original grouped by the close date''s quarter and the week, so a week across two quarters gave two rows), and a week''s sums with no matching deal are 0 instead of null.'
);

WITH won AS (
    SELECT
        DATE_TRUNC('WEEK', @to_utc(close_date))::DATE AS date_week
        , amount
        , COALESCE(owner_province, 'N/A') <> 'QC' AS is_roc
        , channel = 'Partner' AND partner_influence = 'Full involvement' AS is_partner_lead
        , channel = 'Partner' AND partner_influence <> 'Full involvement' AS is_partner_influenced
    FROM analytics.salesforce_opportunities_detailed
    WHERE
        is_won AND NOT close_date IS NULL
), weekly AS (
    SELECT
        DATE_TRUNC('QUARTER', date_week)::DATE AS date_quarter
        , date_week
        , SUM(amount) AS weekly_closed_mrr
        , SUM(CASE WHEN is_roc THEN amount ELSE 0 END) AS weekly_closed_mrr_roc
        , SUM(CASE WHEN is_partner_lead THEN amount ELSE 0 END) AS weekly_closed_mrr_partner_lead
        , SUM(CASE WHEN is_partner_influenced THEN amount ELSE 0 END) AS weekly_closed_mrr_partner_influenced
    FROM won
    GROUP BY
        date_week
)
SELECT
    date_quarter::DATE AS date_quarter /* First day of the quarter of the week's Monday */
    , date_week::DATE AS date_week /* Monday of the UTC week of the close dates */
    , weekly_closed_mrr::DOUBLE AS weekly_closed_mrr /* MRR won in the week (CAD) */
    , weekly_closed_mrr_roc::DOUBLE AS weekly_closed_mrr_roc /* MRR won in the week by owners outside Quebec (CAD) */
    , weekly_closed_mrr_partner_lead::DOUBLE AS weekly_closed_mrr_partner_lead /* MRR won in the week on partner-led deals (CAD) */
    , weekly_closed_mrr_partner_influenced::DOUBLE AS weekly_closed_mrr_partner_influenced /* MRR won in the week on other partner deals (CAD) */
    , (
        SUM(weekly_closed_mrr) OVER (PARTITION BY date_quarter ORDER BY date_week ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW)
    )::DOUBLE AS closed_mrr /* Quarter-to-date MRR won up to this week (CAD) */
    , (
        SUM(weekly_closed_mrr_roc) OVER (PARTITION BY date_quarter ORDER BY date_week ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW)
    )::DOUBLE AS closed_mrr_roc /* Quarter-to-date MRR won by owners outside Quebec (CAD) */
    , (
        SUM(weekly_closed_mrr_partner_lead) OVER (PARTITION BY date_quarter ORDER BY date_week ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW)
    )::DOUBLE AS closed_mrr_partner_lead /* Quarter-to-date partner-led MRR won (CAD) */
    , (
        SUM(weekly_closed_mrr_partner_influenced) OVER (PARTITION BY date_quarter ORDER BY date_week ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW)
    )::DOUBLE AS closed_mrr_partner_influenced /* Quarter-to-date partner-influenced MRR won (CAD) */
FROM weekly
