MODEL (
    name analytics.delighted_survey_additional_answers_patient,
    kind FULL,
    cron '0 7 * * *',
    owner analytics,
    grain (survey_id, answer_position),
    tags (transform, delighted, nps, pii),
    audits (
        unique_combination_of_columns(columns := (survey_id, answer_position))
        , not_null(columns := (survey_id, answer_position, "language"))
    ),
    description 'One row per additional answer (follow-up question after the score) of a patient NPS response, English and French projects together: the union of delighted_survey_additional_answers_patient_en and _fr, with the project language. survey_id joins delighted_survey_patient and nps_patient_survey. FULL, refreshed by the 07:00 UTC run like its two FULL parents (the tap rewrites responses in place; the table is small). Differs from the original: the language column is an addition (survey_id already encodes it); the unique audit on (survey_id, answer_position) is an addition.'
);

WITH answers_en AS (
    SELECT
        survey_id
        , answer_position
        , question
        , value
    FROM analytics.delighted_survey_additional_answers_patient_en
), answers_fr AS (
    SELECT
        survey_id
        , answer_position
        , question
        , value
    FROM analytics.delighted_survey_additional_answers_patient_fr
), unioned AS (
    SELECT
        survey_id
        , answer_position
        , question
        , value
        , 'en' AS "language"
    FROM answers_en
    UNION ALL
    SELECT
        survey_id
        , answer_position
        , question
        , value
        , 'fr' AS "language"
    FROM answers_fr
)
SELECT
    survey_id::TEXT AS survey_id /* Survey response: md5 of the language and the Delighted response id */
    , answer_position::BIGINT AS answer_position /* 0-based position of the answer within its response */
    , question::TEXT AS question /* The question as the tap wrote it (JSON-ish text: id, type, text) */
    , value::TEXT AS value /* [PII] The answer: free text or the chosen option */
    , "language"::TEXT AS "language" /* Delighted project of the response: en or fr */
FROM unioned
