MODEL (
    name analytics.cp_activity,
    kind INCREMENTAL_BY_TIME_RANGE (
        time_column date_day_est,
        lookback 3
    ),
    cron '0 7 * * *',
    owner analytics,
    grain cp_activity_id,
    tags (meta, cp_activity, care),
    audits (
        unique_values(columns := (
            cp_activity_id
        ))
        , not_null(
            columns := (
                cp_activity_id
                , user_id
                , date_day_est
                , activity
                , activity_start
                , activity_end
                , time_spent
                , is_active
                , is_on_shift
            )
        )
        , accepted_values("column" := activity, is_in := ('chat', 'video', 'dashboard', 'phone_call'))
        , forall(criteria := (
            time_spent >= 0
        ))
        , assert_cp_activity_is_active_rate
        , assert_cp_activity_time_in_shift
    ),
    description 'CP activity, one row per activity event of a care-team member, with the patient (episode subject) and issue type of its episode, whether the time was active and the WIW shift covering it. is_active: the time to the user''s next event that day is under 45 minutes for video, 10 minutes for chat, 5 minutes for dashboard; the definition names no threshold for phone_call: a call is treated like a video (under 45 minutes, a synchronous consultation). The covering shift is a published shift of the same person (WIW employee code = user_id) whose [start_time, end_time] contains [activity_start, activity_end] (the earliest one when several do). Incremental by local (Montreal) day (daily run at 07:00 UTC, 3-day lookback), never today''s incomplete day.'
);

WITH activity AS (
    SELECT
        cp_activity_id
        , user_id
        , date_day
        , date_day_est
        , activity
        , episode_id
        , activity_start
        , activity_end
        , activity_start_est
        , activity_end_est
        , time_spent
        , main_specialization
    FROM analytics.cp_activity_w_timing
    WHERE
        date_day_est BETWEEN @start_ds AND @end_ds
), shifts AS (
    SELECT
        shift_id
        , user_id
        , start_time
        , end_time
        , position_name
        , location_name
    FROM analytics.wiw_shifts_detailed
    WHERE
        NOT user_id IS NULL AND start_day_est BETWEEN @start_ds::DATE - 1 AND @end_ds::DATE + 1
), episodes_subject AS (
    SELECT
        episode_id
        , episode_subject
    FROM analytics.episodes_subject
), episodes_issue_types AS (
    SELECT
        episode_id
        , issue_type
    FROM analytics.episodes_issue_types
), activity_with_shift AS (
    SELECT
        activity.cp_activity_id
        , activity.user_id
        , activity.date_day_est
        , activity.date_day
        , activity.activity
        , activity.episode_id
        , activity.activity_start
        , activity.activity_end
        , activity.activity_start_est
        , activity.activity_end_est
        , activity.time_spent
        , activity.main_specialization
        , shifts.shift_id
        , shifts.position_name AS shift_position
        , shifts.location_name AS shift_location
        , shifts.start_time AS shift_start
        , shifts.end_time AS shift_end
    FROM activity
    LEFT JOIN shifts
        ON activity.user_id = shifts.user_id
        AND shifts.start_time <= activity.activity_start
        AND activity.activity_end <= shifts.end_time
    QUALIFY
        ROW_NUMBER() OVER (PARTITION BY activity.cp_activity_id ORDER BY shifts.start_time, shifts.shift_id) = 1
)
SELECT
    activity_with_shift.cp_activity_id::TEXT AS cp_activity_id /* md5 of user_id and timestamp */
    , activity_with_shift.user_id::TEXT AS user_id /* Scribe user id of the care-team member */
    , activity_with_shift.date_day_est::DATE AS date_day_est /* Montreal local day of the activity */
    , activity_with_shift.date_day::DATE AS date_day /* UTC day of the activity start */
    , activity_with_shift.activity::TEXT AS activity /* chat, video, dashboard or phone_call */
    , activity_with_shift.episode_id::TEXT AS episode_id /* Episode worked on, when known */
    , episodes_subject.episode_subject::TEXT AS patient_id /* Episode subject: the person the consult is about */
    , episodes_issue_types.issue_type::TEXT AS issue_type /* Latest issue type of the episode */
    , activity_with_shift.activity_start::TIMESTAMPTZ AS activity_start /* Start of the activity (UTC) */
    , activity_with_shift.activity_end::TIMESTAMPTZ AS activity_end /* End of the activity: next event of the user that day (UTC) */
    , activity_with_shift.activity_start_est::TIMESTAMP AS activity_start_est /* Start of the activity, Montreal local time (naive) */
    , activity_with_shift.activity_end_est::TIMESTAMP AS activity_end_est /* End of the activity, Montreal local time (naive) */
    , activity_with_shift.time_spent::DOUBLE AS time_spent /* Seconds until the next event of the day (0 for the last one) */
    , activity_with_shift.main_specialization::TEXT AS main_specialization /* Specialization of the user (N/A when not a practitioner) */
    , (
        CASE activity_with_shift.activity
            WHEN 'video'
            THEN activity_with_shift.time_spent < 45 * 60
            WHEN 'phone_call'
            THEN activity_with_shift.time_spent < 45 * 60
            WHEN 'chat'
            THEN activity_with_shift.time_spent < 10 * 60
            ELSE activity_with_shift.time_spent < 5 * 60
        END
    )::BOOLEAN AS is_active /* Time to next event under 45 min (video, phone_call), 10 min (chat) or 5 min (dashboard) */
    , (
        NOT activity_with_shift.shift_id IS NULL
    )::BOOLEAN AS is_on_shift /* A published shift of the user covers the whole activity */
    , activity_with_shift.shift_id::BIGINT AS shift_id /* Covering When I Work shift */
    , activity_with_shift.shift_position::TEXT AS shift_position /* Position of the covering shift */
    , activity_with_shift.shift_location::TEXT AS shift_location /* Location of the covering shift */
    , activity_with_shift.shift_start::TIMESTAMPTZ AS shift_start /* Start of the covering shift (UTC) */
    , activity_with_shift.shift_end::TIMESTAMPTZ AS shift_end /* End of the covering shift (UTC) */
FROM activity_with_shift
LEFT JOIN episodes_subject
    ON activity_with_shift.episode_id = episodes_subject.episode_id
LEFT JOIN episodes_issue_types
    ON activity_with_shift.episode_id = episodes_issue_types.episode_id
