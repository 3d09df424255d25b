MODEL (
    name analytics.dimension_scorecard_weeks,
    kind FULL,
    cron '0 7 * * *',
    owner analytics,
    grain date_week,
    tags (base, dimension, calendar),
    audits (
        unique_values(columns := (
            date_week
        ))
        , not_null(columns := (date_week, week_start, week_end, is_completed))
    ),
    description 'The company-scorecard window: one row per Monday week from the week of the start of the previous quarter to the start of the next quarter, relative to the day of the run; future weeks are included (is_completed false) so dashboards show empty rows for them. FULL, rebuilt daily (the window moves with the run date). Generated with the number_series macro (portable SQL).'
);

WITH bounds AS (
    SELECT
        (
            DATE_TRUNC('QUARTER', @execution_ds::DATE) - INTERVAL '3' MONTH
        )::DATE AS previous_quarter_start
        , (
            DATE_TRUNC('QUARTER', @execution_ds::DATE) + INTERVAL '3' MONTH
        )::DATE AS next_quarter_start
        , @execution_ds::DATE AS run_day
), week_numbers AS (
    SELECT
        n AS week_number
    FROM @number_series(100) AS series
), weeks AS (
    SELECT
        DATE_TRUNC('WEEK', bounds.previous_quarter_start)::DATE + week_numbers.week_number * 7 AS date_week
        , bounds.next_quarter_start
        , bounds.run_day
    FROM bounds
    CROSS JOIN week_numbers
)
SELECT
    date_week::DATE AS date_week /* Monday starting the week */
    , date_week::TIMESTAMP AS week_start /* Start of the week (inclusive), local midnight */
    , (
        date_week + 7
    )::TIMESTAMP AS week_end /* End of the week (exclusive): the next Monday, local midnight */
    , (
        date_week + 7 <= run_day
    ) AS is_completed /* The week ended before the day of the run */
FROM weeks
WHERE
    date_week < next_quarter_start
