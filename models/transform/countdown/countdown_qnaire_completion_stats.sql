MODEL (
    name analytics.countdown_qnaire_completion_stats,
    kind INCREMENTAL_BY_UNIQUE_KEY (
        unique_key qnaire_tid,
        lookback 72
    ),
    cron '0 6 * * *',
    interval_unit 'hour',
    owner analytics,
    grain qnaire_tid,
    tags (transform, countdown, care),
    audits (
        unique_values(columns := (
            qnaire_tid
        ))
        , not_null(columns := (qnaire_tid, qnaire, is_completed, resume_count))
        , assert_countdown_completion_after_start
        , forall(criteria := (
            completion_time >= 0
        ))
    ),
    description 'One row per Countdown questionnaire instance (qnaire_tid) seen starting, finishing or resuming: when it started and was completed (UTC and local), how long completion took (null when the completion event is timed before the start event: client clocks differ, and the non-blocking audit assert_countdown_completion_after_start names those instances), whether it was completed, and how often and when the patient resumed it after pausing. Incremental by unique key: each run recomputes only the instances with a start, finish or resume event in the interval (72-hour lookback for late Segment events), over all their events, and merges them on qnaire_tid.'
);

WITH started AS (
    SELECT
        qnaire_tid
        , qnaire
        , episode_id
        , user_id
        , "timestamp"
    FROM analytics.countdown_qnaire_started
), completed AS (
    SELECT
        qnaire_tid
        , qnaire
        , episode_id
        , user_id
        , "timestamp"
    FROM analytics.countdown_qnaire_completed
), resumed AS (
    SELECT
        qnaire_tid
        , qnaire
        , episode_id
        , user_id
        , "timestamp"
    FROM analytics.countdown_qnaire_resumed
), touched_instances AS (
    SELECT
        qnaire_tid
    FROM started
    WHERE
        "timestamp" BETWEEN @start_ts AND @end_ts
    UNION
    SELECT
        qnaire_tid
    FROM completed
    WHERE
        "timestamp" BETWEEN @start_ts AND @end_ts
    UNION
    SELECT
        qnaire_tid
    FROM resumed
    WHERE
        "timestamp" BETWEEN @start_ts AND @end_ts
), instance_events AS (
    SELECT
        qnaire_tid
        , qnaire
        , episode_id
        , user_id
        , "timestamp"
        , 'started' AS event_type
    FROM started
    UNION ALL
    SELECT
        qnaire_tid
        , qnaire
        , episode_id
        , user_id
        , "timestamp"
        , 'completed' AS event_type
    FROM completed
    UNION ALL
    SELECT
        qnaire_tid
        , qnaire
        , episode_id
        , user_id
        , "timestamp"
        , 'resumed' AS event_type
    FROM resumed
), touched_events AS (
    SELECT
        instance_events.qnaire_tid
        , instance_events.qnaire
        , instance_events.episode_id
        , instance_events.user_id
        , instance_events."timestamp"
        , instance_events.event_type
    FROM instance_events
    INNER JOIN touched_instances
        ON instance_events.qnaire_tid = touched_instances.qnaire_tid
), instances AS (
    SELECT
        qnaire_tid
        , MIN(qnaire) AS qnaire
        , MIN(episode_id) AS episode_id
        , MIN(user_id) AS user_id
        , MIN(CASE WHEN event_type = 'started' THEN "timestamp" END) AS started_at
        , MIN(CASE WHEN event_type = 'completed' THEN "timestamp" END) AS completed_at
        , COUNT(CASE WHEN event_type = 'resumed' THEN 1 END) AS resume_count
        , MIN(CASE WHEN event_type = 'resumed' THEN "timestamp" END) AS first_resumed_at
        , MAX(CASE WHEN event_type = 'resumed' THEN "timestamp" END) AS last_resumed_at
    FROM touched_events
    GROUP BY
        qnaire_tid
)
SELECT
    qnaire_tid::TEXT AS qnaire_tid /* Questionnaire instance id */
    , qnaire::TEXT AS qnaire /* Questionnaire name (top_level_greeting, dxa, channel_selection, ...) */
    , episode_id::TEXT AS episode_id /* Episode (messaging channel) the questionnaire ran in */
    , user_id::TEXT AS user_id /* Scribe user id of the patient */
    , started_at::TIMESTAMPTZ AS started_at /* Start of the instance (UTC); null when only later events were tracked */
    , @to_est(started_at) AS started_at_est /* Start of the instance, Montreal local time (naive) */
    , completed_at::TIMESTAMPTZ AS completed_at /* First completion of the instance (UTC); null while not completed */
    , @to_est(completed_at) AS completed_at_est /* First completion of the instance, Montreal local time (naive) */
    , CASE WHEN completed_at >= started_at THEN @seconds_between(started_at, completed_at) END AS completion_time /* Seconds from start to completion (null unless both are known and the completion comes at or after the start) */
    , (
        NOT completed_at IS NULL
    )::BOOLEAN AS is_completed /* The instance was completed */
    , resume_count::BIGINT AS resume_count /* Times the patient resumed the instance after pausing it */
    , first_resumed_at::TIMESTAMPTZ AS first_resumed_at /* First resume (UTC) */
    , @to_est(first_resumed_at) AS first_resumed_at_est /* First resume, Montreal local time (naive) */
    , last_resumed_at::TIMESTAMPTZ AS last_resumed_at /* Last resume (UTC) */
    , @to_est(last_resumed_at) AS last_resumed_at_est /* Last resume, Montreal local time (naive) */
FROM instances
