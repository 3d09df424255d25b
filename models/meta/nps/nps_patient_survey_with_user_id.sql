MODEL (
    name analytics.nps_patient_survey_with_user_id,
    kind FULL,
    cron '0 7 * * *',
    owner analytics,
    grain survey_id,
    tags (meta, nps, pii),
    audits (
        unique_values(columns := (
            survey_id
        ))
        , not_null(columns := (survey_id, user_id, user_id_source, "timestamp", score, category))
        , accepted_values("column" := category, is_in := ('promoter', 'passive', 'detractor'))
        , accepted_values("column" := user_id_source, is_in := ('survey', 'email'))
    ),
    description 'One row per patient NPS response that can be attributed to a Scribe user: the user id the survey carries (person property) or, when it carries none, the Scribe user with the same email (case-insensitive; the smallest user id when several share the email). Responses with neither are dropped. FULL, refreshed by the 07:00 UTC run (every consumer is rebuilt at 07:00 only): a small table over all responses. Differs from the original: the original inner-joined on email and dropped responses whose email matched no Scribe user even when the survey carried a user_id; those are kept here.'
);

WITH responses AS (
    SELECT
        survey_id
        , "timestamp"
        , timestamp_est
        , date_day
        , date_week
        , date_month
        , score
        , category
        , comment
        , tags
        , is_testimonial
        , email
        , episode_id
        , user_id
        , locale
        , "language"
    FROM analytics.delighted_survey_patient
), users AS (
    SELECT
        user_id
        , LOWER(TRIM(email)) AS email
    FROM analytics.scribe_users
    WHERE
        NOT NULLIF(TRIM(email), '') IS NULL
), user_by_email AS (
    SELECT
        email
        , user_id
    FROM users
    QUALIFY
        ROW_NUMBER() OVER (PARTITION BY email ORDER BY user_id) = 1
), attributed AS (
    SELECT
        responses.survey_id
        , responses."timestamp"
        , responses.timestamp_est
        , responses.date_day
        , responses.date_week
        , responses.date_month
        , responses.score
        , responses.category
        , responses.comment
        , responses.tags
        , responses.is_testimonial
        , responses.email
        , responses.episode_id
        , responses.locale
        , responses."language"
        , COALESCE(responses.user_id, user_by_email.user_id) AS user_id
        , CASE WHEN NOT responses.user_id IS NULL THEN 'survey' ELSE 'email' END AS user_id_source
    FROM responses
    LEFT JOIN user_by_email
        ON responses.email = user_by_email.email
)
SELECT
    survey_id::TEXT AS survey_id /* md5 of the language and the Delighted response id */
    , user_id::TEXT AS user_id /* Scribe user id of the respondent */
    , user_id_source::TEXT AS user_id_source /* survey (person property) or email (matched on the Scribe user email) */
    , "timestamp"::TIMESTAMPTZ AS "timestamp" /* Time of the response (UTC) */
    , timestamp_est::TIMESTAMP AS timestamp_est /* Time of the response, Montreal local time (naive) */
    , date_day::DATE AS date_day /* UTC day of the response */
    , date_week::DATE AS date_week /* Monday of the UTC week of the response */
    , date_month::DATE AS date_month /* First day of the UTC month of the response */
    , score::INT AS score /* Likelihood to recommend, 0 to 10 */
    , category::TEXT AS category /* promoter (9-10), passive (7-8) or detractor (0-6) */
    , comment::TEXT AS comment /* [PII] Free-text comment of the respondent */
    , tags::TEXT AS tags /* Tags of the response, comma-separated */
    , is_testimonial::BOOLEAN AS is_testimonial /* The response is tagged "testimonial" */
    , email::TEXT AS email /* [PII] Email address the survey was sent to (lower-cased) */
    , episode_id::TEXT AS episode_id /* Episode the survey was sent about */
    , locale::TEXT AS locale /* Locale of the survey */
    , "language"::TEXT AS "language" /* Language of the Delighted project: EN or FR */
FROM attributed
WHERE
    NOT user_id IS NULL
