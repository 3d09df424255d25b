MODEL (
    name analytics.scribe_organizations_weekly,
    kind FULL,
    cron '0 7 * * *',
    owner analytics,
    grain (date_week, organization_id),
    tags (meta, organizations, membership),
    audits (
        unique_combination_of_columns(columns := (date_week, organization_id))
        , not_null(columns := (date_week, organization_id, active_contracts, price_monthly))
        , accepted_values("column" := charge_strategy, is_in := ('free', 'fixed', 'dynamic', 'auto_dynamic'))
    ),
    description 'One row per Monday week (of the UTC days of scribe_organizations_daily) and organization: active_contracts is the average over the week''s days in the series of the daily active contracts (distinct employees whose contract overlaps the day), and price_monthly applies the monthly price rule to that weekly average n: free -> 0; fixed -> charge_price; dynamic -> n x charge_price; auto_dynamic -> 0 when n is exactly 0, max(200, 15 x n) under 250, else 13 x n. Name and billing start come from scribe_organizations_detailed. The first week of an organization averages only the days from the start of its series (the first day of its billing-start month); the current month runs to its end, so the weeks after the run carry today''s open contracts. Differs from the original: one row per week and organization with the organization''s current pricing (the original also grouped by the pricing attributes, so a plan change within a week gave two rows). FULL, rebuilt by the 07:00 UTC run after its daily series.'
);

WITH daily AS (
    SELECT
        organization_id
        , date_day
        , active_contracts
        , charge_strategy
        , charge_price
        , charge_price_mental_health
        , charge_price_24_7
        , is_paid
    FROM analytics.scribe_organizations_daily
), organizations AS (
    SELECT
        organization_id
        , organization_name
        , billing_start_date
    FROM analytics.scribe_organizations_detailed
), weekly AS (
    SELECT
        DATE_TRUNC('WEEK', date_day)::DATE AS date_week
        , organization_id
        , charge_strategy
        , charge_price
        , charge_price_mental_health
        , charge_price_24_7
        , is_paid
        , AVG(active_contracts) AS active_contracts
    FROM daily
    GROUP BY
        DATE_TRUNC('WEEK', date_day)::DATE
        , organization_id
        , charge_strategy
        , charge_price
        , charge_price_mental_health
        , charge_price_24_7
        , is_paid
), priced AS (
    SELECT
        date_week
        , organization_id
        , charge_strategy
        , charge_price
        , charge_price_mental_health
        , charge_price_24_7
        , is_paid
        , active_contracts
        , CASE
            WHEN charge_strategy = 'fixed'
            THEN charge_price
            WHEN charge_strategy = 'dynamic'
            THEN active_contracts * charge_price
            WHEN charge_strategy = 'auto_dynamic' AND active_contracts = 0
            THEN 0
            WHEN charge_strategy = 'auto_dynamic' AND active_contracts < 250
            THEN GREATEST(200, 15 * active_contracts)
            WHEN charge_strategy = 'auto_dynamic'
            THEN 13 * active_contracts
            ELSE 0
        END AS price_monthly
    FROM weekly
)
SELECT
    priced.date_week::DATE AS date_week /* Monday of the UTC week */
    , priced.organization_id::BIGINT AS organization_id /* Scribe organization id */
    , organizations.organization_name::TEXT AS organization_name /* Name of the organization */
    , priced.is_paid::BOOLEAN AS is_paid /* The organization pays */
    , organizations.billing_start_date::DATE AS billing_start_date /* First billed day of the organization */
    , priced.charge_strategy::TEXT AS charge_strategy /* free, fixed, dynamic or auto_dynamic */
    , priced.charge_price::DOUBLE AS charge_price /* Effective price, CAD */
    , priced.charge_price_mental_health::DOUBLE AS charge_price_mental_health /* Mental-health add-on price per employee per month, CAD */
    , priced.charge_price_24_7::DOUBLE AS charge_price_24_7 /* 24/7 uplift embedded in the price, CAD */
    , priced.active_contracts::DOUBLE AS active_contracts /* Average daily active contracts (distinct employees) over the week's days */
    , priced.price_monthly::DOUBLE AS price_monthly /* Monthly recurring revenue (MRR) at the week's average active contracts, CAD */
FROM priced
LEFT JOIN organizations
    ON priced.organization_id = organizations.organization_id
