MODEL (
    name analytics.delighted_survey_patient,
    kind FULL,
    cron '0 7 * * *',
    owner analytics,
    grain survey_id,
    tags (meta, nps, delighted, pii),
    audits (
        unique_values(columns := (
            survey_id
        ))
        , not_null(columns := (survey_id, "timestamp", score, category, "language", is_testimonial))
        , accepted_values("column" := category, is_in := ('promoter', 'passive', 'detractor'))
        , accepted_values("column" := "language", is_in := ('EN', 'FR'))
        , assert_nps_category_matches_score
    ),
    description 'One row per patient NPS response, English and French Delighted projects together, with its tags aggregated into one comma-separated list, the testimonial flag and the length of the comment. FULL, refreshed by the 07:00 UTC run (every consumer is rebuilt at 07:00 only): responses and tags change in place in Delighted and the table is small. Score categories: 0-6 detractor, 7-8 passive, 9-10 promoter.'
);

WITH responses_en AS (
    SELECT
        survey_id
        , response_id
        , "timestamp"
        , timestamp_est
        , updated_at
        , date_day
        , date_week
        , date_month
        , score
        , category
        , comment
        , person_id
        , email
        , episode_id
        , user_id
        , locale
        , organization_id
        , sex
        , "language"
    FROM analytics.delighted_survey_patient_en
), responses_fr AS (
    SELECT
        survey_id
        , response_id
        , "timestamp"
        , timestamp_est
        , updated_at
        , date_day
        , date_week
        , date_month
        , score
        , category
        , comment
        , person_id
        , email
        , episode_id
        , user_id
        , locale
        , organization_id
        , sex
        , "language"
    FROM analytics.delighted_survey_patient_fr
), tags AS (
    SELECT
        survey_id
        , tag
    FROM analytics.delighted_survey_tags_patient
), responses AS (
    SELECT
        survey_id
        , response_id
        , "timestamp"
        , timestamp_est
        , updated_at
        , date_day
        , date_week
        , date_month
        , score
        , category
        , comment
        , person_id
        , email
        , episode_id
        , user_id
        , locale
        , organization_id
        , sex
        , "language"
    FROM responses_en
    UNION ALL
    SELECT
        survey_id
        , response_id
        , "timestamp"
        , timestamp_est
        , updated_at
        , date_day
        , date_week
        , date_month
        , score
        , category
        , comment
        , person_id
        , email
        , episode_id
        , user_id
        , locale
        , organization_id
        , sex
        , "language"
    FROM responses_fr
), tags_by_survey AS (
    SELECT
        survey_id
        , @ordered_string_agg(tag, ', ', tag) AS tags
        , BOOL_OR(CAST(LOWER(tag) = 'testimonial' AS BOOLEAN)) AS is_testimonial
    FROM tags
    GROUP BY
        survey_id
)
SELECT
    responses.survey_id::TEXT AS survey_id /* md5 of the language and the Delighted response id */
    , responses.response_id::BIGINT AS response_id /* Delighted response id (unique within one language project) */
    , responses."timestamp"::TIMESTAMPTZ AS "timestamp" /* Time of the response (UTC) */
    , responses.timestamp_est::TIMESTAMP AS timestamp_est /* Time of the response, Montreal local time (naive) */
    , responses.updated_at::TIMESTAMPTZ AS updated_at /* Last update of the response in Delighted (UTC) */
    , responses.date_day::DATE AS date_day /* UTC day of the response */
    , responses.date_week::DATE AS date_week /* Monday of the UTC week of the response */
    , responses.date_month::DATE AS date_month /* First day of the UTC month of the response */
    , responses.score::INT AS score /* Likelihood to recommend, 0 to 10 */
    , responses.category::TEXT AS category /* promoter (9-10), passive (7-8) or detractor (0-6) */
    , responses.comment::TEXT AS comment /* [PII] Free-text comment of the respondent */
    , COALESCE(LENGTH(responses.comment), 0)::INT AS comment_char_length /* Characters in the comment (0 without comment) */
    , tags_by_survey.tags::TEXT AS tags /* Tags of the response, comma-separated in alphabetical order; null without tags */
    , COALESCE(tags_by_survey.is_testimonial, FALSE)::BOOLEAN AS is_testimonial /* The response is tagged "testimonial" (usable as a public quote) */
    , responses.person_id::TEXT AS person_id /* Delighted person id of the respondent */
    , responses.email::TEXT AS email /* [PII] Email address the survey was sent to (lower-cased) */
    , responses.episode_id::TEXT AS episode_id /* Episode the survey was sent about */
    , responses.user_id::TEXT AS user_id /* Scribe user id of the respondent when the survey carries it */
    , responses.locale::TEXT AS locale /* Locale of the survey */
    , responses.organization_id::BIGINT AS organization_id /* Scribe organization id carried by the survey */
    , responses.sex::TEXT AS sex /* Sex of the respondent carried by the survey */
    , responses."language"::TEXT AS "language" /* Language of the Delighted project: EN or FR */
FROM responses
LEFT JOIN tags_by_survey
    ON responses.survey_id = tags_by_survey.survey_id
