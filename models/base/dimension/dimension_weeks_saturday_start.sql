MODEL (
    name analytics.dimension_weeks_saturday_start,
    kind FULL,
    cron '0 7 * * *',
    owner analytics,
    grain date_week,
    tags (base, dimension, calendar),
    audits (unique_values(columns := (
            date_week
    )), not_null(columns := (date_week, week_start, week_end))),
    description 'Calendar: one row per Saturday-to-Friday week, starting every 7 days from Saturday 2016-01-02 up to the week containing the day of the run (execution date), with its half-open bounds [week_start, week_end) as local-midnight timestamps. Used to report product bugs by week ending on Friday. FULL, rebuilt daily from dimension_days (a few hundred rows).'
);

WITH days AS (
    SELECT
        date_day
    FROM analytics.dimension_days
    WHERE
        date_day >= '2016-01-02'::DATE
), saturdays AS (
    SELECT
        date_day AS date_week
    FROM days
    WHERE
        @iso_day_of_week(date_day) = 6
)
SELECT
    date_week::TIMESTAMP AS date_week /* Saturday starting the week, local midnight */
    , date_week::TIMESTAMP AS week_start /* Start of the week (inclusive): the Saturday, local midnight */
    , (
        date_week + 7
    )::TIMESTAMP AS week_end /* End of the week (exclusive): the next Saturday, local midnight */
FROM saturdays
