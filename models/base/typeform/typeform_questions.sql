MODEL (
    name analytics.typeform_questions,
    kind FULL,
    cron '0 7 * * *',
    owner analytics,
    grain question_id,
    tags (base, typeform, cs),
    audits (unique_values(columns := (
            question_id
        )), not_null(columns := (
            question_id
    ))),
    description 'One row per Typeform question (custom extract typeform.questions) with its title and the title of its form (the HR admins post-onboarding survey in English and French, the decision makers NPS). FULL (a few dozen rows), rebuilt by the daily 07:00 UTC run.'
);

WITH questions AS (
    SELECT
        id
        , title
        , form_title
    FROM typeform.questions
    WHERE
        NOT id IS NULL
    QUALIFY
        ROW_NUMBER() OVER (PARTITION BY id ORDER BY title) = 1
)
SELECT
    id::TEXT AS question_id /* Typeform question id */
    , title::TEXT AS question_title /* Question as asked */
    , form_title::TEXT AS form_title /* Title of the form the question belongs to */
FROM questions
