MODEL (
    name analytics.careplatform_appointment_booking_started,
    kind INCREMENTAL_BY_TIME_RANGE (
        time_column "timestamp",
        lookback 72,
        batch_size 744
    ),
    cron '0 6 * * *',
    interval_unit 'hour',
    owner analytics,
    grain (episode_id, "timestamp"),
    tags (transform, careplatform, care),
    audits (
        unique_combination_of_columns(columns := (episode_id, "timestamp"))
        , not_null(columns := (episode_id, "timestamp", user_id))
    ),
    description 'One row per time a practitioner sent the Appointment Virtual template (slash command) in an episode: the start of a GP/NP appointment booking. Test users are already excluded by the slash-command base. Hourly intervals on the event time, computed up to 06:00 UTC (the morning Segment load) by the 07:00 UTC run, since every consumer is rebuilt at 07:00 only, with a 72-hour lookback like its base.'
);

WITH commands AS (
    SELECT
        event_id
        , episode_id
        , user_id
        , triggered_at
    FROM analytics.careplatform_slash_command_triggered
    WHERE
        triggered_at BETWEEN @start_ts AND @end_ts AND command_id = 'Appointment Virtual'
), deduplicated AS (
    SELECT
        event_id
        , episode_id
        , user_id
        , triggered_at
    FROM commands
    QUALIFY
        ROW_NUMBER() OVER (PARTITION BY episode_id, triggered_at ORDER BY event_id, user_id) = 1
)
SELECT
    episode_id::TEXT AS episode_id /* Episode in which the booking started */
    , user_id::TEXT AS user_id /* Practitioner who sent the template */
    , triggered_at::TIMESTAMPTZ AS "timestamp" /* Time the template was sent (UTC) */
    , @to_est(triggered_at)::TIMESTAMP AS timestamp_est /* Time the template was sent, Montreal local time (naive) */
    , @to_est(triggered_at)::DATE AS date_day_est /* Montreal local day */
FROM deduplicated
