MODEL (
    name analytics.episodes_nps,
    kind FULL,
    cron '0 7 * * *',
    owner analytics,
    grain episode_id,
    tags (meta, episodes, nps),
    audits (
        unique_values(columns := (
            episode_id
        ))
        , not_null(columns := (episode_id, survey_id, score, nps_score, category, nps_category, "timestamp"))
        , accepted_values("column" := category, is_in := ('promoter', 'passive', 'detractor'))
        , assert_nps_category_matches_score
    ),
    description 'One row per episode with a patient NPS response: the latest response carrying that episode_id (English or French project). FULL, refreshed by the 07:00 UTC run (every consumer is rebuilt at 07:00 only): a per-episode rollup over all responses, which is small. score/category are also exposed as nps_score/nps_category, the names episodes uses.'
);

WITH responses AS (
    SELECT
        survey_id
        , episode_id
        , "timestamp"
        , score
        , category
    FROM analytics.delighted_survey_patient
    WHERE
        NOT episode_id IS NULL
), latest AS (
    SELECT
        survey_id
        , episode_id
        , "timestamp"
        , score
        , category
    FROM responses
    QUALIFY
        ROW_NUMBER() OVER (PARTITION BY episode_id ORDER BY "timestamp" DESC, survey_id DESC) = 1
)
SELECT
    episode_id::TEXT AS episode_id /* Episode (messaging channel) the survey was about */
    , survey_id::TEXT AS survey_id /* Latest survey response about the episode */
    , "timestamp"::TIMESTAMPTZ AS "timestamp" /* Time of that response (UTC) */
    , score::INT AS score /* Likelihood to recommend, 0 to 10, of the latest response */
    , score::INT AS nps_score /* Same as score (name used by episodes) */
    , category::TEXT AS category /* promoter, passive or detractor */
    , category::TEXT AS nps_category /* Same as category (name used by episodes) */
FROM latest
