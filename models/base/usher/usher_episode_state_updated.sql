MODEL (
    name analytics.usher_episode_state_updated,
    kind INCREMENTAL_BY_TIME_RANGE (
        time_column "timestamp",
        lookback 72,
        batch_size 744
    ),
    cron '0 7,18 * * *',
    signals (
        delivered(sources := 'usher.set_episode_state')
    ),
    owner analytics,
    grain event_id,
    tags (base, usher, care),
    audits (
        unique_values(columns := (
            event_id
        ))
        , not_null(columns := (event_id, episode_id, "timestamp", episode_state))
    ),
    description 'One row per episode state change routed by Usher (Segment source usher, table set_episode_state), plus the synthetic waiting_for_patient states of first unresponsive nudges sent before Usher tracked that state (2019-01-29 19:38:04 UTC). Duplicate Segment deliveries are dropped. Hourly intervals with a 72-hour lookback for late deliveries.'
);

WITH state_changes AS (
    SELECT
        id AS event_id
        , episode_id
        , "timestamp"
        , episode_state
        , user_id
        , received_at
    FROM usher.set_episode_state
    WHERE
        "timestamp" BETWEEN @start_ts AND @end_ts AND NOT episode_id IS NULL AND NOT episode_state IS NULL
), nudges_before_tracking_fix AS (
    SELECT
        id AS event_id
        , episode_id
        , "timestamp"
        , 'waiting_for_patient' AS episode_state
        , user_id
        , received_at
    FROM unresponsive.nudge
    WHERE
        "timestamp" BETWEEN @start_ts AND @end_ts
        AND "timestamp" < '2019-01-29 19:38:04+00'::TIMESTAMPTZ
        AND iteration = 1
        AND NOT episode_id IS NULL
), unioned AS (
    SELECT
        event_id
        , episode_id
        , "timestamp"
        , episode_state
        , user_id
        , received_at
    FROM state_changes
    UNION ALL
    SELECT
        event_id
        , episode_id
        , "timestamp"
        , episode_state
        , user_id
        , received_at
    FROM nudges_before_tracking_fix
), deduplicated AS (
    SELECT
        event_id
        , episode_id
        , "timestamp"
        , episode_state
        , user_id
    FROM unioned
    QUALIFY
        ROW_NUMBER() OVER (PARTITION BY event_id ORDER BY received_at) = 1
)
SELECT
    event_id::TEXT AS event_id /* Segment event id */
    , episode_id::TEXT AS episode_id /* Episode (messaging channel) whose state changed */
    , "timestamp"::TIMESTAMPTZ AS "timestamp" /* Time of the state change (UTC) */
    , @to_est("timestamp") AS timestamp_est /* Time of the state change, Montreal local time (naive) */
    , @to_utc("timestamp")::DATE AS date_day /* UTC day of the state change */
    , @to_est("timestamp")::DATE AS date_day_est /* Montreal local day of the state change */
    , episode_state::TEXT AS episode_state /* New state: active, pending, resolved, waiting_for_patient, ... */
    , user_id::TEXT AS user_id /* Actor who changed the state (practitioner or system) */
FROM deduplicated
