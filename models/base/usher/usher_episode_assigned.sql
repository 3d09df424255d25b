MODEL (
    name analytics.usher_episode_assigned,
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
    tags (base, usher, care),
    audits (unique_values(columns := (
            event_id
    )), not_null(columns := (event_id, episode_id, "timestamp"))),
    description 'One row per assignment of an episode by Usher (Segment source usher, table episode_assigned): the practitioner it is assigned to (assigned_user_id; null = unassigned) and the actor who assigned it (user_id). Duplicate Segment deliveries are dropped (first received kept). Hourly intervals, computed up to 06:00 UTC (the morning Segment load) by the 07:00 UTC run, with a 72-hour lookback for late deliveries.'
);

WITH assignments AS (
    SELECT
        id
        , episode_id
        , assigned_user_id
        , user_id
        , "timestamp"
        , received_at
    FROM usher.episode_assigned
    WHERE
        "timestamp" BETWEEN @start_ts AND @end_ts AND NOT episode_id IS NULL
), deduplicated AS (
    SELECT
        id
        , episode_id
        , assigned_user_id
        , user_id
        , "timestamp"
    FROM assignments
    QUALIFY
        ROW_NUMBER() OVER (PARTITION BY id ORDER BY received_at, "timestamp") = 1
)
SELECT
    id::TEXT AS event_id /* Segment event id */
    , episode_id::TEXT AS episode_id /* Episode (messaging channel) assigned */
    , "timestamp"::TIMESTAMPTZ AS assigned_at /* Time of the assignment (UTC; same as timestamp) */
    , "timestamp"::TIMESTAMPTZ AS "timestamp" /* Time of the assignment (UTC) */
    , @to_est("timestamp")::TIMESTAMP AS timestamp_est /* Time of the assignment, Montreal local time (naive) */
    , assigned_user_id::TEXT AS assigned_user_id /* Practitioner (Scribe user id) the episode is assigned to; null = unassigned */
    , user_id::TEXT AS user_id /* Actor who made the assignment (Scribe user id) */
FROM deduplicated
