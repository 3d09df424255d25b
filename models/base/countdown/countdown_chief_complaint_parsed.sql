MODEL (
    name analytics.countdown_chief_complaint_parsed,
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
    )), not_null(columns := (event_id, "timestamp"))),
    description 'One row per chief-complaint classification by Countdown''s NLP parser (Segment source countdown, table chief_complaint_parsed): the chief complaint (cc code) guessed from the patient''s first messages, with its confidence. Duplicate Segment deliveries of the same event id are dropped, keeping the first received. Hourly intervals computed up to 06:00 UTC (the morning Segment load) by the 07:00 UTC run, since every consumer is rebuilt at 07:00 only; the 72-hour lookback picks up late Segment deliveries.'
);

WITH parses AS (
    SELECT
        id
        , user_id
        , "timestamp"
        , received_at
        , episode_id
        , cc_name
        , cc_confidence
        , confidence_threshold
    FROM countdown.chief_complaint_parsed
    WHERE
        "timestamp" BETWEEN @start_ts AND @end_ts
), deduplicated AS (
    SELECT
        id
        , user_id
        , "timestamp"
        , episode_id
        , cc_name
        , cc_confidence
        , confidence_threshold
    FROM parses
    QUALIFY
        ROW_NUMBER() OVER (PARTITION BY id ORDER BY received_at, "timestamp") = 1
)
SELECT
    id::TEXT AS event_id /* Segment event id */
    , episode_id::TEXT AS episode_id /* Episode (messaging channel) whose messages were classified */
    , user_id::TEXT AS user_id /* Scribe user id of the patient */
    , LOWER(TRIM(cc_name))::TEXT AS cc_name /* Chief complaint code guessed by the parser (cc1 ... cc33, see dimension_dxa_chief_complaints) */
    , cc_confidence::DOUBLE AS cc_confidence /* Parser confidence in the guess, 0 to 1 */
    , confidence_threshold::DOUBLE AS confidence_threshold /* Confidence threshold the parser applied at the time, 0 to 1 */
    , "timestamp"::TIMESTAMPTZ AS "timestamp" /* Time of the classification (UTC) */
    , @to_est("timestamp") AS timestamp_est /* Time of the classification, Montreal local time (naive) */
FROM deduplicated
