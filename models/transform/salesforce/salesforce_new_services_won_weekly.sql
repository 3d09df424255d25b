MODEL (
    name analytics.salesforce_new_services_won_weekly,
    kind FULL,
    cron '0 7 * * *',
    owner analytics,
    grain date_week,
    tags (transform, salesforce, sales),
    audits (
        unique_values(columns := (
            date_week
        ))
        , not_null(columns := (date_quarter, date_week, mrr_stress_mgmt, mrr_24_7))
    ),
    description 'One row per Monday week (UTC) with at least one won product line (salesforce_opportunity_product_detailed whose opportunity is won), by the week of the opportunity''s close date: mrr_stress_mgmt and mrr_24_7 are the summed subtotals (MRR) of the lines of Stress Management & Well-Being and of 24/7 (0 when none). date_quarter is the quarter of the week''s Monday. FULL, rebuilt daily. Differs from the original: the quarter is that of the Monday (the original grouped by the close date''s quarter, so a week across two quarters gave two rows).'
);

WITH lines AS (
    SELECT
        DATE_TRUNC('WEEK', @to_utc(close_date))::DATE AS date_week
        , product_name
        , subtotal
    FROM analytics.salesforce_opportunity_product_detailed
    WHERE
        is_won AND NOT close_date IS NULL
)
SELECT
    DATE_TRUNC('QUARTER', date_week)::DATE AS date_quarter /* First day of the quarter of the week's Monday */
    , date_week::DATE AS date_week /* Monday of the UTC week of the close dates */
    , COALESCE(SUM(CASE WHEN product_name = 'Stress Management & Well-Being' THEN subtotal END), 0)::DOUBLE AS mrr_stress_mgmt /* Stress Management & Well-Being MRR won in the week (CAD) */
    , COALESCE(SUM(CASE WHEN product_name = '24/7' THEN subtotal END), 0)::DOUBLE AS mrr_24_7 /* 24/7 MRR won in the week (CAD) */
FROM lines
GROUP BY
    date_week
