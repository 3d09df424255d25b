MODEL (
    name analytics.survey_onboarding,
    kind FULL,
    cron '0 7 * * *',
    owner analytics,
    grain (response_id, question_id),
    tags (meta, survey, cs, pii),
    audits (
        unique_combination_of_columns(columns := (response_id, question_id))
        , not_null(columns := (response_id, form_submitted_at, question_id, specialist_name, organization_name))
    ),
    description 'One row per answer of the HR admins post-onboarding survey (Typeform forms titled Post-Onboarding survey or Sondage de satisfaction suite au lancement), without the identifying questions (name and email: ZLkkdqEuAthg, K2E9T8kHiuJh, 67870899, 67870887). specialist_name is the customer-success specialist who ran the onboarding: the first choice answered to the specialist question of the same response (DggGJwmci4M6 or HVzuTJLk2v7d), else the specialist of the typeform_organization_mapping seed. Organization attributes come from organizations (answers of an unknown organization are dropped); launch_date is its billing start date. FULL (small), rebuilt by the daily 07:00 UTC run.'
);

WITH answers AS (
    SELECT
        *
    FROM analytics.typeform_responses_detailed
    WHERE
        form_title IN ('Sondage de satisfaction suite au lancement', 'Post-Onboarding survey')
), specialists AS (
    SELECT
        response_id
        , MIN(choices_answer[1]) AS chosen_specialist
    FROM answers
    WHERE
        question_id IN ('DggGJwmci4M6', 'HVzuTJLk2v7d')
    GROUP BY
        response_id
)
SELECT
    answers.response_id::TEXT AS response_id /* Typeform response id */
    , answers.form_score::INT AS form_score /* Score of the whole form, when the form computes one */
    , answers.form_submitted_at::TIMESTAMPTZ AS form_submitted_at /* Time the survey was submitted (UTC) */
    , answers.form_landed_at::TIMESTAMPTZ AS form_landed_at /* Time the admin opened the survey (UTC) */
    , answers.question_id::TEXT AS question_id /* Typeform question id */
    , answers.question_type::TEXT AS question_type /* Type of question */
    , answers.answer_type::TEXT AS answer_type /* Type of answer */
    , answers.choices_answer::TEXT[] AS choices_answer /* Chosen answers of a multiple-choice question */
    , answers.free_text_answer::TEXT AS free_text_answer /* [PII] Free-text answer */
    , answers.number_answer::DOUBLE AS number_answer /* Numeric answer (opinion scales) */
    , answers.boolean_answer::BOOLEAN AS boolean_answer /* Yes/no answer */
    , answers.hidden::TEXT AS hidden /* Hidden fields of the form, JSON text */
    , answers.user_id::TEXT AS user_id /* Scribe user id of the HR admin */
    , answers.answer::TEXT AS answer /* [PII] The answer as text */
    , answers.form_title::TEXT AS form_title /* Title of the form (English or French) */
    , answers.question_title::TEXT AS question_title /* Question as asked */
    , COALESCE(specialists.chosen_specialist, answers.specialist_name)::TEXT AS specialist_name /* [PII] Customer-success specialist of the onboarding */
    , organizations.organization_name::TEXT AS organization_name /* Name of the organization */
    , organizations.account_id::TEXT AS account_id /* Salesforce account id (N/A when not linked) */
    , organizations.account_name::TEXT AS account_name /* Salesforce account name (N/A when not linked) */
    , organizations.billing_start_date::DATE AS launch_date /* Billing start date of the organization */
FROM answers
INNER JOIN analytics.organizations AS organizations
    ON answers.organization_id = organizations.organization_id
LEFT JOIN specialists
    ON answers.response_id = specialists.response_id
WHERE
    NOT answers.question_id IN ('ZLkkdqEuAthg', 'K2E9T8kHiuJh', '67870899', '67870887')
