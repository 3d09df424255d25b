MODEL (
    name analytics.telephone_calls,
    kind INCREMENTAL_BY_UNIQUE_KEY (
        unique_key call_id,
        lookback 72
    ),
    cron '0 6 * * *',
    interval_unit 'hour',
    owner analytics,
    grain call_id,
    tags (transform, telephone, care),
    audits (
        unique_values(columns := (
            call_id
        ))
        , not_null(columns := (call_id, started_at, started_at_est, date_day, date_day_est))
        , forall(criteria := (
            call_duration IS NULL OR call_duration >= 0
        ))
        , assert_calls_end_after_start
    ),
    description 'One row per phone call made by a practitioner: the call_started event left-joined to its call_ended event on call_id (ended_at and call_duration are null while the end is not known; call_duration is also null when the end event is timed before the start, so it is never negative, and the non-blocking audit assert_calls_end_after_start names such calls). Incremental by unique key: each run recomputes only the calls with a start or end event in the interval (hourly intervals, 72-hour lookback for late Segment events, so a late end completes its call) and merges them on call_id.'
);

WITH call_started AS (
    SELECT
        call_id
        , user_id
        , episode_id
        , "timestamp"
    FROM analytics.telephone_call_started
), call_ended AS (
    SELECT
        call_id
        , "timestamp"
    FROM analytics.telephone_call_ended
), touched_calls AS (
    SELECT
        call_id
    FROM call_started
    WHERE
        "timestamp" BETWEEN @start_ts AND @end_ts
    UNION
    SELECT
        call_id
    FROM call_ended
    WHERE
        "timestamp" BETWEEN @start_ts AND @end_ts
), calls AS (
    SELECT
        call_started.call_id
        , call_started.user_id
        , call_started.episode_id
        , call_started."timestamp" AS started_at
        , call_ended."timestamp" AS ended_at
    FROM call_started
    INNER JOIN touched_calls
        ON call_started.call_id = touched_calls.call_id
    LEFT JOIN call_ended
        ON call_started.call_id = call_ended.call_id
)
SELECT
    call_id::TEXT AS call_id /* Phone call identifier */
    , user_id::TEXT AS user_id /* Scribe user id of the practitioner on the call */
    , episode_id::TEXT AS episode_id /* Episode the call belongs to */
    , started_at::TIMESTAMPTZ AS started_at /* Call start (UTC) */
    , @to_est(started_at)::TIMESTAMP AS started_at_est /* Call start, Montreal local time (naive) */
    , ended_at::TIMESTAMPTZ AS ended_at /* Call end (UTC); null while unknown. The call spans [started_at, ended_at] */
    , @to_est(ended_at)::TIMESTAMP AS ended_at_est /* Call end, Montreal local time (naive) */
    , CASE WHEN ended_at >= started_at THEN @minutes_between(started_at, ended_at) END::DOUBLE AS call_duration /* Call length in minutes; null when the end is unknown or timed before the start */
    , @to_utc(started_at)::DATE AS date_day /* UTC day of the call start */
    , DATE_TRUNC('WEEK', @to_utc(started_at))::DATE AS date_week /* UTC Monday week of the call start */
    , DATE_TRUNC('MONTH', @to_utc(started_at))::DATE AS date_month /* UTC month of the call start */
    , @to_est(started_at)::DATE AS date_day_est /* Montreal local day of the call start */
FROM calls
