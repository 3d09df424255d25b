MODEL (
    name analytics.salesforce_ltv_rampup_to_remove,
    kind FULL,
    cron '0 7 * * *',
    owner analytics,
    grain date_month,
    tags (transform, salesforce, sales, finance),
    audits (
        unique_values(columns := (
            date_month
        ))
        , not_null(columns := (date_month, mrr_signed_ae, mrr_signed_eae))
        , accepted_range("column" := mrr_signed_ae, min_v := 0)
        , accepted_range("column" := mrr_signed_eae, min_v := 0)
    ),
    description 'One row per UTC month from 2017-01 (the ramp spine''s first month, a named constant) to the month of the run: the MRR won by sales reps during their first six months (their ramp-up), to remove from LTV. A won opportunity (all channels, salesforce_opportunities_detailed) counts when its owner is in the seed salesforce_employment_start_dates and it closed before the rep''s start_date + 6 months; it is summed in the month of its close date into mrr_signed_eae (segment 1000+) or mrr_signed_ae (every other segment); 0 for months without such deals. The seed''s user id is padded back to its 18 characters with leading zeros before the owner is matched: the seed reader (pandas) turns an all-digit Salesforce id such as the generated 005410000000000000 into a number and drops them, so the plain comparison never matched and the model was all zeros. FULL, rebuilt daily. Differs from the original: the amounts are positive (the original stored them negated and its LTV-to-CAC then subtracted them again, so excluding the ramp-up added it).'
);

@DEF(ramp_spine_start, '2017-01-01');

WITH months AS (
    SELECT
        date_month
    FROM analytics.dimension_months
    WHERE
        date_month >= @ramp_spine_start::DATE
), start_dates AS (
    SELECT
        LPAD(user_id, 18, '0') AS user_id /* the seed's all-digit ids are read as numbers: pad back to 18 characters */
        , start_date
    FROM analytics.salesforce_employment_start_dates
), ramp_deals AS (
    SELECT
        DATE_TRUNC('MONTH', @to_utc(opportunities.close_date))::DATE AS date_month
        , opportunities.amount
        , opportunities.segment = '1000+' AS is_enterprise
    FROM analytics.salesforce_opportunities_detailed AS opportunities
    INNER JOIN start_dates
        ON opportunities.owner_id = start_dates.user_id
    WHERE
        opportunities.is_won
        AND @to_utc(opportunities.close_date) < start_dates.start_date + INTERVAL '6' MONTH
), monthly AS (
    SELECT
        date_month
        , SUM(CASE WHEN NOT is_enterprise THEN amount ELSE 0 END) AS mrr_signed_ae
        , SUM(CASE WHEN is_enterprise THEN amount ELSE 0 END) AS mrr_signed_eae
    FROM ramp_deals
    GROUP BY
        date_month
)
SELECT
    months.date_month::DATE AS date_month /* First day of the UTC month */
    , COALESCE(monthly.mrr_signed_ae, 0)::DOUBLE AS mrr_signed_ae /* Ramp-up MRR won on deals of every segment but 1000+ (CAD, positive) */
    , COALESCE(monthly.mrr_signed_eae, 0)::DOUBLE AS mrr_signed_eae /* Ramp-up MRR won on deals of segment 1000+ (CAD, positive) */
FROM months
LEFT JOIN monthly
    ON months.date_month = monthly.date_month
