MODEL (
    name analytics.countdown_qnaire_@{event},
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
    tags (base, countdown, care),
    audits (unique_values(columns := (
            event_id
    )), not_null(columns := (event_id, qnaire_tid, "timestamp"))),
    description @description,
    blueprints (
        (
            event := 'started'
            , source_table := 'questionnaire_start'
            , description := 'One row per Countdown questionnaire start (Segment source countdown, table questionnaire_start). Duplicate Segment deliveries of the same event id are dropped, keeping the first received. Hourly intervals computed up to 06:00 UTC (the morning Segment load) by the 07:00 UTC run, since every consumer is rebuilt at 07:00 only; the 72-hour lookback picks up late Segment deliveries.'
        )
        , (
            event := 'resumed'
            , source_table := 'questionnaire_resume'
            , description := 'One row per Countdown questionnaire resume (Segment source countdown, table questionnaire_resume): the patient came back to a paused questionnaire. Every resume is kept. Duplicate Segment deliveries of the same event id are dropped, keeping the first received. Hourly intervals computed up to 06:00 UTC (the morning Segment load) by the 07:00 UTC run, since every consumer is rebuilt at 07:00 only; the 72-hour lookback picks up late Segment deliveries.'
        )
    )
);

WITH events AS (
    SELECT
        id
        , user_id
        , "timestamp"
        , received_at
        , cd_qnaire
        , cd_qnaire_tid
        , channel_id
    FROM countdown.@{source_table}
    WHERE
        "timestamp" BETWEEN @start_ts AND @end_ts AND NOT cd_qnaire_tid IS NULL
), deduplicated AS (
    SELECT
        id
        , user_id
        , "timestamp"
        , cd_qnaire
        , cd_qnaire_tid
        , channel_id
    FROM events
    QUALIFY
        ROW_NUMBER() OVER (PARTITION BY id ORDER BY received_at, "timestamp") = 1
)
SELECT
    channel_id::TEXT AS episode_id /* Episode (messaging channel) the questionnaire runs in */
    , "timestamp"::TIMESTAMPTZ AS "timestamp" /* Time of the event (UTC): the questionnaire started (countdown_qnaire_started) or resumed (countdown_qnaire_resumed) */
    , @to_est("timestamp") AS timestamp_est /* Time of the event, Montreal local time (naive) */
    , cd_qnaire_tid::TEXT AS qnaire_tid /* Questionnaire instance id */
    , cd_qnaire::TEXT AS qnaire /* Questionnaire name (top_level_greeting, dxa, channel_selection, ...) */
    , cd_qnaire::TEXT AS qnaire_name /* Questionnaire name (same as qnaire; kept for compatibility with the original) */
    , user_id::TEXT AS user_id /* Scribe user id of the patient */
    , id::TEXT AS event_id /* Segment event id */
FROM deduplicated
