MODEL (
    name analytics.cp_activity_w_timing,
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
        , not_null(columns := (cp_activity_id, user_id, date_day_est, activity_start, activity_end, time_spent))
        , forall(criteria := (
            time_spent >= 0
        ))
    ),
    description 'CP activity with timing: one row per activity event, ordered per user and local (Montreal) day; the activity lasts until the user''s next event that day (activity_end), and time_spent is the seconds until then (0 for the last event of the day). main_specialization comes from practitioners (N/A for users who are not practitioners). Incremental by local day (daily run at 07:00 UTC, 3-day lookback): a user-day is self-contained, so each interval recomputes whole days; never today''s incomplete day.'
);

WITH activity AS (
    SELECT
        cp_activity_id
        , user_id
        , "timestamp"
        , date_day
        , date_day_est
        , activity
        , episode_id
    FROM analytics.cp_activity_unioned_activity
    WHERE
        date_day_est BETWEEN @start_ds AND @end_ds
), practitioners AS (
    SELECT
        user_id
        , main_specialization
    FROM analytics.practitioners
), timed AS (
    SELECT
        cp_activity_id
        , user_id
        , date_day
        , date_day_est
        , activity
        , episode_id
        , "timestamp" AS activity_start
        , COALESCE(LEAD("timestamp") OVER (PARTITION BY user_id, date_day_est ORDER BY "timestamp"), "timestamp") AS activity_end
    FROM activity
)
SELECT
    timed.cp_activity_id::TEXT AS cp_activity_id /* md5 of user_id and timestamp */
    , timed.user_id::TEXT AS user_id /* Scribe user id of the care-team member */
    , timed.date_day::DATE AS date_day /* UTC day of the activity start */
    , timed.date_day_est::DATE AS date_day_est /* Montreal local day of the activity */
    , timed.activity::TEXT AS activity /* chat, video, dashboard or phone_call */
    , timed.episode_id::TEXT AS episode_id /* Episode worked on, when known */
    , timed.activity_start::TIMESTAMPTZ AS activity_start /* Start of the activity (UTC) */
    , timed.activity_end::TIMESTAMPTZ AS activity_end /* Next event of the user that day, or the start for the last event (UTC) */
    , @to_est(timed.activity_start)::TIMESTAMP AS activity_start_est /* Start of the activity, Montreal local time (naive) */
    , @to_est(timed.activity_end)::TIMESTAMP AS activity_end_est /* End of the activity, Montreal local time (naive) */
    , @seconds_between(timed.activity_start, timed.activity_end)::DOUBLE AS time_spent /* Seconds until the next event of the day (0 for the last one) */
    , COALESCE(practitioners.main_specialization, 'N/A')::TEXT AS main_specialization /* Specialization of the user (N/A when not a practitioner) */
FROM timed
LEFT JOIN practitioners
    ON timed.user_id = practitioners.user_id
