MODEL (
    name analytics.shifts_detailed,
    kind FULL,
    cron '0 7 * * *',
    owner analytics,
    grain shift_id,
    tags (meta, shifts, staffing, pii),
    audits (
        unique_values(columns := (
            shift_id
        ))
        , not_null(columns := (shift_id, date_day, user_id, reminders_completed_count, appointments_booked_count))
    ),
    description 'One row per past Virtual Care Platform shift of a practitioner: the When I Work shift (wiw_shifts_detailed: position, paid hours), the practitioner (practitioners: name and specialization; shifts of people who are not practitioners are left out), the 16 productivity measures of shifts_assignments (shifts not in it, i.e. not ended before the last run, are left out), the reminders completed during the shift (shifts_reminders; 0 when none) and the appointment bookings started during it (shifts_templates). Carries the practitioner''s name, hence the pii tag. FULL, rebuilt by the daily 07:00 UTC run.'
);

WITH shifts AS (
    SELECT
        shift_id
        , user_id
        , position_name
        , hours
    FROM analytics.wiw_shifts_detailed
    WHERE
        location_name = 'Virtual Care Platform'
), practitioners AS (
    SELECT
        user_id
        , user_name
        , main_specialization
    FROM analytics.practitioners
), assignments AS (
    SELECT
        date_day_est
        , shift_id
        , frt_sum
        , frt_count
        , assigned_time_sum
        , assigned_time_count
        , rt_sum
        , rt_count
        , videos_count
        , video_length_sum
        , phone_calls_count
        , phone_calls_length_sum
        , new_episode_count
        , count_promoters
        , count_detractors
        , count_scores
        , filtered_assigned_time_sum
        , filtered_assigned_time_count
    FROM analytics.shifts_assignments
), reminders AS (
    SELECT
        shift_id
        , reminders_completed_count
    FROM analytics.shifts_reminders
), templates AS (
    SELECT
        shift_id
        , appointments_booked_count
    FROM analytics.shifts_templates
)
SELECT
    assignments.date_day_est::DATE AS date_day /* Local (Montreal) day the shift starts (the original's name) */
    , shifts.shift_id::BIGINT AS shift_id /* When I Work shift id */
    , shifts.user_id::TEXT AS user_id /* Scribe user id of the practitioner */
    , shifts.position_name::TEXT AS position_name /* Position worked (Nurse, Shift Manager, GP, ...) */
    , shifts.hours::DOUBLE AS hours /* Paid hours of the shift (null when its times or break are invalid) */
    , practitioners.user_name::TEXT AS user_name /* [PII] First and last name of the practitioner */
    , practitioners.main_specialization::TEXT AS main_specialization /* Specialization of the practitioner */
    , assignments.frt_sum::DOUBLE AS frt_sum /* Sum of the first response times of the shift's assignments, minutes */
    , assignments.frt_count::BIGINT AS frt_count /* Assignments with a first response time */
    , assignments.assigned_time_sum::DOUBLE AS assigned_time_sum /* Sum of the assigned times, minutes */
    , assignments.assigned_time_count::BIGINT AS assigned_time_count /* Assignments with an assigned time */
    , assignments.rt_sum::DOUBLE AS rt_sum /* Sum of the response times inside the assignments, minutes */
    , assignments.rt_count::BIGINT AS rt_count /* Responses inside the assignments */
    , assignments.videos_count::BIGINT AS videos_count /* Videos of the practitioner in the assigned episodes during the assignments */
    , assignments.video_length_sum::DOUBLE AS video_length_sum /* Total length of those videos, minutes */
    , assignments.phone_calls_count::BIGINT AS phone_calls_count /* Phone calls of the practitioner in the assigned episodes during the assignments */
    , assignments.phone_calls_length_sum::DOUBLE AS phone_calls_length_sum /* Total duration of those calls, minutes */
    , assignments.new_episode_count::BIGINT AS new_episode_count /* Assigned episodes whose first patient message was on the assignment's local day */
    , assignments.count_promoters::BIGINT AS count_promoters /* Assignments whose episode was rated a promoter */
    , assignments.count_detractors::BIGINT AS count_detractors /* Assignments whose episode was rated a detractor */
    , assignments.count_scores::BIGINT AS count_scores /* Assignments whose episode has an NPS score */
    , assignments.filtered_assigned_time_sum::DOUBLE AS filtered_assigned_time_sum /* Assigned time of the assignments with more than 3 posts, a video or a call, minutes */
    , assignments.filtered_assigned_time_count::BIGINT AS filtered_assigned_time_count /* Number of those assignments with an assigned time */
    , COALESCE(reminders.reminders_completed_count, 0)::BIGINT AS reminders_completed_count /* Distinct reminders completed during the shift (0 when none) */
    , COALESCE(templates.appointments_booked_count, 0)::BIGINT AS appointments_booked_count /* Distinct episodes with an Appointment Virtual template sent during the shift */
FROM shifts
INNER JOIN practitioners
    ON shifts.user_id = practitioners.user_id
INNER JOIN assignments
    ON shifts.shift_id = assignments.shift_id
LEFT JOIN reminders
    ON shifts.shift_id = reminders.shift_id
LEFT JOIN templates
    ON shifts.shift_id = templates.shift_id
