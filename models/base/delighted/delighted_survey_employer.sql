MODEL (
    name analytics.delighted_survey_employer,
    kind FULL,
    cron '0 7 * * *',
    owner analytics,
    grain survey_id,
    tags (base, delighted, nps, pii),
    audits (
        unique_values(columns := (
            survey_id
        ))
        , not_null(columns := (survey_id, score, category))
        , accepted_values("column" := category, is_in := ('promoter', 'passive', 'detractor'))
    ),
    description 'One row per response to the deprecated employer NPS survey (Delighted project employer, Singer tap table survey_responses; responses from 2017-2018). No consumer: kept so the original name still answers. FULL, refreshed by the 07:00 UTC run: the tap rewrites responses in place and the table is tiny. Epoch times become timestamps (created_at and timestamp are both the response time); survey_id is the Delighted response id; the 0-10 score gets its NPS category (detractor below 7, passive 7-8, promoter 9-10). Tap re-deliveries of the same response keep the latest update; responses without a score are dropped (the original tested score not null).'
);

WITH responses AS (
    SELECT
        id
        , created_at
        , updated_at
        , score
        , comment
    FROM tap_delighted_employer.survey_responses
    WHERE
        NOT id IS NULL AND NOT score IS NULL AND NOT created_at IS NULL
), deduplicated AS (
    SELECT
        id
        , updated_at
        , score
        , comment
        , TO_TIMESTAMP(created_at) AS responded_at
    FROM responses
    QUALIFY
        ROW_NUMBER() OVER (PARTITION BY id ORDER BY updated_at DESC) = 1
)
SELECT
    responded_at::TIMESTAMPTZ AS created_at /* Time of the response (UTC) */
    , responded_at::TIMESTAMPTZ AS "timestamp" /* Time of the response (UTC), same as created_at */
    , TO_TIMESTAMP(updated_at)::TIMESTAMPTZ AS updated_at /* Last update of the response in Delighted (UTC) */
    , @to_utc(responded_at)::DATE AS date_day /* UTC day of the response */
    , DATE_TRUNC('WEEK', @to_utc(responded_at))::DATE AS date_week /* Monday of the UTC week of the response */
    , DATE_TRUNC('MONTH', @to_utc(responded_at))::DATE AS date_month /* First day of the UTC month of the response */
    , id::BIGINT AS survey_id /* Delighted response id */
    , score::INT AS score /* Likelihood to recommend, 0 to 10 */
    , CASE WHEN score >= 9 THEN 'promoter' WHEN score >= 7 THEN 'passive' ELSE 'detractor' END::TEXT AS category /* NPS category: promoter (9-10), passive (7-8) or detractor (0-6) */
    , NULLIF(TRIM(comment), '')::TEXT AS comment /* [PII] Free-text comment of the respondent */
FROM deduplicated
