MODEL (
    name analytics.shifts_templates,
    kind FULL,
    cron '0 7 * * *',
    owner analytics,
    grain shift_id,
    tags (meta, shifts, staffing),
    audits (
        unique_values(columns := (
            shift_id
        ))
        , not_null(columns := (shift_id, appointments_booked_count))
    ),
    description 'Appointment bookings started during each When I Work shift: one row per shift (wiw_shifts_detailed, any location) with appointments_booked_count, the number of distinct episodes in which the shift''s employee sent the Appointment Virtual template (careplatform_appointment_booking_started) at a local time inside the shift''s closed interval [start, end]; 0 when none. FULL, rebuilt by the daily 07:00 UTC run.'
);

WITH shifts AS (
    SELECT
        shift_id
        , user_id
        , start_time_est
        , end_time_est
    FROM analytics.wiw_shifts_detailed
), bookings AS (
    SELECT
        episode_id
        , user_id
        , timestamp_est
    FROM analytics.careplatform_appointment_booking_started
)
SELECT
    shifts.shift_id::BIGINT AS shift_id /* When I Work shift id */
    , COUNT(DISTINCT bookings.episode_id)::BIGINT AS appointments_booked_count /* Distinct episodes where the employee sent the Appointment Virtual template during the shift */
FROM shifts
LEFT JOIN bookings
    ON shifts.user_id = bookings.user_id
    AND bookings.timestamp_est >= shifts.start_time_est
    AND bookings.timestamp_est <= shifts.end_time_est
GROUP BY
    shifts.shift_id
