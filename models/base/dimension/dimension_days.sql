MODEL (
    name analytics.dimension_days,
    kind FULL,
    cron '0 7 * * *',
    owner analytics,
    grain date_day,
    tags (base, dimension, calendar),
    audits (
        unique_values(columns := (
            date_day
        ))
        , not_null(columns := (date_day, date_week, date_month, days_in_month))
    ),
    description 'Calendar: one row per day from 2016-01-01 to the day of the run (execution date), with its Monday week, month and the number of days in the month. FULL, rebuilt by the daily 07:00 UTC run (a few thousand rows). The series comes from the number_series macro (cross-joined digit tables, portable: DuckDB range and Postgres generate_series differ).'
);

WITH day_numbers AS (
    SELECT
        n AS day_number
    FROM @number_series(10000) AS series
), days AS (
    SELECT
        '2016-01-01'::DATE + day_number AS date_day
    FROM day_numbers
    WHERE
        '2016-01-01'::DATE + day_number <= @execution_ds::DATE
)
SELECT
    date_day::DATE AS date_day /* Calendar day */
    , DATE_TRUNC('WEEK', date_day)::DATE AS date_week /* Monday of the week of the day */
    , DATE_TRUNC('MONTH', date_day)::DATE AS date_month /* First day of the month of the day */
    , @days_between(DATE_TRUNC('MONTH', date_day)::DATE, (
        DATE_TRUNC('MONTH', date_day) + INTERVAL '1' MONTH
    )::DATE)::INT AS days_in_month /* Number of days in the month of the day */
FROM days
