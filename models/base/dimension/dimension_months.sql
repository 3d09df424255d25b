MODEL (
    name analytics.dimension_months,
    kind FULL,
    cron '0 7 * * *',
    owner analytics,
    grain date_month,
    tags (base, dimension, calendar),
    audits (
        unique_values(columns := (
            date_month
        ))
        , not_null(columns := (date_month, month_end, month_start, month_range_end, days_in_month))
    ),
    description 'Calendar: one row per month from 2016-01 to the month of the run, with its last day, its half-open bounds [month_start, month_range_end) (the original kept a tsrange month_range) and its number of days. FULL, rebuilt daily from dimension_days.'
);

WITH days AS (
    SELECT
        date_month
        , days_in_month
    FROM analytics.dimension_days
), months AS (
    SELECT DISTINCT
        date_month
        , days_in_month
    FROM days
)
SELECT
    date_month::DATE AS date_month /* First day of the month */
    , (
        date_month + days_in_month - 1
    )::DATE AS month_end /* Last day of the month */
    , date_month::TIMESTAMP AS month_start /* Start of the month (inclusive), midnight */
    , (
        date_month + days_in_month
    )::TIMESTAMP AS month_range_end /* End of the month (exclusive): first day of the next month, midnight */
    , days_in_month::INT AS days_in_month /* Number of days in the month */
FROM months
