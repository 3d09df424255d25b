MODEL (
    name analytics.countdown_qnaire_paused,
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
    description 'One row per Countdown questionnaire instance paused because the patient typed free text instead of answering (Segment source countdown, table questionnaire_pause): the first pause per questionnaire instance (qnaire_tid), with the question being asked at that moment. Duplicate Segment deliveries are dropped, and so is a repeated pause of an instance already paused in the 7 days before the interval. qnaire is the original qnaire_name. Hourly intervals computed up to 06:00 UTC (the morning Segment load) by the 07:00 UTC run; the 72-hour lookback picks up late Segment deliveries.'
);

WITH pauses AS (
    SELECT
        id
        , "timestamp"
        , received_at
        , cd_qnaire
        , cd_qnaire_tid
        , cd_q_id
        , cd_q_tid
        , channel_id
    FROM countdown.questionnaire_pause
    WHERE
        "timestamp" BETWEEN @start_ts AND @end_ts AND NOT cd_qnaire_tid IS NULL
), pauses_before_interval AS (
    SELECT DISTINCT
        cd_qnaire_tid
    FROM countdown.questionnaire_pause
    WHERE
        "timestamp" >= @start_ts::TIMESTAMPTZ - INTERVAL '7' DAY
        AND "timestamp" < @start_ts::TIMESTAMPTZ
        AND NOT cd_qnaire_tid IS NULL
), first_pauses AS (
    SELECT
        pauses.id
        , pauses."timestamp"
        , pauses.cd_qnaire
        , pauses.cd_qnaire_tid
        , pauses.cd_q_id
        , pauses.cd_q_tid
        , pauses.channel_id
    FROM pauses
    LEFT JOIN pauses_before_interval
        ON pauses.cd_qnaire_tid = pauses_before_interval.cd_qnaire_tid
    WHERE
        pauses_before_interval.cd_qnaire_tid IS NULL
    QUALIFY
        ROW_NUMBER() OVER (PARTITION BY pauses.cd_qnaire_tid ORDER BY pauses."timestamp", pauses.received_at, pauses.id) = 1
)
SELECT
    cd_qnaire_tid::TEXT AS qnaire_tid /* Questionnaire instance id */
    , cd_q_tid::TEXT AS question_tid /* Instance id of the question being asked when the patient typed instead */
    , channel_id::TEXT AS episode_id /* Episode (messaging channel) the questionnaire ran in */
    , "timestamp"::TIMESTAMPTZ AS "timestamp" /* Time the questionnaire was paused (UTC) */
    , @to_est("timestamp")::TIMESTAMP AS timestamp_est /* Time the questionnaire was paused, Montreal local time (naive) */
    , cd_qnaire::TEXT AS qnaire /* Questionnaire name (dxa, ...) */
    , id::TEXT AS event_id /* Segment event id of the first pause */
    , cd_q_id::TEXT AS question_id /* Name of the question being asked */
FROM first_pauses
