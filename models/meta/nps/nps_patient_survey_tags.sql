MODEL (
    name analytics.nps_patient_survey_tags,
    kind FULL,
    cron '0 7 * * *',
    owner analytics,
    grain (survey_id, tag, contract_id),
    tags (meta, nps, pii),
    audits (
        unique_combination_of_columns(columns := (survey_id, tag, contract_id))
        , not_null(columns := (survey_id, tag, sentiment))
        , accepted_values("column" := sentiment, is_in := ('positive', 'negative'))
    ),
    description 'One row per tag with a sentiment (positive or negative; neutral tags are dropped) on a patient NPS response, and per contract of the respondent: the tags of delighted_survey_tags_patient with the response and respondent attributes of nps_patient_survey (category, comment, episode, organization, contract, family member type, language, province, gender). A response counted under two contracts in nps_patient_survey gives two rows per tag. Tags of responses that nps_patient_survey leaves out (no Scribe member matched) are kept with null attributes and a null contract_id, as in the original (left join). FULL, refreshed by the 07:00 UTC run like its FULL parents.'
);

WITH tags AS (
    SELECT
        survey_id
        , tag
        , sentiment
    FROM analytics.delighted_survey_tags_patient
    WHERE
        sentiment IN ('positive', 'negative')
), surveys AS (
    SELECT
        survey_id
        , episode_id
        , user_id
        , category
        , comment
        , "timestamp"
        , organization_name
        , contract_id
        , family_member_type
        , "language"
        , residence_province
        , gender
    FROM analytics.nps_patient_survey
)
SELECT
    tags.survey_id::TEXT AS survey_id /* Survey response (md5 of the language and the Delighted response id) */
    , surveys.episode_id::TEXT AS episode_id /* Episode the survey was about */
    , surveys.user_id::TEXT AS user_id /* Scribe user id of the respondent */
    , surveys.category::TEXT AS category /* promoter (9-10), passive (7-8) or detractor (0-6) */
    , surveys.comment::TEXT AS comment /* [PII] Free-text comment of the respondent */
    , surveys."timestamp"::TIMESTAMPTZ AS created_at /* Time of the response (UTC) */
    , tags.tag::TEXT AS tag /* Tag text without its sentiment prefix */
    , tags.sentiment::TEXT AS sentiment /* positive or negative */
    , surveys.organization_name::TEXT AS organization_name /* Name of the organization of the contract */
    , surveys.contract_id::BIGINT AS contract_id /* Contract of the respondent at the response time; null when none or the response is not in nps_patient_survey */
    , surveys.family_member_type::TEXT AS family_member_type /* Employee, Dependent or Child */
    , surveys."language"::TEXT AS "language" /* Language of the member: FR or EN */
    , surveys.residence_province::TEXT AS residence_province /* Province of residence (full name) */
    , surveys.gender::TEXT AS gender /* M, F or N/A */
FROM tags
LEFT JOIN surveys
    ON tags.survey_id = surveys.survey_id
