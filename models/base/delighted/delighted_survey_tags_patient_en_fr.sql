MODEL (
    name analytics.delighted_survey_tags_patient_@{lang},
    kind FULL,
    cron '0 7 * * *',
    owner analytics,
    grain (survey_id, tag),
    tags (base, delighted, nps),
    audits (
        unique_combination_of_columns(columns := (survey_id, tag))
        , not_null(columns := (survey_id, response_id, tag, sentiment))
        , accepted_values("column" := sentiment, is_in := ('positive', 'negative', 'neutral'))
    ),
    description @description,
    blueprints (
        (
            lang := 'en'
            , description := 'One row per tag a English patient NPS response carries (Delighted project patient_en, Singer tap child table survey_responses__tags). FULL, refreshed by the 07:00 UTC run (every consumer is rebuilt at 07:00 only), like its parent responses (the tap replicates the whole table). A tag such as "+ fast" or "- wait time" is split into the tag text and its sentiment (positive for a "+ " prefix, negative for "- ", neutral otherwise); repeated deliveries of the same tag are collapsed.'
        )
        , (
            lang := 'fr'
            , description := 'One row per tag a French patient NPS response carries (Delighted project patient_fr, Singer tap child table survey_responses__tags). FULL, refreshed by the 07:00 UTC run (every consumer is rebuilt at 07:00 only), like its parent responses (the tap replicates the whole table). A tag such as "+ fast" or "- wait time" is split into the tag text and its sentiment (positive for a "+ " prefix, negative for "- ", neutral otherwise); repeated deliveries of the same tag are collapsed.'
        )
    )
);

WITH tags AS (
    SELECT
        _sdc_source_key_id
        , _sdc_value
    FROM tap_delighted_patient_@{lang}.survey_responses__tags
    WHERE
        NOT _sdc_source_key_id IS NULL AND NOT NULLIF(TRIM(_sdc_value), '') IS NULL
), split AS (
    SELECT DISTINCT
        _sdc_source_key_id AS response_id
        , CASE
            WHEN STARTS_WITH(TRIM(_sdc_value), '+ ')
            THEN 'positive'
            WHEN STARTS_WITH(TRIM(_sdc_value), '- ')
            THEN 'negative'
            ELSE 'neutral'
        END AS sentiment
        , CASE
            WHEN STARTS_WITH(TRIM(_sdc_value), '+ ') OR STARTS_WITH(TRIM(_sdc_value), '- ')
            THEN TRIM(SUBSTRING(TRIM(_sdc_value), 3))
            ELSE TRIM(_sdc_value)
        END AS tag
    FROM tags
)
SELECT
    MD5(@lang || response_id::TEXT)::TEXT AS survey_id /* Survey response (md5 of the language and the Delighted response id) */
    , response_id::BIGINT AS response_id /* Delighted response id (unique within its Delighted project only: patient_en or patient_fr) */
    , tag::TEXT AS tag /* Tag text without its sentiment prefix */
    , sentiment::TEXT AS sentiment /* positive ("+ " prefix), negative ("- " prefix) or neutral */
FROM split
QUALIFY
    ROW_NUMBER() OVER (PARTITION BY response_id, tag ORDER BY sentiment) = 1
