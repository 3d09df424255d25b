MODEL (
    name analytics.nps_patient_survey,
    kind FULL,
    cron '0 7 * * *',
    owner analytics,
    grain (survey_id, contract_id),
    tags (meta, nps, pii),
    audits (
        unique_combination_of_columns(columns := (survey_id, contract_id))
        , not_null(columns := (survey_id, user_id, "timestamp", score, category))
        , accepted_values("column" := category, is_in := ('promoter', 'passive', 'detractor'))
        , accepted_values("column" := family_member_type, is_in := ('Employee', 'Dependent', 'Child'))
        , assert_nps_category_matches_score
    ),
    description 'One row per attributed patient NPS response (nps_patient_survey_with_user_id) and contract of the respondent active at the response time (UTC contract bounds): organization, account, family member type, province and region of residence, gender and language; plus the outcome, outcome category and issue type of the episode the survey was about. A respondent covered by two contracts at that time gets two rows; a respondent without an active contract keeps one row with a null contract. FULL, rebuilt by the daily 07:00 UTC run: small, and contracts and episode outcomes change in place.'
);

WITH surveys AS (
    SELECT
        survey_id
        , user_id
        , "timestamp"
        , date_week
        , date_month
        , score
        , category
        , comment
        , tags
        , episode_id
        , "language"
    FROM analytics.nps_patient_survey_with_user_id
), contracts AS (
    SELECT
        user_id
        , contract_id
        , organization_id
        , organization_name
        , account_id
        , account_name
        , family_member_type
        , residence_province
        , residence_region
        , gender
        , "language"
        , during_start
        , during_end
    FROM analytics.user_contract
), outcomes AS (
    SELECT
        episode_id
        , outcome
        , outcome_category
    FROM analytics.episodes_outcomes
), issue_types AS (
    SELECT
        episode_id
        , issue_type
    FROM analytics.episodes_issue_types
)
SELECT
    surveys.survey_id::TEXT AS survey_id /* md5 of the language and the Delighted response id */
    , contracts.contract_id::BIGINT AS contract_id /* Contract of the respondent active at the response time; null when none */
    , surveys.user_id::TEXT AS user_id /* Scribe user id of the respondent */
    , surveys."timestamp"::TIMESTAMPTZ AS "timestamp" /* Time of the response (UTC) */
    , surveys.date_week::DATE AS date_week /* Monday of the UTC week of the response */
    , surveys.date_month::DATE AS date_month /* First day of the UTC month of the response */
    , surveys.score::INT AS score /* Likelihood to recommend, 0 to 10 */
    , surveys.category::TEXT AS category /* promoter (9-10), passive (7-8) or detractor (0-6) */
    , surveys.comment::TEXT AS comment /* [PII] Free-text comment of the respondent */
    , surveys.tags::TEXT AS tags /* Tags of the response, comma-separated */
    , surveys."language"::TEXT AS survey_language /* Language of the Delighted project: EN or FR */
    , contracts.organization_id::BIGINT AS organization_id /* Organization of the contract */
    , contracts.organization_name::TEXT AS organization_name /* Name of the organization */
    , contracts.account_id::TEXT AS account_id /* Salesforce account of the organization */
    , contracts.account_name::TEXT AS account_name /* Salesforce account name */
    , contracts.family_member_type::TEXT AS family_member_type /* Employee, Dependent or Child */
    , contracts.residence_province::TEXT AS residence_province /* Province of residence (full name) */
    , contracts.residence_region::TEXT AS residence_region /* Region of the province of residence */
    , contracts.gender::TEXT AS gender /* M, F or N/A */
    , contracts."language"::TEXT AS "language" /* Language of the member: FR or EN */
    , surveys.episode_id::TEXT AS episode_id /* Episode the survey was about */
    , outcomes.outcome::TEXT AS outcome /* Outcome of that episode */
    , outcomes.outcome_category::TEXT AS outcome_category /* Outcome category of that episode */
    , issue_types.issue_type::TEXT AS issue_type /* Issue type of that episode */
FROM surveys
LEFT JOIN contracts
    ON surveys.user_id = contracts.user_id
    AND contracts.during_start <= surveys."timestamp"
    AND surveys."timestamp" < contracts.during_end
LEFT JOIN outcomes
    ON surveys.episode_id = outcomes.episode_id
LEFT JOIN issue_types
    ON surveys.episode_id = issue_types.episode_id
