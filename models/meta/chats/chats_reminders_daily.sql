MODEL (
    name analytics.chats_reminders_daily,
    kind INCREMENTAL_BY_TIME_RANGE (
        time_column date_day_est,
        lookback 3
    ),
    cron '0 7 * * *',
    owner analytics,
    grain (episode_id, date_day_est),
    tags (meta, chats, care),
    audits (
        unique_combination_of_columns(columns := (episode_id, date_day_est))
        , not_null(columns := (episode_id, date_day_est, has_open_reminder))
    ),
    description 'Open reminders per chat day: one row per episode and Montreal local day on which at least one Care Platform reminder of the episode was open. A reminder is open on every local day from its creation day through the day it was first completed, or, when never completed, through its due day (at least its creation day). Differs from the original (which took the due day from the creation time): reminders completed on their creation day are open that day, and never-completed reminders are open until due. Daily intervals on the local day (07:00 UTC run) with a 3-day lookback; reminders are read from 90 days before the interval only (a reminder open longer than 90 days before the interval start is ignored), so routine runs do not rescan all history.'
);

WITH reminders AS (
    SELECT
        reminder_id
        , MIN(episode_id) AS episode_id
        , MIN(date_day_est) AS date_day_est
        , MIN(due_at_day_est) AS due_at_day_est
    FROM analytics.careplatform_reminder_created
    WHERE
        date_day_est BETWEEN (
            @start_ds::DATE - INTERVAL '90' DAY
        )::DATE AND @end_ds
    GROUP BY
        reminder_id
), completions AS (
    SELECT
        reminder_id
        , MIN(date_day_est) AS completed_day_est
    FROM analytics.careplatform_reminders_status_updated
    WHERE
        reminder_status = 'completed' AND date_day_est >= (
            @start_ds::DATE - INTERVAL '90' DAY
        )::DATE
    GROUP BY
        reminder_id
), open_spans AS (
    SELECT
        reminders.episode_id
        , reminders.reminder_id
        , reminders.date_day_est AS open_from
        , COALESCE(completions.completed_day_est, GREATEST(reminders.due_at_day_est, reminders.date_day_est)) AS open_through
    FROM reminders
    LEFT JOIN completions
        ON reminders.reminder_id = completions.reminder_id
), days AS (
    SELECT
        date_day
    FROM analytics.dimension_days
    WHERE
        date_day BETWEEN @start_ds AND @end_ds
), open_days AS (
    SELECT
        open_spans.episode_id
        , days.date_day AS date_day_est
        , COUNT(DISTINCT open_spans.reminder_id) AS open_reminder_count
    FROM open_spans
    INNER JOIN days
        ON days.date_day BETWEEN open_spans.open_from AND open_spans.open_through
    GROUP BY
        open_spans.episode_id
        , days.date_day
)
SELECT
    episode_id::TEXT AS episode_id /* Episode (messaging channel) */
    , date_day_est::DATE AS date_day_est /* Montreal local day on which a reminder was open */
    , open_reminder_count > 0 AS has_open_reminder /* Always true: days without an open reminder have no row */
    , open_reminder_count::BIGINT AS open_reminder_count /* Reminders of the episode open that day */
FROM open_days
