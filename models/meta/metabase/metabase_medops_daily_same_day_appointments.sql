MODEL (
    name analytics.metabase_medops_daily_same_day_appointments,
    kind FULL,
    cron '0 7 * * *',
    owner analytics,
    grain triggered_at_day,
    tags (meta, metabase, medops),
    audits (
        assert_exactly_one_row
        , not_null(columns := (triggered_at_day, bookings_count))
        , not_null(columns := (
            same_day_percent
        ), blocking := FALSE)
    ),
    description 'Daily Metabase KPI, one row: among the episodes'' first GP/NP appointment bookings made yesterday (medops_time_to_next_apt_or_not, UTC day of the booking = the day before the day of the run), the share whose next GP/NP video started the same UTC day, 0 to 1. Differs from the original: with no booking yesterday same_day_percent is null (the original divided by zero and the run failed); the non-blocking not-null audit warns about such a day. FULL, rebuilt by the 07:00 UTC run.'
);

WITH yesterday AS (
    SELECT
        (
            @execution_ds::DATE - INTERVAL '1' DAY
        )::DATE AS triggered_at_day
), bookings AS (
    SELECT
        triggered_at_day
        , video_started_day
    FROM analytics.medops_time_to_next_apt_or_not
), counts AS (
    SELECT
        yesterday.triggered_at_day
        , COUNT(bookings.triggered_at_day) AS bookings_count
        , SUM(CASE WHEN bookings.video_started_day = bookings.triggered_at_day THEN 1 ELSE 0 END) AS same_day_count
    FROM yesterday
    LEFT JOIN bookings
        ON bookings.triggered_at_day = yesterday.triggered_at_day
    GROUP BY
        yesterday.triggered_at_day
)
SELECT
    triggered_at_day::DATE AS triggered_at_day /* Yesterday: the UTC day before the day of the run */
    , bookings_count::BIGINT AS bookings_count /* Episodes whose first GP/NP appointment booking was made yesterday */
    , COALESCE(same_day_count, 0)::BIGINT AS same_day_count /* Of those, bookings followed by a GP/NP video the same UTC day */
    , (
        same_day_count::DOUBLE / NULLIF(bookings_count, 0)
    )::DOUBLE AS same_day_percent /* Share of yesterday's bookings honoured the same day, 0 to 1; null without a booking */
FROM counts
