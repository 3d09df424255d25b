MODEL (
    name analytics.shifts_reminders,
    kind FULL,
    cron '0 7 * * *',
    owner analytics,
    grain shift_id,
    tags (meta, shifts, staffing),
    audits (
        unique_values(columns := (
            shift_id
        ))
        , not_null(columns := (shift_id, reminders_completed_count))
        , forall(criteria := (
            reminders_completed_count > 0
        ))
    ),
    description 'Reminders completed during each When I Work shift: one row per shift (wiw_shifts_detailed, any location) in which the shift''s employee set at least one Care Platform reminder to completed (careplatform_reminders_status_updated) at a local time inside the shift''s closed interval [start, end]; reminders_completed_count is the number of distinct reminders completed. Shifts without any completed reminder have no row. FULL, rebuilt by the daily 07:00 UTC run.'
);

WITH shifts AS (
    SELECT
        shift_id
        , user_id
        , start_time_est
        , end_time_est
    FROM analytics.wiw_shifts_detailed
), completions AS (
    SELECT
        reminder_id
        , user_id
        , timestamp_est
    FROM analytics.careplatform_reminders_status_updated
    WHERE
        reminder_status = 'completed'
)
SELECT
    shifts.shift_id::BIGINT AS shift_id /* When I Work shift id */
    , COUNT(DISTINCT completions.reminder_id)::BIGINT AS reminders_completed_count /* Distinct reminders the employee completed during the shift */
FROM shifts
INNER JOIN completions
    ON shifts.user_id = completions.user_id
    AND completions.timestamp_est >= shifts.start_time_est
    AND completions.timestamp_est <= shifts.end_time_est
GROUP BY
    shifts.shift_id
