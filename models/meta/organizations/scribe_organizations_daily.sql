MODEL (
    name analytics.scribe_organizations_daily,
    kind FULL,
    cron '0 7 * * *',
    owner analytics,
    grain (organization_id, date_day),
    tags (meta, organizations, membership),
    audits (
        unique_combination_of_columns(columns := (organization_id, date_day))
        , not_null(columns := (organization_id, date_day, date_month, active_contracts, charge_strategy, charge_price))
    ),
    description 'One row per organization per UTC day (scribe_organizations_day) with active_contracts: the distinct employees (contract participants) whose contract overlaps the day (half-open: a contract ending at midnight starting the day does not count on that day). FULL: contracts change in place (an end can be set in the past), so the series is rebuilt once a day by the 07:00 UTC run (day-grain series: its consumers are daily marts, and the 18:00 run stays a half-day''s work).'
);

WITH organization_days AS (
    SELECT
        organization_id
        , date_day
        , date_month
        , day_start
        , day_end
        , charge_strategy
        , charge_price
        , charge_price_mental_health
        , charge_price_24_7
        , is_paid
    FROM analytics.scribe_organizations_day
), contracts AS (
    SELECT
        contract_id
        , organization_id
        , participant_id
        , during_start
        , during_end
    FROM analytics.scribe_contracts_detailed
), daily AS (
    SELECT
        organization_days.organization_id
        , organization_days.date_day
        , organization_days.date_month
        , organization_days.charge_strategy
        , organization_days.charge_price
        , organization_days.charge_price_mental_health
        , organization_days.charge_price_24_7
        , organization_days.is_paid
        , COUNT(DISTINCT contracts.participant_id) AS active_contracts
    FROM organization_days
    LEFT JOIN contracts
        ON organization_days.organization_id = contracts.organization_id
        AND contracts.during_start < organization_days.day_end
        AND contracts.during_end > organization_days.day_start
    GROUP BY
        organization_days.organization_id
        , organization_days.date_day
        , organization_days.date_month
        , organization_days.charge_strategy
        , organization_days.charge_price
        , organization_days.charge_price_mental_health
        , organization_days.charge_price_24_7
        , organization_days.is_paid
)
SELECT
    organization_id::BIGINT AS organization_id /* Scribe organization id */
    , date_day::DATE AS date_day /* UTC day */
    , date_month::DATE AS date_month /* First day of the month of date_day */
    , active_contracts::BIGINT AS active_contracts /* Distinct employees whose contract overlaps the day */
    , charge_strategy::TEXT AS charge_strategy /* free, fixed, dynamic or auto_dynamic */
    , charge_price::DOUBLE AS charge_price /* Effective price, CAD */
    , charge_price_mental_health::DOUBLE AS charge_price_mental_health /* Mental-health add-on price per employee per month, CAD */
    , charge_price_24_7::DOUBLE AS charge_price_24_7 /* 24/7 uplift embedded in the price, CAD */
    , is_paid::BOOLEAN AS is_paid /* The organization pays */
FROM daily
