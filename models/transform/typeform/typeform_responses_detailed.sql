MODEL (
    name analytics.typeform_responses_detailed,
    kind FULL,
    cron '0 7 * * *',
    owner analytics,
    grain (response_id, question_id),
    tags (transform, typeform, cs, pii),
    audits (
        unique_combination_of_columns(columns := (response_id, question_id))
        , not_null(columns := (response_id, question_id))
    ),
    description 'One row per answer to a Typeform question, with its question and form titles (answers to a question missing from typeform_questions are dropped) and its organization: the organization of the typeform_organization_mapping seed when the response is in it (responses collected before the form captured the organization), else the organization of the hidden fields; specialist_name (the customer-success specialist of the onboarding) comes from the seed only. FULL (small), rebuilt by the daily 07:00 UTC run.'
);

SELECT
    responses.response_id::TEXT AS response_id /* Typeform response id */
    , responses.form_score::INT AS form_score /* Score of the whole form, when the form computes one */
    , responses.form_submitted_at::TIMESTAMPTZ AS form_submitted_at /* Time the form was submitted (UTC) */
    , responses.form_landed_at::TIMESTAMPTZ AS form_landed_at /* Time the respondent opened the form (UTC) */
    , responses.question_id::TEXT AS question_id /* Typeform question id */
    , responses.question_type::TEXT AS question_type /* Type of question */
    , responses.answer_type::TEXT AS answer_type /* Type of answer */
    , responses.choices_answer::TEXT[] AS choices_answer /* Chosen answers of a multiple-choice question */
    , responses.free_text_answer::TEXT AS free_text_answer /* [PII] Free-text answer */
    , responses.number_answer::DOUBLE AS number_answer /* Numeric answer */
    , responses.boolean_answer::BOOLEAN AS boolean_answer /* Yes/no answer */
    , responses.hidden::TEXT AS hidden /* Hidden fields of the form, JSON text */
    , responses.user_id::TEXT AS user_id /* Scribe user id of the respondent */
    , responses.answer::TEXT AS answer /* [PII] The answer as text */
    , COALESCE(mapping.organization_id, responses.organization_id)::BIGINT AS organization_id /* Organization: the seed back-fill, else the hidden field */
    , mapping.specialist_name::TEXT AS specialist_name /* [PII] Customer-success specialist of the onboarding, from the seed */
    , questions.form_title::TEXT AS form_title /* Title of the form */
    , questions.question_title::TEXT AS question_title /* Question as asked */
FROM analytics.typeform_responses AS responses
INNER JOIN analytics.typeform_questions AS questions
    ON responses.question_id = questions.question_id
LEFT JOIN analytics.typeform_organization_mapping AS mapping
    ON responses.response_id = mapping.response_id
