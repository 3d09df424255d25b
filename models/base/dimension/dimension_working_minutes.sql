MODEL (
    name analytics.dimension_working_minutes,
    kind FULL,
    cron '0 7 * * *',
    owner analytics,
    grain date_minute,
    tags (base, dimension, calendar),
    audits (unique_values(columns := (
            date_minute
    )), not_null(columns := (date_minute, date_day))),
    description 'Business-minute calendar: one row per Montreal local minute from 2018-01-01 up to the end of the year after the day of the run (execution date) that falls Monday to Friday, at or after 09:00 and before 17:00, on a day that is not a Quebec statutory holiday of dimension_working_holidays: 480 minutes per business day. Counting its rows between two local times gives a business-hour duration in minutes. The original covered 2018 to 2020 only with the 2018 holidays, so every later duration was zero; its series also began at 2017-12-31 19:00 local because the start literal was read as UTC (harmless, only 09:00-17:00 minutes survive). FULL, rebuilt daily (about 125,000 rows per year).'
);

WITH day_numbers AS (
    SELECT
        n AS day_number
    FROM @number_series(10000) AS series
), days AS (
    SELECT
        (
            '2018-01-01'::DATE + day_number
        )::DATE AS date_day
    FROM day_numbers
    WHERE
        '2018-01-01'::DATE + day_number < (
            DATE_TRUNC('YEAR', @execution_ds::DATE) + INTERVAL '2' YEAR
        )::DATE
), business_days AS (
    SELECT
        days.date_day
    FROM days
    LEFT JOIN analytics.dimension_working_holidays AS holidays
        ON days.date_day = holidays.date_day
    WHERE
        @iso_day_of_week(days.date_day) <= 5 AND holidays.date_day IS NULL
), minutes AS (
    SELECT
        n AS minute_number
    FROM @number_series(480) AS series
)
SELECT
    (
        business_days.date_day + INTERVAL '9' HOUR + minutes.minute_number * INTERVAL '1' MINUTE
    )::TIMESTAMP AS date_minute /* Business minute, Montreal local time (naive), 09:00 to 16:59 */
    , business_days.date_day::DATE AS date_day /* Local business day of the minute */
FROM business_days
CROSS JOIN minutes
