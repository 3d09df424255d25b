MODEL (
    name analytics.delighted_survey_additional_answers_patient_@{lang},
    kind FULL,
    cron '0 7 * * *',
    owner analytics,
    grain (survey_id, answer_position),
    tags (base, delighted, nps, pii),
    audits (
        unique_combination_of_columns(columns := (survey_id, answer_position))
        , not_null(columns := (survey_id, answer_position))
    ),
    description @description,
    blueprints (
        (
            lang := 'en'
            , description := 'One row per additional answer (follow-up question after the score) of a response to the English patient NPS survey (Delighted project patient_en, Singer tap table survey_responses__additional_answers). survey_id is built like delighted_survey_patient_en.survey_id (md5 of the language and the parent response id) so the two join; answer_position is the 0-based position of the answer within its response. question and value stay the unparsed JSON-ish text the tap wrote (as in the original, which left parsing as a TODO); value is free text. Tap re-deliveries of the same answer keep the latest sync. FULL, refreshed by the 07:00 UTC run: the tap rewrites responses in place and the table is small.'
        )
        , (
            lang := 'fr'
            , description := 'One row per additional answer (follow-up question after the score) of a response to the French patient NPS survey (Delighted project patient_fr, Singer tap table survey_responses__additional_answers). survey_id is built like delighted_survey_patient_fr.survey_id (md5 of the language and the parent response id) so the two join; answer_position is the 0-based position of the answer within its response. question and value stay the unparsed JSON-ish text the tap wrote (as in the original, which left parsing as a TODO); value is free text. Tap re-deliveries of the same answer keep the latest sync. FULL, refreshed by the 07:00 UTC run: the tap rewrites responses in place and the table is small.'
        )
    )
);

WITH answers AS (
    SELECT
        _sdc_source_key_id
        , _sdc_level_0_id
        , question
        , value
        , _sdc_batched_at
    FROM tap_delighted_patient_@{lang}.survey_responses__additional_answers
    WHERE
        NOT _sdc_source_key_id IS NULL AND NOT _sdc_level_0_id IS NULL
), deduplicated AS (
    SELECT
        _sdc_source_key_id
        , _sdc_level_0_id
        , question
        , value
    FROM answers
    QUALIFY
        ROW_NUMBER() OVER (PARTITION BY _sdc_source_key_id, _sdc_level_0_id ORDER BY _sdc_batched_at DESC) = 1
)
SELECT
    MD5(@lang || _sdc_source_key_id::TEXT)::TEXT AS survey_id /* Survey response: md5 of the language and the Delighted response id (joins delighted_survey_patient_<lang>) */
    , _sdc_level_0_id::BIGINT AS answer_position /* 0-based position of the answer within its response */
    , question::TEXT AS question /* The question as the tap wrote it (JSON-ish text: id, type, text) */
    , value::TEXT AS value /* [PII] The answer: free text or the chosen option */
FROM deduplicated
