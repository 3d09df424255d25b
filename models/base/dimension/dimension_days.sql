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
    description 'Calendar: one row per day from 2016-01-01 to the day of the run (execution date), with its Monday week, month and the number of days in the month. FULL, rebuilt by the daily 07:00 UTC run (a few thousand rows). The series is built from cross-joined digits (portable: DuckDB range and Postgres generate_series differ).'
);

WITH digits AS (
    SELECT
        digit
    FROM (VALUES
        (0)
        , (1)
        , (2)
        , (3)
        , (4)
        , (5)
        , (6)
        , (7)
        , (8)
        , (9)) AS digits(digit)
), day_numbers AS (
    SELECT
        thousands.digit * 1000 + hundreds.digit * 100 + tens.digit * 10 + units.digit AS day_number
    FROM digits AS thousands
    CROSS JOIN digits AS hundreds
    CROSS JOIN digits AS tens
    CROSS JOIN digits AS units
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
