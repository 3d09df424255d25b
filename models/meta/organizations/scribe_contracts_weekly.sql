MODEL (
    name analytics.scribe_contracts_weekly,
    kind FULL,
    cron '0 7 * * *',
    owner analytics,
    grain date_week,
    tags (meta, organizations, membership),
    audits (
        unique_values(columns := (
            date_week
        ))
        , not_null(columns := (date_week, days_count, active_contracts_avg, active_contracts_paid_avg))
    ),
    description 'One row per week (Monday start) of scribe_contracts_daily: average daily active contracts and average daily active contracts of paying organizations over the days of the week present in the series (the current week is partial). FULL: rebuilt with its daily series by the 07:00 UTC run.'
);

WITH daily AS (
    SELECT
        date_day
        , active_contracts
        , active_contracts_paid
    FROM analytics.scribe_contracts_daily
), weekly AS (
    SELECT
        DATE_TRUNC('WEEK', date_day)::DATE AS date_week
        , COUNT(*) AS days_count
        , AVG(active_contracts) AS active_contracts_avg
        , AVG(active_contracts_paid) AS active_contracts_paid_avg
    FROM daily
    GROUP BY
        DATE_TRUNC('WEEK', date_day)::DATE
)
SELECT
    date_week::DATE AS date_week /* Monday of the week */
    , days_count::BIGINT AS days_count /* Days of the week in the series (7 except at the edges) */
    , active_contracts_avg::DOUBLE AS active_contracts_avg /* Average daily active contracts over the week */
    , active_contracts_paid_avg::DOUBLE AS active_contracts_paid_avg /* Average daily active contracts of paying organizations */
FROM weekly
