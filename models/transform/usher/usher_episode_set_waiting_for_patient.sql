MODEL (
    name analytics.usher_episode_set_waiting_for_patient,
    kind INCREMENTAL_BY_TIME_RANGE (
        time_column "timestamp",
        lookback 72,
        batch_size 744
    ),
    cron '0 6 * * *',
    interval_unit 'hour',
    owner analytics,
    grain event_id,
    tags (transform, usher, care),
    audits (
        unique_values(columns := (
            event_id
        ))
        , not_null(columns := (event_id, episode_id, "timestamp", date_day_est))
    ),
    description 'One row per time an episode was put in waiting_for_patient (the care team answered and waits for the patient), from Usher state changes including the synthetic states of first unresponsive nudges before the 2019-01-29 tracking fix. Used by the out-of-hours SLAs. Hourly intervals on the event time, computed up to 06:00 UTC (the morning Segment load) by the 07:00 UTC run, since every consumer is rebuilt at 07:00 only, with a 72-hour lookback like its base.'
);

WITH state_changes AS (
    SELECT
        event_id
        , episode_id
        , user_id
        , "timestamp"
    FROM analytics.usher_episode_state_updated
    WHERE
        "timestamp" BETWEEN @start_ts AND @end_ts AND episode_state = 'waiting_for_patient'
)
SELECT
    event_id::TEXT AS event_id /* Segment event id of the state change */
    , episode_id::TEXT AS episode_id /* Episode put in waiting_for_patient */
    , user_id::TEXT AS user_id /* Actor of the state change */
    , "timestamp"::TIMESTAMPTZ AS "timestamp" /* Time of the state change (UTC) */
    , @to_est("timestamp")::TIMESTAMP AS timestamp_est /* Time of the state change, Montreal local time (naive) */
    , @to_est("timestamp")::DATE AS date_day_est /* Montreal local day of the state change */
FROM state_changes
