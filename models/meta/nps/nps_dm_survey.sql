MODEL (
    name analytics.nps_dm_survey,
    kind FULL,
    cron '0 7 * * *',
    owner analytics,
    grain (source, email, "timestamp"),
    tags (meta, nps, cs, pii),
    audits (
        not_null(columns := (source, score, category, "timestamp"))
        , accepted_values("column" := category, is_in := ('promoter', 'passive', 'detractor'))
        , accepted_values("column" := source, is_in := ('typeform', 'delighted'))
        , unique_combination_of_columns_non_blocking(columns := (source, email, "timestamp"))
    ),
    description 'Decision-maker NPS answers from both collection tools: one row per answer, the Typeform answers (typeform_nps_dm_survey) stacked on the Delighted decision-maker survey responses (delighted_survey_decision_maker) on their common columns, with source telling which (typeform or delighted, an addition) and date_month the first day of the UTC month of the answer. The answer''s organization (organizations) gives organization_name and account_name, N/A when unknown. The original had no key; a non-blocking audit flags two answers of the same source, email and time. FULL, rebuilt by the daily 07:00 UTC run.'
);

WITH typeform AS (
    SELECT
        email
        , organization_id
        , score
        , category
        , comment
        , "timestamp"
        , updated_at
        , contact_type
        , month_since_billing_start_date
    FROM analytics.typeform_nps_dm_survey
), delighted AS (
    SELECT
        email
        , organization_id
        , score
        , category
        , comment
        , "timestamp"
        , updated_at
        , contact_type
        , month_since_billing_start_date
    FROM analytics.delighted_survey_decision_maker
), organizations AS (
    SELECT
        organization_id
        , organization_name
        , account_name
    FROM analytics.organizations
), answers AS (
    SELECT
        'typeform' AS source
        , email
        , organization_id
        , score
        , category
        , comment
        , "timestamp"
        , updated_at
        , contact_type
        , month_since_billing_start_date
    FROM typeform
    UNION ALL
    SELECT
        'delighted' AS source
        , email
        , organization_id
        , score
        , category
        , comment
        , "timestamp"
        , updated_at
        , contact_type
        , month_since_billing_start_date
    FROM delighted
)
SELECT
    answers.source::TEXT AS source /* Collection tool: typeform or delighted */
    , answers.email::TEXT AS email /* [PII] Email the survey was sent to (empty for Typeform answers) */
    , answers.organization_id::BIGINT AS organization_id /* Scribe organization of the decision maker */
    , answers.score::INT AS score /* Likelihood to recommend, 0 to 10 */
    , answers.category::TEXT AS category /* NPS category: promoter (9-10), passive (7-8) or detractor (0-6) */
    , answers.comment::TEXT AS comment /* [PII] Free-text comment of the respondent (empty for Typeform answers) */
    , answers."timestamp"::TIMESTAMPTZ AS "timestamp" /* Time of the answer (UTC) */
    , answers.updated_at::TIMESTAMPTZ AS updated_at /* Last update of the answer (UTC) */
    , answers.contact_type::TEXT AS contact_type /* Salesforce contact type of the respondent (empty for Typeform answers) */
    , answers.month_since_billing_start_date::BIGINT AS month_since_billing_start_date /* Whole 30-day months from the organization's billing start to the send (0 for Typeform answers) */
    , DATE_TRUNC('MONTH', @to_utc(answers."timestamp"))::DATE AS date_month /* First day of the UTC month of the answer */
    , COALESCE(organizations.organization_name, 'N/A')::TEXT AS organization_name /* Name of the organization (N/A when unknown) */
    , COALESCE(organizations.account_name, 'N/A')::TEXT AS account_name /* Salesforce account of the organization (N/A when unknown or not linked) */
FROM answers
LEFT JOIN organizations
    ON answers.organization_id = organizations.organization_id
