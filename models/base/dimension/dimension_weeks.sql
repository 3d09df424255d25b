MODEL (
    name analytics.dimension_weeks,
    kind FULL,
    cron '0 7 * * *',
    owner analytics,
    grain date_week,
    tags (base, dimension, calendar),
    audits (unique_values(columns := (
            date_week
    )), not_null(columns := (date_week, week_start, week_end))),
    description 'Calendar: one row per Monday week from 2016-01-04 to the week of the run, with the half-open bounds [week_start, week_end) as local-midnight timestamps (the original kept a tstzrange week_range). FULL, rebuilt daily from dimension_days (a few hundred rows).'
);

WITH days AS (
    SELECT
        date_day
        , date_week
    FROM analytics.dimension_days
), weeks AS (
    SELECT DISTINCT
        date_week
    FROM days
    WHERE
        date_week >= '2016-01-04'::DATE
)
SELECT
    date_week::DATE AS date_week /* Monday starting the week */
    , date_week::TIMESTAMP AS week_start /* Start of the week (inclusive), local midnight */
    , (
        date_week + 7
    )::TIMESTAMP AS week_end /* End of the week (exclusive): the next Monday, local midnight */
FROM weeks
