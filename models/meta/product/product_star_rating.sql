MODEL (
    name analytics.product_star_rating,
    kind FULL,
    cron '0 7 * * *',
    owner analytics,
    grain (episode_id, contract_id),
    tags (meta, product, ratings),
    audits (
        unique_combination_of_columns(columns := (episode_id, contract_id))
        , not_null(columns := (episode_id, rating, user_id, "timestamp", contract_id))
        , accepted_range("column" := rating, min_v := 0, max_v := 5)
    ),
    description 'One row per rated episode and contract of the rating patient: the latest 0-5 star rating of the episode (episodes_ratings), the patient who submitted it (the latest rating event of the episode in patientapp_answer_submitted) and every contract of that patient valid at the rating time (user_contract, coverage [during_start, during_end) in UTC) with its organization and Salesforce account. A rating whose patient has no contract at that time has no row (inner join, as in the original). FULL, rebuilt by the daily 07:00 UTC run.'
);

WITH ratings AS (
    SELECT
        episode_id
        , rating
        , rated_at
    FROM analytics.episodes_ratings
), rating_events AS (
    SELECT
        event_id
        , episode_id
        , user_id
        , "timestamp"
    FROM analytics.patientapp_answer_submitted
    WHERE
        NOT rating IS NULL
), raters AS (
    /* the patient of the latest rating event of each episode */
    SELECT
        episode_id
        , user_id
    FROM rating_events
    QUALIFY
        ROW_NUMBER() OVER (PARTITION BY episode_id ORDER BY "timestamp" DESC, event_id DESC) = 1
), contracts AS (
    SELECT
        user_id
        , contract_id
        , organization_id
        , organization_name
        , account_id
        , account_name
        , during_start
        , during_end
    FROM analytics.user_contract
)
SELECT
    ratings.episode_id::TEXT AS episode_id /* Episode (messaging channel) rated */
    , ratings.rating::INT AS rating /* Latest star rating of the episode, 0 to 5 */
    , raters.user_id::TEXT AS user_id /* Scribe user id of the patient who submitted the rating */
    , ratings.rated_at::TIMESTAMPTZ AS "timestamp" /* When the latest rating was submitted (UTC) */
    , contracts.contract_id::BIGINT AS contract_id /* Contract of the patient valid at the rating time */
    , contracts.organization_id::BIGINT AS organization_id /* Organization of the contract */
    , contracts.organization_name::TEXT AS organization_name /* Name of the organization */
    , contracts.account_id::TEXT AS account_id /* Salesforce account of the organization (N/A when not linked) */
    , contracts.account_name::TEXT AS account_name /* Salesforce account name (N/A when not linked) */
FROM ratings
INNER JOIN raters
    ON ratings.episode_id = raters.episode_id
INNER JOIN contracts
    ON raters.user_id = contracts.user_id
    AND contracts.during_start <= ratings.rated_at
    AND ratings.rated_at < contracts.during_end
