MODEL (
    name analytics.countdown_question_asked,
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
    grain question_tid,
    tags (base, countdown, care),
    audits (
        unique_values(columns := (
            question_tid
        ))
        , unique_values(columns := (
            event_id
        ))
        , not_null(columns := (event_id, question_tid, "timestamp"))
    ),
    description 'One row per question instance the Countdown chatbot asked (Segment source countdown, table question_ask): the first ask event per question instance (question_tid). Duplicate Segment deliveries are dropped, and so is a repeated ask of an instance already asked in the 7 days before the interval (an instance never stays open that long). qnaire and question_id are the original qnaire_name and question_name. Hourly intervals computed up to 06:00 UTC (the morning Segment load) by the 07:00 UTC run; the 72-hour lookback picks up late Segment deliveries.'
);

WITH asks AS (
    SELECT
        id
        , user_id
        , "timestamp"
        , received_at
        , cd_qnaire
        , cd_qnaire_tid
        , cd_q_id
        , cd_q_tid
        , channel_id
    FROM countdown.question_ask
    WHERE
        "timestamp" BETWEEN @start_ts AND @end_ts AND NOT cd_q_tid IS NULL
), asks_before_interval AS (
    SELECT DISTINCT
        cd_q_tid
    FROM countdown.question_ask
    WHERE
        "timestamp" >= @start_ts::TIMESTAMPTZ - INTERVAL '7' DAY
        AND "timestamp" < @start_ts::TIMESTAMPTZ
        AND NOT cd_q_tid IS NULL
), first_asks AS (
    SELECT
        asks.id
        , asks.user_id
        , asks."timestamp"
        , asks.cd_qnaire
        , asks.cd_qnaire_tid
        , asks.cd_q_id
        , asks.cd_q_tid
        , asks.channel_id
    FROM asks
    LEFT JOIN asks_before_interval
        ON asks.cd_q_tid = asks_before_interval.cd_q_tid
    WHERE
        asks_before_interval.cd_q_tid IS NULL
    QUALIFY
        ROW_NUMBER() OVER (PARTITION BY asks.cd_q_tid ORDER BY asks."timestamp", asks.received_at, asks.id) = 1
)
SELECT
    cd_q_tid::TEXT AS question_tid /* Question instance id */
    , cd_qnaire_tid::TEXT AS qnaire_tid /* Questionnaire instance id */
    , "timestamp"::TIMESTAMPTZ AS "timestamp" /* Time the question was asked (UTC) */
    , @to_est("timestamp")::TIMESTAMP AS timestamp_est /* Time the question was asked, Montreal local time (naive) */
    , user_id::TEXT AS user_id /* Scribe user id of the patient */
    , channel_id::TEXT AS episode_id /* Episode (messaging channel) the questionnaire ran in */
    , cd_qnaire::TEXT AS qnaire /* Questionnaire name (dxa, channel_selection, ...) */
    , cd_q_id::TEXT AS question_id /* Question name (e.g. select_channel, iQR_doul_intense) */
    , id::TEXT AS event_id /* Segment event id of the first ask */
FROM first_asks
