MODEL (
    name analytics.delighted_survey_tags_patient,
    kind FULL,
    cron '0 7 * * *',
    owner analytics,
    grain (survey_id, tag),
    tags (meta, nps, delighted),
    audits (
        unique_combination_of_columns(columns := (survey_id, tag))
        , not_null(columns := (survey_id, tag, sentiment, "language"))
        , accepted_values("column" := sentiment, is_in := ('positive', 'negative', 'neutral'))
        , accepted_values("column" := "language", is_in := ('EN', 'FR'))
    ),
    description 'One row per tag of a patient NPS response, English and French Delighted projects together. FULL, refreshed by the 07:00 UTC run (every consumer is rebuilt at 07:00 only) like its small base tables. survey_id is language-salted in the bases, so the union cannot collide.'
);

WITH tags_en AS (
    SELECT
        survey_id
        , tag
        , sentiment
    FROM analytics.delighted_survey_tags_patient_en
), tags_fr AS (
    SELECT
        survey_id
        , tag
        , sentiment
    FROM analytics.delighted_survey_tags_patient_fr
), unioned AS (
    SELECT
        survey_id
        , tag
        , sentiment
        , 'EN' AS "language"
    FROM tags_en
    UNION ALL
    SELECT
        survey_id
        , tag
        , sentiment
        , 'FR' AS "language"
    FROM tags_fr
)
SELECT
    survey_id::TEXT AS survey_id /* Survey response (md5 of the language and the Delighted response id) */
    , tag::TEXT AS tag /* Tag text without its sentiment prefix */
    , sentiment::TEXT AS sentiment /* positive, negative or neutral */
    , "language"::TEXT AS "language" /* Language of the Delighted project: EN or FR */
FROM unioned
