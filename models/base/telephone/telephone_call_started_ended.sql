MODEL (
    name analytics.telephone_call_@{event},
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
    grain call_id,
    tags (base, telephone, care),
    audits (unique_values(columns := (
            call_id
    )), not_null(columns := (call_id, "timestamp"))),
    description @description,
    blueprints (
        (
            event := 'started'
            , description := 'One row per phone call started by a practitioner (Segment source telephone_master, table call_started). Duplicate Segment deliveries are dropped, keeping the first received event per call_id. Hourly intervals computed up to 06:00 UTC (the morning Segment load) by the 07:00 UTC run, since every consumer is rebuilt at 07:00 only; the 72-hour lookback picks up late deliveries.'
        )
        , (
            event := 'ended'
            , description := 'One row per phone call ended by a practitioner (Segment source telephone_master, table call_ended). Duplicate Segment deliveries are dropped, keeping the first received event per call_id. Hourly intervals computed up to 06:00 UTC (the morning Segment load) by the 07:00 UTC run, since every consumer is rebuilt at 07:00 only; the 72-hour lookback picks up late deliveries.'
        )
    )
);

WITH events AS (
    SELECT
        id
        , call_id
        , user_id
        , episode_id
        , "timestamp"
        , received_at
    FROM telephone_master.call_@{event}
    WHERE
        "timestamp" BETWEEN @start_ts AND @end_ts AND NOT call_id IS NULL
), deduplicated AS (
    SELECT
        id
        , call_id
        , user_id
        , episode_id
        , "timestamp"
    FROM events
    QUALIFY
        ROW_NUMBER() OVER (PARTITION BY call_id ORDER BY received_at, id) = 1
)
SELECT
    call_id::TEXT AS call_id /* Phone call identifier (telephony backend) */
    , id::TEXT AS event_id /* Segment event id */
    , user_id::TEXT AS user_id /* Scribe user id of the practitioner on the call */
    , episode_id::TEXT AS episode_id /* Episode the call belongs to */
    , "timestamp"::TIMESTAMPTZ AS "timestamp" /* Time of the event (UTC): the call started (telephone_call_started) or ended (telephone_call_ended) */
    , @to_est("timestamp")::TIMESTAMP AS timestamp_est /* Time of the event, Montreal local time (naive) */
FROM deduplicated
