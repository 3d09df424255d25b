MODEL (
    name analytics.countdown_qnaire_completed,
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
    grain qnaire_tid,
    tags (base, countdown, care),
    audits (
        unique_values(columns := (
            qnaire_tid
        ))
        , unique_values(columns := (
            event_id
        ))
        , not_null(columns := (event_id, qnaire_tid, "timestamp"))
    ),
    description 'One row per completed Countdown questionnaire instance (Segment source countdown, table questionnaire_finish): the first finish event per instance (qnaire_tid). Duplicate Segment deliveries are dropped, and so is a repeated finish of an instance already finished in the 7 days before the interval (an instance never stays open that long). Hourly intervals computed up to 06:00 UTC (the morning Segment load) by the 07:00 UTC run, since every consumer is rebuilt at 07:00 only; the 72-hour lookback picks up late Segment deliveries.'
);

WITH finishes AS (
    SELECT
        id
        , user_id
        , "timestamp"
        , received_at
        , cd_qnaire
        , cd_qnaire_tid
        , channel_id
    FROM countdown.questionnaire_finish
    WHERE
        "timestamp" BETWEEN @start_ts AND @end_ts AND NOT cd_qnaire_tid IS NULL
), finishes_before_interval AS (
    SELECT DISTINCT
        cd_qnaire_tid
    FROM countdown.questionnaire_finish
    WHERE
        "timestamp" >= @start_ts::TIMESTAMPTZ - INTERVAL '7' DAY
        AND "timestamp" < @start_ts::TIMESTAMPTZ
        AND NOT cd_qnaire_tid IS NULL
), first_finishes AS (
    SELECT
        finishes.id
        , finishes.user_id
        , finishes."timestamp"
        , finishes.cd_qnaire
        , finishes.cd_qnaire_tid
        , finishes.channel_id
    FROM finishes
    LEFT JOIN finishes_before_interval
        ON finishes.cd_qnaire_tid = finishes_before_interval.cd_qnaire_tid
    WHERE
        finishes_before_interval.cd_qnaire_tid IS NULL
    QUALIFY
        ROW_NUMBER() OVER (PARTITION BY finishes.cd_qnaire_tid ORDER BY finishes."timestamp", finishes.received_at, finishes.id) = 1
)
SELECT
    channel_id::TEXT AS episode_id /* Episode (messaging channel) the questionnaire ran in */
    , "timestamp"::TIMESTAMPTZ AS "timestamp" /* Time the questionnaire was completed (UTC) */
    , @to_est("timestamp") AS timestamp_est /* Time the questionnaire was completed, Montreal local time (naive) */
    , cd_qnaire_tid::TEXT AS qnaire_tid /* Questionnaire instance id */
    , cd_qnaire::TEXT AS qnaire /* Questionnaire name (top_level_greeting, dxa, channel_selection, ...) */
    , user_id::TEXT AS user_id /* Scribe user id of the patient */
    , id::TEXT AS event_id /* Segment event id of the first finish */
FROM first_finishes
