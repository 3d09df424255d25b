MODEL (
    name analytics.typeform_responses,
    kind FULL,
    cron '0 7 * * *',
    owner analytics,
    grain (response_id, question_id),
    tags (base, typeform, cs, pii),
    audits (
        unique_combination_of_columns(columns := (response_id, question_id))
        , not_null(columns := (response_id, question_id))
    ),
    description 'One row per answer to a Typeform question (custom extract typeform.responses: one row per response and question), duplicate extractions dropped (one row kept per response and question). user_id and organization_id are read from the hidden fields of the form (JSON text {"user_id": ..., "org_id": ...}, read with the JSON ->> operator on both engines); organization_id only when org_id is all digits, else null (forms filled before the form captured it: typeform_organization_mapping back-fills them). answer is the first non-null of the single-choice answer, the free text, the boolean as text (true / false) and the number as text (whole numbers without decimals, else 4 decimals, identical on both engines). FULL (small), rebuilt by the daily 07:00 UTC run.'
);

WITH responses AS (
    SELECT
        *
    FROM typeform.responses
    WHERE
        NOT response_id IS NULL AND NOT question_id IS NULL
    QUALIFY
        ROW_NUMBER() OVER (PARTITION BY response_id, question_id ORDER BY form_submitted_at DESC) = 1
), parsed AS (
    SELECT
        *
        , NULLIF(@json_text(TRIM(hidden), '$.user_id'), '') AS hidden_user_id
        , NULLIF(@json_text(TRIM(hidden), '$.org_id'), '') AS hidden_org_id
    FROM responses
)
SELECT
    response_id::TEXT AS response_id /* Typeform response id (one submission of a form) */
    , question_id::TEXT AS question_id /* Typeform question id */
    , form_score::INT AS form_score /* Score of the whole form, when the form computes one */
    , form_submitted_at::TIMESTAMPTZ AS form_submitted_at /* Time the form was submitted (UTC) */
    , form_landed_at::TIMESTAMPTZ AS form_landed_at /* Time the respondent opened the form (UTC) */
    , question_type::TEXT AS question_type /* Type of question (opinion_scale, multiple_choice, short_text, long_text, email, ...) */
    , answer_type::TEXT AS answer_type /* Type of answer (number, choices, choice, text, email, boolean) */
    , choices_answer::TEXT[] AS choices_answer /* Chosen answers of a multiple-choice question */
    , choice_answer::TEXT AS choice_answer /* Chosen answer of a single-choice question */
    , free_text_answer::TEXT AS free_text_answer /* [PII] Free-text answer (names, emails and comments of the respondent) */
    , number_answer::DOUBLE AS number_answer /* Numeric answer (opinion scales, NPS 0-10) */
    , boolean_answer::BOOLEAN AS boolean_answer /* Yes/no answer */
    , hidden::TEXT AS hidden /* Hidden fields of the form, JSON text */
    , hidden_user_id::TEXT AS user_id /* Scribe user id of the respondent (hidden field user_id) */
    , CASE WHEN REGEXP_MATCHES(hidden_org_id, '^[0-9]+$') THEN hidden_org_id::BIGINT END AS organization_id /* Scribe organization (hidden field org_id when all digits), else null */
    , COALESCE(
        choice_answer,
        free_text_answer,
        boolean_answer::TEXT,
        CASE
            WHEN number_answer = ROUND(number_answer)
            THEN ROUND(number_answer)::BIGINT::TEXT
            ELSE ROUND(number_answer::DECIMAL(18, 4), 4)::TEXT
        END
    )::TEXT AS answer /* [PII] The answer as text: single choice, else free text, else boolean, else number (whole numbers without decimals) */
FROM parsed
