MODEL (
    name analytics.episodes_cc_confirmed,
    kind INCREMENTAL_BY_UNIQUE_KEY (
        unique_key episode_id,
        lookback 72
    ),
    cron '0 6 * * *',
    interval_unit 'hour',
    owner analytics,
    grain episode_id,
    tags (meta, episodes, care),
    audits (
        unique_values(columns := (
            episode_id
        ))
        , not_null(columns := (episode_id, is_cc_confirmed, "timestamp"))
    ),
    description 'Whether the patient confirmed the chief complaint DXA proposed: one row per episode with an answer to the cc_confirmation question, from its first answer. cc_code is the answer label (the confirmed cc code, or cc_confirmation_other) and is_cc_confirmed is false for cc_confirmation_other. Incremental by unique key: each run recomputes only the episodes with an answer in the interval (72-hour lookback for late Segment events) and merges them on episode_id.'
);

WITH confirmations AS (
    SELECT
        episode_id
        , question_tid
        , cc_code
        , is_cc_confirmed
        , "timestamp"
    FROM analytics.countdown_cc_confirmed
), touched_episodes AS (
    SELECT DISTINCT
        episode_id
    FROM confirmations
    WHERE
        "timestamp" BETWEEN @start_ts AND @end_ts
), first_confirmations AS (
    SELECT
        confirmations.episode_id
        , confirmations.cc_code
        , confirmations.is_cc_confirmed
        , confirmations."timestamp"
    FROM confirmations
    INNER JOIN touched_episodes
        ON confirmations.episode_id = touched_episodes.episode_id
    QUALIFY
        ROW_NUMBER() OVER (PARTITION BY confirmations.episode_id ORDER BY confirmations."timestamp", confirmations.question_tid) = 1
)
SELECT
    episode_id::TEXT AS episode_id /* Episode (messaging channel) */
    , cc_code::TEXT AS cc_code /* Label of the first answer: the confirmed cc code, or cc_confirmation_other (exposed as cc_code_confirmed in episodes) */
    , is_cc_confirmed::BOOLEAN AS is_cc_confirmed /* The patient confirmed the chief complaint (false for cc_confirmation_other) */
    , "timestamp"::TIMESTAMPTZ AS "timestamp" /* Time of the first answer (UTC) */
    , @to_est("timestamp") AS timestamp_est /* Time of the first answer, Montreal local time (naive) */
FROM first_confirmations
