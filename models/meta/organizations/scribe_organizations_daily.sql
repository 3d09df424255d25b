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
    description 'One row per organization per UTC day (scribe_organizations_day) with active_contracts: the distinct employees (contract participants) whose contract overlaps the day (half-open: a contract ending at midnight starting the day does not count on that day). Computed without a day-by-contract join: each employee''s overlapping contracts in an organization are merged into spans of UTC days, and active_contracts is a running sum over the organization''s days of +1 on each span''s first day and -1 on the day after its last. FULL: contracts change in place (an end can be set in the past), so the series is rebuilt once a day by the 07:00 UTC run (day-grain series: its consumers are daily marts, and the 18:00 run stays a half-day''s work).'
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
        organization_id
        , participant_id
        , @to_utc(during_start)::DATE AS first_day
        , (
            @to_utc(during_end) - INTERVAL '1' MICROSECOND
        )::DATE AS last_day
    FROM analytics.scribe_contracts_detailed
), ordered AS (
    SELECT
        organization_id
        , participant_id
        , first_day
        , last_day
        , MAX(last_day) OVER (
            PARTITION BY organization_id, participant_id
            ORDER BY first_day, last_day
            ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING
        ) AS previous_last_day
    FROM contracts
    WHERE
        last_day >= first_day
), numbered AS (
    /* a new span starts where a contract starts after every earlier contract of the employee ended */
    SELECT
        organization_id
        , participant_id
        , first_day
        , last_day
        , SUM(CASE WHEN previous_last_day >= first_day THEN 0 ELSE 1 END) OVER (
            PARTITION BY organization_id, participant_id
            ORDER BY first_day, last_day
            ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW
        ) AS span_number
    FROM ordered
), spans AS (
    SELECT
        organization_id
        , participant_id
        , span_number
        , MIN(first_day) AS first_day
        , MAX(last_day) AS last_day
    FROM numbered
    GROUP BY
        organization_id
        , participant_id
        , span_number
), organization_first_days AS (
    SELECT
        organization_id
        , MIN(date_day) AS first_day
    FROM organization_days
    GROUP BY
        organization_id
), counted AS (
    SELECT
        spans.organization_id
        , GREATEST(spans.first_day, organization_first_days.first_day) AS first_day
        , spans.last_day
    FROM spans
    INNER JOIN organization_first_days
        ON organization_first_days.organization_id = spans.organization_id
    WHERE
        spans.last_day >= organization_first_days.first_day
), changes AS (
    SELECT
        organization_id
        , first_day AS date_day
        , 1 AS change
    FROM counted
    UNION ALL
    SELECT
        organization_id
        , last_day + 1 AS date_day
        , -1 AS change
    FROM counted
), changes_by_day AS (
    SELECT
        organization_id
        , date_day
        , SUM(change) AS change
    FROM changes
    GROUP BY
        organization_id
        , date_day
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
        , SUM(COALESCE(changes_by_day.change, 0)) OVER (
            PARTITION BY organization_days.organization_id
            ORDER BY organization_days.date_day
            ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW
        ) AS active_contracts
    FROM organization_days
    LEFT JOIN changes_by_day
        ON changes_by_day.organization_id = organization_days.organization_id
        AND changes_by_day.date_day = organization_days.date_day
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
