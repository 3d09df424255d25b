MODEL (
    name analytics.careplatform_reminders_status_updated,
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
        , not_null(columns := (event_id, reminder_id, episode_id, "timestamp", reminder_status))
    ),
    description 'One row per status change of a Care Platform reminder (Segment source careplatform, table reminders_status_change_success), e.g. completed. Duplicate Segment deliveries are dropped (first received kept). Hourly intervals, computed up to 06:00 UTC (the morning Segment load) by the 07:00 UTC run, since every consumer is rebuilt at 07:00 only, with a 72-hour lookback for late deliveries.'
);

WITH status_changes AS (
    SELECT
        id
        , reminder_id
        , reminder_episode_id
        , user_id
        , reminder_status
        , reminder_due_at
        , "timestamp"
        , received_at
    FROM careplatform.reminders_status_change_success
    WHERE
        "timestamp" BETWEEN @start_ts AND @end_ts
        AND NOT reminder_id IS NULL
        AND NOT reminder_episode_id IS NULL
        AND NOT reminder_status IS NULL
), deduplicated AS (
    SELECT
        id
        , reminder_id
        , reminder_episode_id
        , user_id
        , reminder_status
        , reminder_due_at
        , "timestamp"
    FROM status_changes
    QUALIFY
        ROW_NUMBER() OVER (PARTITION BY id ORDER BY received_at, "timestamp") = 1
)
SELECT
    id::TEXT AS event_id /* Segment event id */
    , reminder_id::TEXT AS reminder_id /* Reminder identifier */
    , reminder_episode_id::TEXT AS episode_id /* Episode the reminder is about */
    , user_id::TEXT AS user_id /* Practitioner who changed the status */
    , reminder_status::TEXT AS reminder_status /* New status of the reminder (completed, ...) */
    , "timestamp"::TIMESTAMPTZ AS "timestamp" /* Time of the status change (UTC) */
    , @to_est("timestamp")::TIMESTAMP AS timestamp_est /* Time of the status change, Montreal local time (naive) */
    , @to_utc("timestamp")::DATE AS date_day /* UTC day of the status change */
    , @to_est("timestamp")::DATE AS date_day_est /* Montreal local day of the status change */
    , reminder_due_at::TIMESTAMPTZ AS due_at /* When the reminder is due (UTC) */
FROM deduplicated
