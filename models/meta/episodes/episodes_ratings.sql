MODEL (
    name analytics.episodes_ratings,
    kind INCREMENTAL_BY_UNIQUE_KEY (
        unique_key episode_id
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
        , not_null(columns := (episode_id, rating, rated_at))
        , accepted_range("column" := rating, min_v := 0, max_v := 5)
    ),
    description 'Star rating of each rated episode: the latest 0-5 rating the patient submitted in the patient app. Incremental by unique key: each run recomputes only the episodes rated in the run''s interval or the 72 hours before it (late deliveries) and merges them on episode_id.'
);

WITH ratings AS (
    SELECT
        event_id
        , episode_id
        , rating
        , "timestamp"
    FROM analytics.patientapp_answer_submitted
    WHERE
        NOT rating IS NULL
), touched_episodes AS (
    SELECT DISTINCT
        episode_id
    FROM ratings
    WHERE
        "timestamp" BETWEEN @start_ts::TIMESTAMPTZ - INTERVAL '72' HOUR AND @end_ts
), latest AS (
    SELECT
        ratings.episode_id
        , ratings.rating
        , ratings."timestamp"
    FROM ratings
    INNER JOIN touched_episodes
        ON ratings.episode_id = touched_episodes.episode_id
    QUALIFY
        ROW_NUMBER() OVER (PARTITION BY ratings.episode_id ORDER BY ratings."timestamp" DESC, ratings.event_id DESC) = 1
)
SELECT
    episode_id::TEXT AS episode_id /* Episode (messaging channel) */
    , rating::INT AS rating /* Latest star rating, 0 to 5 */
    , "timestamp"::TIMESTAMPTZ AS rated_at /* When the latest rating was submitted (UTC) */
FROM latest
