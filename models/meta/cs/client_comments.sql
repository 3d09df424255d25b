MODEL (
    name analytics.client_comments,
    kind FULL,
    cron '0 7 * * *',
    owner analytics,
    grain (organization_name_id, "language"),
    tags (meta, cs, client, nps, pii),
    audits (
        unique_combination_of_columns(columns := (organization_name_id, "language"))
        , not_null(columns := (organization_name_id, "language", short_comment_first_most_recent))
    ),
    description 'Recent patient NPS comments for the client dashboard, per organization and member language: among the responses of nps_patient_survey that carry an organization (each response once per organization), the three most recent (by response time, ties by survey id) whose comment is 50 to 149 characters long (short_comment_first/second/third_most_recent) and the three most recent of 150 to 500 characters (long_comment_...). Only (organization, language) pairs with at least one short comment appear, as in the original (a pair with only long comments is left out). Free text written by patients: pii, never exposed to Tableau. FULL, rebuilt by the daily 07:00 UTC run.'
);

WITH responses AS (
    SELECT DISTINCT
        organization_id
        , "language"
        , survey_id
        , "timestamp"
        , comment
        , LENGTH(comment) AS comment_length
    FROM analytics.nps_patient_survey
    WHERE
        NOT organization_id IS NULL AND NOT comment IS NULL AND NOT "language" IS NULL
), organizations AS (
    SELECT
        organization_id
        , organization_name_id
    FROM analytics.organizations
), ranked AS (
    SELECT
        organization_id
        , "language"
        , comment
        , CASE WHEN comment_length >= 50 AND comment_length < 150 THEN 'short' ELSE 'long' END AS comment_size
        , ROW_NUMBER() OVER (PARTITION BY organization_id, "language", comment_length >= 150 ORDER BY "timestamp" DESC, survey_id) AS recency_rank
    FROM responses
    WHERE
        comment_length BETWEEN 50 AND 500
), pivoted AS (
    SELECT
        organization_id
        , "language"
        , MAX(CASE WHEN comment_size = 'short' AND recency_rank = 1 THEN comment END) AS short_comment_first_most_recent
        , MAX(CASE WHEN comment_size = 'short' AND recency_rank = 2 THEN comment END) AS short_comment_second_most_recent
        , MAX(CASE WHEN comment_size = 'short' AND recency_rank = 3 THEN comment END) AS short_comment_third_most_recent
        , MAX(CASE WHEN comment_size = 'long' AND recency_rank = 1 THEN comment END) AS long_comment_first_most_recent
        , MAX(CASE WHEN comment_size = 'long' AND recency_rank = 2 THEN comment END) AS long_comment_second_most_recent
        , MAX(CASE WHEN comment_size = 'long' AND recency_rank = 3 THEN comment END) AS long_comment_third_most_recent
    FROM ranked
    WHERE
        recency_rank <= 3
    GROUP BY
        organization_id
        , "language"
)
SELECT
    organizations.organization_name_id::TEXT AS organization_name_id /* "<organization_id> - <organization name>" */
    , pivoted."language"::TEXT AS "language" /* Language of the members: FR or EN */
    , pivoted.short_comment_first_most_recent::TEXT AS short_comment_first_most_recent /* [PII] Most recent comment of 50 to 149 characters */
    , pivoted.short_comment_second_most_recent::TEXT AS short_comment_second_most_recent /* [PII] Second most recent comment of 50 to 149 characters */
    , pivoted.short_comment_third_most_recent::TEXT AS short_comment_third_most_recent /* [PII] Third most recent comment of 50 to 149 characters */
    , pivoted.long_comment_first_most_recent::TEXT AS long_comment_first_most_recent /* [PII] Most recent comment of 150 to 500 characters */
    , pivoted.long_comment_second_most_recent::TEXT AS long_comment_second_most_recent /* [PII] Second most recent comment of 150 to 500 characters */
    , pivoted.long_comment_third_most_recent::TEXT AS long_comment_third_most_recent /* [PII] Third most recent comment of 150 to 500 characters */
FROM pivoted
INNER JOIN organizations
    ON pivoted.organization_id = organizations.organization_id
WHERE
    NOT pivoted.short_comment_first_most_recent IS NULL
