MODEL (
    name analytics.careplatform_reminder_created,
    kind INCREMENTAL_BY_TIME_RANGE (
        time_column "timestamp",
        lookback 72,
        batch_size 744
    ),
    cron '0 6 * * *',
    interval_unit 'hour',
    signals (
        delivered()
    ),
    owner analytics,
    grain event_id,
    tags (base, careplatform, care),
    audits (
        unique_values(columns := (
            event_id
        ))
        , not_null(columns := (event_id, reminder_id, episode_id, "timestamp"))
    ),
    description 'One row per reminder a practitioner created on an episode in the Care Platform (Segment source careplatform, table reminders_create_new_success). Duplicate Segment deliveries are dropped (first received kept). Hourly intervals, computed up to 06:00 UTC (the morning Segment load) by the 07:00 UTC run, since every consumer is rebuilt at 07:00 only, with a 72-hour lookback for late deliveries. Differs from the original: due_at_day_est is the local day of the due time, not of the creation event.'
);

WITH reminders AS (
    SELECT
        id
        , reminder_id
        , reminder_episode_id
        , user_id
        , reminder_due_at
        , "timestamp"
        , received_at
    FROM careplatform.reminders_create_new_success
    WHERE
        "timestamp" BETWEEN @start_ts AND @end_ts
        AND NOT reminder_id IS NULL
        AND NOT reminder_episode_id IS NULL
), deduplicated AS (
    SELECT
        id
        , reminder_id
        , reminder_episode_id
        , user_id
        , reminder_due_at
        , "timestamp"
    FROM reminders
    QUALIFY
        ROW_NUMBER() OVER (PARTITION BY id ORDER BY received_at, "timestamp") = 1
)
SELECT
    id::TEXT AS event_id /* Segment event id */
    , reminder_id::TEXT AS reminder_id /* Reminder identifier */
    , reminder_episode_id::TEXT AS episode_id /* Episode the reminder is about */
    , user_id::TEXT AS user_id /* Practitioner who created the reminder */
    , "timestamp"::TIMESTAMPTZ AS "timestamp" /* Time the reminder was created (UTC) */
    , @to_est("timestamp")::TIMESTAMP AS timestamp_est /* Time the reminder was created, Montreal local time (naive) */
    , @to_utc("timestamp")::DATE AS date_day /* UTC day of creation */
    , @to_est("timestamp")::DATE AS date_day_est /* Montreal local day of creation */
    , reminder_due_at::TIMESTAMPTZ AS due_at /* When the reminder is due (UTC) */
    , @to_est(reminder_due_at)::TIMESTAMP AS due_at_est /* When the reminder is due, Montreal local time (naive) */
    , @to_utc(reminder_due_at)::DATE AS due_at_day /* UTC day the reminder is due */
    , @to_est(reminder_due_at)::DATE AS due_at_day_est /* Montreal local day the reminder is due (the original used the creation time) */
FROM deduplicated
