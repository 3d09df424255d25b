MODEL (
    name analytics.wiw_opening_hours,
    kind FULL,
    cron '0 7 * * *',
    owner analytics,
    grain date_day,
    tags (transform, wiw, staffing),
    audits (
        unique_values(columns := (
            date_day
        ))
        , not_null(columns := (date_day, opening_hour_est, closing_hour_est, is_reduced_hours))
        , assert_opening_hours
    ),
    description 'Opening hours of the care team: one row per open local (Montreal) day from the first day of the schedule seed (2016-09-08) to 30 days after the day of the run; closed days have no row. The weekly rules are dated in the dimension_opening_hours_schedule seed (Mon-Thu 08:00-20:00; Friday 08:00-17:00 before 2017-08-01 then 08:00-20:00; Saturday 10:00-16:00; Sunday closed before 2017-11-01 then 10:00-16:00); days of the reduced-hours seed open 10:00-16:00 whatever the weekday; days of the closed-days seed are removed. The opening span is [opening_hour_est, closing_hour_est) (the original kept a tsrange opening_span_est). Also the staffed span of the day: first start and last end of the published Virtual Care Platform shifts starting that day. FULL, rebuilt by the daily 07:00 UTC run (a few thousand rows; the window moves with the run date).'
);

WITH schedule AS (
    SELECT
        iso_day_of_week
        , valid_from
        , valid_to
        , opening_hour
        , closing_hour
    FROM analytics.dimension_opening_hours_schedule
), reduced_hours_days AS (
    SELECT
        date_day
    FROM analytics.dimension_careplatform_reduced_hours
), closed_days AS (
    SELECT
        date_day
    FROM analytics.dimension_opening_hours_closed_days
), shifts AS (
    SELECT
        start_day_est
        , start_time_est
        , end_time_est
    FROM analytics.wiw_shifts_detailed
    WHERE
        location_name = 'Virtual Care Platform'
), calendar_bounds AS (
    SELECT
        MIN(valid_from) AS first_day
        , @execution_ds::DATE + 30 AS last_day
    FROM schedule
), days AS (
    SELECT
        calendar_bounds.first_day + day_offsets.n AS date_day
        , calendar_bounds.last_day
    FROM calendar_bounds
    CROSS JOIN @number_series(10000) AS day_offsets
), calendar AS (
    SELECT
        date_day
        , @iso_day_of_week(date_day)::INT AS iso_day_of_week
    FROM days
    WHERE
        date_day <= last_day
), scheduled_days AS (
    SELECT
        calendar.date_day
        , CASE WHEN NOT reduced_hours_days.date_day IS NULL THEN 10 ELSE schedule.opening_hour END AS opening_hour
        , CASE WHEN NOT reduced_hours_days.date_day IS NULL THEN 16 ELSE schedule.closing_hour END AS closing_hour
        , NOT reduced_hours_days.date_day IS NULL AS is_reduced_hours
    FROM calendar
    LEFT JOIN schedule
        ON calendar.iso_day_of_week = schedule.iso_day_of_week
        AND calendar.date_day >= schedule.valid_from
        AND (
            schedule.valid_to IS NULL OR calendar.date_day < schedule.valid_to
        )
    LEFT JOIN reduced_hours_days
        ON calendar.date_day = reduced_hours_days.date_day
    LEFT JOIN closed_days
        ON calendar.date_day = closed_days.date_day
    WHERE
        closed_days.date_day IS NULL
        AND (
            NOT schedule.opening_hour IS NULL OR NOT reduced_hours_days.date_day IS NULL
        )
), staffed_spans AS (
    SELECT
        start_day_est AS date_day
        , MIN(start_time_est) AS shift_start_time_est
        , MAX(end_time_est) AS shift_end_time_est
    FROM shifts
    GROUP BY
        start_day_est
)
SELECT
    scheduled_days.date_day::DATE AS date_day /* Montreal local day (open days only) */
    , (
        scheduled_days.date_day + scheduled_days.opening_hour * INTERVAL '1' HOUR
    )::TIMESTAMP AS opening_hour_est /* Opening time, Montreal local time (naive); the span is [opening, closing) */
    , (
        scheduled_days.date_day + scheduled_days.closing_hour * INTERVAL '1' HOUR
    )::TIMESTAMP AS closing_hour_est /* Closing time, Montreal local time (naive), exclusive */
    , scheduled_days.is_reduced_hours::BOOLEAN AS is_reduced_hours /* Reduced 10:00-16:00 holiday service (reduced-hours seed) */
    , staffed_spans.shift_start_time_est::TIMESTAMP AS shift_start_time_est /* First start of a published Virtual Care Platform shift starting that day, local */
    , staffed_spans.shift_end_time_est::TIMESTAMP AS shift_end_time_est /* Last end of a published Virtual Care Platform shift starting that day, local */
FROM scheduled_days
LEFT JOIN staffed_spans
    ON scheduled_days.date_day = staffed_spans.date_day
