MODEL (
    name analytics.salesforce_ltv,
    kind FULL,
    cron '0 7 * * *',
    owner analytics,
    grain date_month,
    tags (transform, salesforce, sales, finance),
    audits (
        unique_values(columns := (
            date_month
        ))
        , not_null(columns := (date_month, mrr_signed, mrr_signed_ae, mrr_signed_eae))
    ),
    description 'One row per UTC month with at least one won opportunity (all channels, salesforce_opportunities_detailed), by the month of the close date: mrr_signed is the MRR won, mrr_signed_eae the part of segment 1000+ (the enterprise deals of Enterprise Account Executives) and mrr_signed_ae the part of every other segment (including N/A). Feeds the LTV of the finance models. FULL, rebuilt daily.'
);

WITH won AS (
    SELECT
        DATE_TRUNC('MONTH', @to_utc(close_date))::DATE AS date_month
        , amount
        , segment = '1000+' AS is_enterprise
    FROM analytics.salesforce_opportunities_detailed
    WHERE
        is_won AND NOT close_date IS NULL
)
SELECT
    date_month::DATE AS date_month /* First day of the UTC month of the close dates */
    , SUM(amount)::DOUBLE AS mrr_signed /* MRR won in the month (CAD) */
    , SUM(CASE WHEN NOT is_enterprise THEN amount ELSE 0 END)::DOUBLE AS mrr_signed_ae /* MRR won on deals of every segment but 1000+ (CAD) */
    , SUM(CASE WHEN is_enterprise THEN amount ELSE 0 END)::DOUBLE AS mrr_signed_eae /* MRR won on deals of segment 1000+ (CAD) */
FROM won
GROUP BY
    date_month
