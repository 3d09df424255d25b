MODEL (
    name analytics.episodes_chief_complaint,
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
        , not_null(columns := (episode_id, cc_code, "timestamp", dxa_trigger_type))
        , accepted_values("column" := dxa_trigger_type, is_in := ('automatically', 'manually', 'both', 'N/A'))
    ),
    description 'The chief complaint (cc) that launched DXA, one row per episode with one. Automatic: the NLP parse with the highest confidence (earliest on ties). Manual: the first /q dxa launch whose code exists in dimension_dxa_chief_complaints. cc_code, cc_label_en and timestamp prefer the automatic one; dxa_trigger_type says which kinds exist (automatically, manually, both). Differs from the original: manual launches come only from the messaging backend (the legacy Mattermost seed is not part of this project). Incremental by unique key: each run recomputes only the episodes with a parse or a launch in the interval (72-hour lookback for late Segment events), over their whole history, and merges them on episode_id.'
);

WITH parses AS (
    SELECT
        episode_id
        , event_id
        , cc_name
        , cc_confidence
        , "timestamp"
    FROM analytics.countdown_chief_complaint_parsed
    WHERE
        NOT episode_id IS NULL AND NOT cc_name IS NULL
), launches AS (
    SELECT
        episode_id
        , event_id
        , cc
        , "timestamp"
    FROM analytics.dxa_launched_cc
    WHERE
        is_known_cc
), chief_complaints AS (
    SELECT
        chief_complaint
        , description_en
    FROM analytics.dimension_dxa_chief_complaints
), touched_episodes AS (
    SELECT
        episode_id
    FROM parses
    WHERE
        "timestamp" BETWEEN @start_ts AND @end_ts
    UNION
    SELECT
        episode_id
    FROM launches
    WHERE
        "timestamp" BETWEEN @start_ts AND @end_ts
), automatic AS (
    SELECT
        parses.episode_id
        , parses.cc_name AS cc_code
        , parses.cc_confidence
        , parses."timestamp"
    FROM parses
    INNER JOIN touched_episodes
        ON parses.episode_id = touched_episodes.episode_id
    QUALIFY
        ROW_NUMBER() OVER (
            PARTITION BY parses.episode_id
            ORDER BY parses.cc_confidence DESC, parses."timestamp", parses.event_id
        ) = 1
), manual AS (
    SELECT
        launches.episode_id
        , launches.cc AS cc_code
        , launches."timestamp"
    FROM launches
    INNER JOIN touched_episodes
        ON launches.episode_id = touched_episodes.episode_id
    QUALIFY
        ROW_NUMBER() OVER (PARTITION BY launches.episode_id ORDER BY launches."timestamp", launches.event_id) = 1
), combined AS (
    SELECT
        touched_episodes.episode_id
        , automatic.cc_code AS cc_code_parsed
        , automatic.cc_confidence AS cc_code_parsed_confidence
        , automatic."timestamp" AS cc_code_parsed_timestamp
        , manual.cc_code AS cc_code_manual
        , manual."timestamp" AS cc_code_manual_timestamp
        , COALESCE(automatic.cc_code, manual.cc_code) AS cc_code
        , COALESCE(automatic."timestamp", manual."timestamp") AS "timestamp"
        , CASE
            WHEN NOT automatic.cc_code IS NULL AND NOT manual.cc_code IS NULL
            THEN 'both'
            WHEN NOT automatic.cc_code IS NULL
            THEN 'automatically'
            WHEN NOT manual.cc_code IS NULL
            THEN 'manually'
            ELSE 'N/A'
        END AS dxa_trigger_type
    FROM touched_episodes
    LEFT JOIN automatic
        ON touched_episodes.episode_id = automatic.episode_id
    LEFT JOIN manual
        ON touched_episodes.episode_id = manual.episode_id
    WHERE
        NOT automatic.cc_code IS NULL OR NOT manual.cc_code IS NULL
)
SELECT
    combined.episode_id::TEXT AS episode_id /* Episode (messaging channel) */
    , combined.cc_code::TEXT AS cc_code /* Chief complaint that launched DXA: the automatic one when parsed, else the manual one */
    , chief_complaints.description_en::TEXT AS cc_label_en /* English label of cc_code */
    , combined."timestamp"::TIMESTAMPTZ AS "timestamp" /* When DXA was triggered for cc_code (UTC): parse time, else launch time */
    , @to_est(combined."timestamp") AS timestamp_est /* Same, Montreal local time (naive) */
    , combined.cc_code_parsed::TEXT AS cc_code_parsed /* Highest-confidence chief complaint from the NLP parser */
    , combined.cc_code_parsed_confidence::DOUBLE AS cc_code_parsed_confidence /* Parser confidence of cc_code_parsed, 0 to 1 */
    , combined.cc_code_parsed_timestamp::TIMESTAMPTZ AS cc_code_parsed_timestamp /* Time of that parse (UTC) */
    , @to_est(combined.cc_code_parsed_timestamp) AS cc_code_parsed_timestamp_est /* Time of that parse, Montreal local time (naive) */
    , combined.cc_code_manual::TEXT AS cc_code_manual /* Chief complaint of the first manual /q dxa launch with a known code */
    , combined.cc_code_manual_timestamp::TIMESTAMPTZ AS cc_code_manual_timestamp /* Time of that launch (UTC) */
    , @to_est(combined.cc_code_manual_timestamp) AS cc_code_manual_timestamp_est /* Time of that launch, Montreal local time (naive) */
    , combined.dxa_trigger_type::TEXT AS dxa_trigger_type /* How DXA was triggered: automatically, manually, both (N/A never appears here; episodes fills it for episodes without a row) */
FROM combined
LEFT JOIN chief_complaints
    ON combined.cc_code = chief_complaints.chief_complaint
