MODEL (
    name analytics.scribe_organizations_monthly,
    kind FULL,
    cron '0 7 * * *',
    owner analytics,
    grain (organization_id, date_month),
    tags (meta, organizations, membership),
    audits (
        unique_combination_of_columns(columns := (organization_id, date_month))
        , not_null(
            columns := (
                organization_id
                , date_month
                , active_contracts_avg
                , active_contracts_min
                , active_contracts_max
                , charge_strategy
                , charge_price
                , price_monthly
                , price_monthly_mental_health
                , price_monthly_24_7
            )
        )
        , accepted_values("column" := charge_strategy, is_in := ('free', 'fixed', 'dynamic', 'auto_dynamic'))
    ),
    description 'One row per organization per month (UTC days of scribe_organizations_daily): average, minimum, maximum, first-day and last-day active contracts, and the monthly recurring revenue price_monthly by charge strategy: free -> 0; fixed -> charge_price; dynamic -> average active contracts x charge_price; auto_dynamic -> 0 without contracts, max(200, 15 x n) under 250 contracts, else 13 x n (n = average active contracts). price_monthly_mental_health and price_monthly_24_7 are the add-on shares of dynamic organizations (n x add-on price; 0 otherwise). The current month covers all its days (future days count today''s open contracts). FULL: rebuilt with its daily series by the 07:00 UTC run.'
);

WITH daily AS (
    SELECT
        organization_id
        , date_day
        , date_month
        , active_contracts
        , charge_strategy
        , charge_price
        , charge_price_mental_health
        , charge_price_24_7
        , is_paid
    FROM analytics.scribe_organizations_daily
), daily_with_bounds AS (
    SELECT
        organization_id
        , date_day
        , date_month
        , active_contracts
        , charge_strategy
        , charge_price
        , charge_price_mental_health
        , charge_price_24_7
        , is_paid
        , MIN(date_day) OVER (PARTITION BY organization_id, date_month) AS first_day
        , MAX(date_day) OVER (PARTITION BY organization_id, date_month) AS last_day
    FROM daily
), monthly AS (
    SELECT
        organization_id
        , date_month
        , charge_strategy
        , charge_price
        , charge_price_mental_health
        , charge_price_24_7
        , is_paid
        , AVG(active_contracts) AS active_contracts_avg
        , MIN(active_contracts) AS active_contracts_min
        , MAX(active_contracts) AS active_contracts_max
        , MAX(CASE WHEN date_day = first_day THEN active_contracts END) AS active_contracts_first_day
        , MAX(CASE WHEN date_day = last_day THEN active_contracts END) AS active_contracts_last_day
        , COUNT(*) AS days_count
    FROM daily_with_bounds
    GROUP BY
        organization_id
        , date_month
        , charge_strategy
        , charge_price
        , charge_price_mental_health
        , charge_price_24_7
        , is_paid
), priced AS (
    SELECT
        organization_id
        , date_month
        , charge_strategy
        , charge_price
        , is_paid
        , active_contracts_avg
        , active_contracts_min
        , active_contracts_max
        , active_contracts_first_day
        , active_contracts_last_day
        , days_count
        , CASE
            WHEN charge_strategy = 'fixed'
            THEN charge_price
            WHEN charge_strategy = 'dynamic'
            THEN active_contracts_avg * charge_price
            WHEN charge_strategy = 'auto_dynamic' AND active_contracts_avg = 0
            THEN 0
            WHEN charge_strategy = 'auto_dynamic' AND active_contracts_avg < 250
            THEN GREATEST(200, 15 * active_contracts_avg)
            WHEN charge_strategy = 'auto_dynamic'
            THEN 13 * active_contracts_avg
            ELSE 0
        END AS price_monthly
        , CASE WHEN charge_strategy = 'dynamic' THEN active_contracts_avg * charge_price_mental_health ELSE 0 END AS price_monthly_mental_health
        , CASE WHEN charge_strategy = 'dynamic' THEN active_contracts_avg * charge_price_24_7 ELSE 0 END AS price_monthly_24_7
    FROM monthly
)
SELECT
    organization_id::BIGINT AS organization_id /* Scribe organization id */
    , date_month::DATE AS date_month /* First day of the month */
    , days_count::BIGINT AS days_count /* Days of the month in the series (fewer in the billing-start month only when it is clipped at 2016-09-01) */
    , active_contracts_avg::DOUBLE AS active_contracts_avg /* Average daily active contracts (distinct employees) over the month */
    , active_contracts_min::BIGINT AS active_contracts_min /* Fewest daily active contracts in the month */
    , active_contracts_max::BIGINT AS active_contracts_max /* Most daily active contracts in the month */
    , active_contracts_first_day::BIGINT AS active_contracts_first_day /* Active contracts on the first day of the month */
    , active_contracts_last_day::BIGINT AS active_contracts_last_day /* Active contracts on the last day of the month */
    , charge_strategy::TEXT AS charge_strategy /* free, fixed, dynamic or auto_dynamic */
    , charge_price::DOUBLE AS charge_price /* Effective price, CAD */
    , is_paid::BOOLEAN AS is_paid /* The organization pays */
    , price_monthly::DOUBLE AS price_monthly /* Monthly recurring revenue (MRR) of the organization, CAD */
    , price_monthly_mental_health::DOUBLE AS price_monthly_mental_health /* Mental-health add-on share of the MRR (dynamic only), CAD */
    , price_monthly_24_7::DOUBLE AS price_monthly_24_7 /* 24/7 share of the MRR (dynamic only), CAD */
FROM priced
