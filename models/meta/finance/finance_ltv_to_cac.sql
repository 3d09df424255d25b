MODEL (
    name analytics.finance_ltv_to_cac,
    kind FULL,
    cron '0 7 * * *',
    owner analytics,
    grain date_month,
    tags (meta, finance, sales),
    audits (
        unique_values(columns := (
            date_month
        ))
        , not_null(columns := (date_month, cost_total, cost_eae, mrr_signed, mrr_signed_eae, mrr_signed_ae))
    ),
    description 'Lifetime value over customer-acquisition cost (LTV:CAC) and payback period, per month: one row per month of xero_cac (the acquisition cost from Xero, split between account executives, AE, and enterprise account executives, EAE), with the month''s ramp-up compensation (finance_rampup_cost), the MRR won (salesforce_ltv) and the MRR won by reps in their first six months (salesforce_ltv_rampup_to_remove). The _excl_ramp columns subtract the ramp-up: cost minus ramp-up cost, signed MRR minus ramp-up MRR, rounded to the cent (so that float noise never turns a zero difference into a tiny non-zero denominator). The _12_months columns sum the month and the 11 rows before it in month order (rows, not calendar months). With a gross margin after the medical team and Customer Success (GM2) target of 0.5 and an average client lifetime of 48 months (named constants): ltv_to_cac = 12-month MRR / 12-month cost x 0.5 x 48 and payback_period = 12-month cost / (12-month MRR x 0.5), in months; the same per AE and EAE and excluding the ramp-up; a ratio is null when its denominator is 0. Differs from the original: a month without a ramp-up cost row, without won deals or without ramp-up deals counts 0 for those amounts (the original''s nulls made the _excl_ramp and MRR columns null and silently shortened the 12-month sums; its not-null test on mrr_signed failed in months without wins), and the ramp-up MRR is subtracted once (salesforce_ltv_rampup_to_remove stores it positive; the original stored it negated and subtracted it, so excluding the ramp-up added it). FULL, rebuilt by the daily 07:00 UTC run.'
);

@DEF(gm2_target, 0.5);

@DEF(client_lifetime_months, 48);

WITH cac AS (
    SELECT
        date_month
        , cost_total
        , cost_ae
        , cost_eae
    FROM analytics.xero_cac
), ramp_costs AS (
    SELECT
        date_month
        , cost_ae_ramp
        , cost_eae_ramp
    FROM analytics.finance_rampup_cost
), signed AS (
    SELECT
        date_month
        , mrr_signed
        , mrr_signed_ae
        , mrr_signed_eae
    FROM analytics.salesforce_ltv
), ramp_signed AS (
    SELECT
        date_month
        , mrr_signed_ae
        , mrr_signed_eae
    FROM analytics.salesforce_ltv_rampup_to_remove
), monthly AS (
    SELECT
        cac.date_month
        , COALESCE(cac.cost_total, 0) AS cost_total
        , COALESCE(cac.cost_ae, 0) AS cost_ae
        , COALESCE(cac.cost_eae, 0) AS cost_eae
        , COALESCE(ramp_costs.cost_ae_ramp, 0) AS cost_ae_ramp
        , COALESCE(ramp_costs.cost_eae_ramp, 0) AS cost_eae_ramp
        , COALESCE(signed.mrr_signed, 0) AS mrr_signed
        , COALESCE(signed.mrr_signed_ae, 0) AS mrr_signed_ae
        , COALESCE(signed.mrr_signed_eae, 0) AS mrr_signed_eae
        , COALESCE(ramp_signed.mrr_signed_ae, 0) AS mrr_signed_ae_ramp
        , COALESCE(ramp_signed.mrr_signed_eae, 0) AS mrr_signed_eae_ramp
    FROM cac
    LEFT JOIN ramp_costs
        ON cac.date_month = ramp_costs.date_month
    LEFT JOIN signed
        ON cac.date_month = signed.date_month
    LEFT JOIN ramp_signed
        ON cac.date_month = ramp_signed.date_month
), with_excl AS (
    SELECT
        date_month
        , cost_total
        , cost_ae
        , cost_eae
        , cost_ae_ramp + cost_eae_ramp AS cost_total_ramp
        , cost_ae_ramp
        , cost_eae_ramp /* differences in cents: float noise (1e-12) must not make a zero denominator non-zero */
        , CAST(cost_total - (
            cost_ae_ramp + cost_eae_ramp
        ) AS DECIMAL(18, 2)) AS cost_total_excl_ramp
        , CAST(cost_ae - cost_ae_ramp AS DECIMAL(18, 2)) AS cost_ae_excl_ramp
        , CAST(cost_eae - cost_eae_ramp AS DECIMAL(18, 2)) AS cost_eae_excl_ramp
        , mrr_signed
        , mrr_signed_ae
        , mrr_signed_eae
        , mrr_signed_ae_ramp + mrr_signed_eae_ramp AS mrr_signed_ramp
        , mrr_signed_ae_ramp
        , mrr_signed_eae_ramp
        , CAST(mrr_signed - (
            mrr_signed_ae_ramp + mrr_signed_eae_ramp
        ) AS DECIMAL(18, 2)) AS mrr_signed_excl_ramp
        , CAST(mrr_signed_ae - mrr_signed_ae_ramp AS DECIMAL(18, 2)) AS mrr_signed_ae_excl_ramp
        , CAST(mrr_signed_eae - mrr_signed_eae_ramp AS DECIMAL(18, 2)) AS mrr_signed_eae_excl_ramp
    FROM monthly
), "trailing" AS (
    SELECT
        date_month
        , cost_total
        , cost_ae
        , cost_eae
        , cost_total_ramp
        , cost_ae_ramp
        , cost_eae_ramp
        , cost_total_excl_ramp
        , cost_ae_excl_ramp
        , cost_eae_excl_ramp
        , mrr_signed
        , mrr_signed_ae
        , mrr_signed_eae
        , mrr_signed_ramp
        , mrr_signed_ae_ramp
        , mrr_signed_eae_ramp
        , mrr_signed_excl_ramp
        , mrr_signed_ae_excl_ramp
        , mrr_signed_eae_excl_ramp
        , SUM(cost_total) OVER twelve_rows AS cost_total_12_months
        , SUM(cost_eae) OVER twelve_rows AS cost_eae_12_months
        , SUM(cost_ae) OVER twelve_rows AS cost_ae_12_months
        , SUM(cost_total_excl_ramp) OVER twelve_rows AS cost_total_excl_ramp_12_months
        , SUM(cost_eae_excl_ramp) OVER twelve_rows AS cost_eae_excl_ramp_12_months
        , SUM(cost_ae_excl_ramp) OVER twelve_rows AS cost_ae_excl_ramp_12_months
        , SUM(mrr_signed) OVER twelve_rows AS mrr_signed_12_months
        , SUM(mrr_signed_eae) OVER twelve_rows AS mrr_signed_eae_12_months
        , SUM(mrr_signed_ae) OVER twelve_rows AS mrr_signed_ae_12_months
        , SUM(mrr_signed_excl_ramp) OVER twelve_rows AS mrr_signed_excl_ramp_12_months
        , SUM(mrr_signed_eae_excl_ramp) OVER twelve_rows AS mrr_signed_eae_excl_ramp_12_months
        , SUM(mrr_signed_ae_excl_ramp) OVER twelve_rows AS mrr_signed_ae_excl_ramp_12_months
    FROM with_excl
    WINDOW twelve_rows AS (ORDER BY date_month ROWS BETWEEN 11 PRECEDING AND CURRENT ROW)
)
SELECT
    date_month::DATE AS date_month /* First day of the UTC month */
    , cost_total::DOUBLE AS cost_total /* Acquisition cost of the month (CAD) */
    , cost_ae::DOUBLE AS cost_ae /* Acquisition cost attributed to account executives (CAD) */
    , cost_eae::DOUBLE AS cost_eae /* Acquisition cost attributed to enterprise account executives (CAD) */
    , cost_total_ramp::DOUBLE AS cost_total_ramp /* Ramp-up compensation, AE plus EAE (CAD; 0 without a seed row) */
    , cost_ae_ramp::DOUBLE AS cost_ae_ramp /* Ramp-up compensation of account executives (CAD) */
    , cost_eae_ramp::DOUBLE AS cost_eae_ramp /* Ramp-up compensation of enterprise account executives (CAD) */
    , cost_total_excl_ramp::DOUBLE AS cost_total_excl_ramp /* cost_total - cost_total_ramp (CAD) */
    , cost_ae_excl_ramp::DOUBLE AS cost_ae_excl_ramp /* cost_ae - cost_ae_ramp (CAD) */
    , cost_eae_excl_ramp::DOUBLE AS cost_eae_excl_ramp /* cost_eae - cost_eae_ramp (CAD) */
    , mrr_signed::DOUBLE AS mrr_signed /* MRR won in the month (CAD; 0 without won deals) */
    , mrr_signed_ae::DOUBLE AS mrr_signed_ae /* MRR won on deals of every segment but 1000+ (CAD) */
    , mrr_signed_eae::DOUBLE AS mrr_signed_eae /* MRR won on deals of segment 1000+ (CAD) */
    , mrr_signed_ramp::DOUBLE AS mrr_signed_ramp /* MRR won by reps in their first six months, AE plus EAE (CAD, positive) */
    , mrr_signed_ae_ramp::DOUBLE AS mrr_signed_ae_ramp /* Ramp-up MRR on deals of every segment but 1000+ (CAD) */
    , mrr_signed_eae_ramp::DOUBLE AS mrr_signed_eae_ramp /* Ramp-up MRR on deals of segment 1000+ (CAD) */
    , mrr_signed_excl_ramp::DOUBLE AS mrr_signed_excl_ramp /* mrr_signed - mrr_signed_ramp (CAD) */
    , mrr_signed_ae_excl_ramp::DOUBLE AS mrr_signed_ae_excl_ramp /* mrr_signed_ae - mrr_signed_ae_ramp (CAD) */
    , mrr_signed_eae_excl_ramp::DOUBLE AS mrr_signed_eae_excl_ramp /* mrr_signed_eae - mrr_signed_eae_ramp (CAD) */
    , cost_total_12_months::DOUBLE AS cost_total_12_months /* cost_total of the month and the 11 rows before (CAD) */
    , cost_eae_12_months::DOUBLE AS cost_eae_12_months /* cost_eae of the month and the 11 rows before (CAD) */
    , cost_ae_12_months::DOUBLE AS cost_ae_12_months /* cost_ae of the month and the 11 rows before (CAD) */
    , cost_total_excl_ramp_12_months::DOUBLE AS cost_total_excl_ramp_12_months /* cost_total_excl_ramp of the month and the 11 rows before (CAD) */
    , cost_eae_excl_ramp_12_months::DOUBLE AS cost_eae_excl_ramp_12_months /* cost_eae_excl_ramp of the month and the 11 rows before (CAD) */
    , cost_ae_excl_ramp_12_months::DOUBLE AS cost_ae_excl_ramp_12_months /* cost_ae_excl_ramp of the month and the 11 rows before (CAD) */
    , mrr_signed_12_months::DOUBLE AS mrr_signed_12_months /* mrr_signed of the month and the 11 rows before (CAD) */
    , mrr_signed_eae_12_months::DOUBLE AS mrr_signed_eae_12_months /* mrr_signed_eae of the month and the 11 rows before (CAD) */
    , mrr_signed_ae_12_months::DOUBLE AS mrr_signed_ae_12_months /* mrr_signed_ae of the month and the 11 rows before (CAD) */
    , mrr_signed_excl_ramp_12_months::DOUBLE AS mrr_signed_excl_ramp_12_months /* mrr_signed_excl_ramp of the month and the 11 rows before (CAD) */
    , mrr_signed_eae_excl_ramp_12_months::DOUBLE AS mrr_signed_eae_excl_ramp_12_months /* mrr_signed_eae_excl_ramp of the month and the 11 rows before (CAD) */
    , mrr_signed_ae_excl_ramp_12_months::DOUBLE AS mrr_signed_ae_excl_ramp_12_months /* mrr_signed_ae_excl_ramp of the month and the 11 rows before (CAD) */
    , (
        mrr_signed_12_months / NULLIF(cost_total_12_months, 0) * @gm2_target * @client_lifetime_months
    )::DOUBLE AS ltv_to_cac /* 12-month MRR / 12-month cost x GM2 target x client lifetime (null when the cost is 0) */
    , (
        mrr_signed_ae_12_months / NULLIF(cost_ae_12_months, 0) * @gm2_target * @client_lifetime_months
    )::DOUBLE AS ltv_to_cac_ae /* ltv_to_cac of account executives (null when their cost is 0) */
    , (
        mrr_signed_eae_12_months / NULLIF(cost_eae_12_months, 0) * @gm2_target * @client_lifetime_months
    )::DOUBLE AS ltv_to_cac_eae /* ltv_to_cac of enterprise account executives (null when their cost is 0) */
    , (
        @decimal_as_double(mrr_signed_excl_ramp_12_months) / NULLIF(cost_total_excl_ramp_12_months, 0) * @gm2_target * @client_lifetime_months
    )::DOUBLE AS ltv_to_cac_excl_ramp /* ltv_to_cac without the ramp-up cost and MRR (null when that cost is 0) */
    , (
        @decimal_as_double(mrr_signed_ae_excl_ramp_12_months) / NULLIF(cost_ae_excl_ramp_12_months, 0) * @gm2_target * @client_lifetime_months
    )::DOUBLE AS ltv_to_cac_ae_excl_ramp /* ltv_to_cac_ae without the ramp-up (null when that cost is 0) */
    , (
        @decimal_as_double(mrr_signed_eae_excl_ramp_12_months) / NULLIF(cost_eae_excl_ramp_12_months, 0) * @gm2_target * @client_lifetime_months
    )::DOUBLE AS ltv_to_cac_eae_excl_ramp /* ltv_to_cac_eae without the ramp-up (null when that cost is 0) */
    , (
        cost_total_12_months / NULLIF(mrr_signed_12_months * @gm2_target, 0)
    )::DOUBLE AS payback_period /* Months to earn back the acquisition cost: 12-month cost / (12-month MRR x GM2 target); null without MRR */
    , (
        cost_ae_12_months / NULLIF(mrr_signed_ae_12_months * @gm2_target, 0)
    )::DOUBLE AS payback_period_ae /* payback_period of account executives (null without their MRR) */
    , (
        cost_eae_12_months / NULLIF(mrr_signed_eae_12_months * @gm2_target, 0)
    )::DOUBLE AS payback_period_eae /* payback_period of enterprise account executives (null without their MRR) */
    , (
        cost_total_excl_ramp_12_months / NULLIF(mrr_signed_excl_ramp_12_months * @gm2_target, 0)
    )::DOUBLE AS payback_period_excl_ramp /* payback_period without the ramp-up cost and MRR (null when that MRR is 0) */
    , (
        cost_ae_excl_ramp_12_months / NULLIF(mrr_signed_ae_excl_ramp_12_months * @gm2_target, 0)
    )::DOUBLE AS payback_period_ae_excl_ramp /* payback_period_ae without the ramp-up (null when that MRR is 0) */
    , (
        cost_eae_excl_ramp_12_months / NULLIF(mrr_signed_eae_excl_ramp_12_months * @gm2_target, 0)
    )::DOUBLE AS payback_period_eae_excl_ramp /* payback_period_eae without the ramp-up (null when that MRR is 0) */
FROM "trailing"
