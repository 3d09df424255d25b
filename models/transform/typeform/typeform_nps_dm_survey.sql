MODEL (
    name analytics.typeform_nps_dm_survey,
    kind FULL,
    cron '0 7 * * *',
    owner analytics,
    grain response_id,
    tags (transform, typeform, cs),
    audits (
        unique_values(columns := (
            response_id
        ))
        , not_null(columns := (response_id, score, category, "timestamp"))
        , accepted_values("column" := category, is_in := ('promoter', 'passive', 'detractor'))
        , accepted_range("column" := score, min_v := 0, max_v := 10)
    ),
    description 'One row per decision-maker NPS answer collected in Typeform (the answers to the two NPS questions Zj5euVUa95Gn, English form, and 67871435, French form), shaped like the Delighted decision-maker survey so both can be stacked: score is the 0-10 answer, category promoter when the score is 9 or more, detractor when 6 or less, else passive; timestamp and updated_at are the submission time; email, comment and contact_type are empty text, delighted_workspace and tags null and month_since_billing_start_date 0 (Delighted-only fields). Answers without a number are dropped. FULL (small), rebuilt by the daily 07:00 UTC run.'
);

WITH answers AS (
    SELECT
        response_id
        , number_answer
        , form_submitted_at
        , organization_id
    FROM analytics.typeform_responses_detailed
    WHERE
        question_id IN ('Zj5euVUa95Gn', '67871435') AND NOT number_answer IS NULL
)
SELECT
    response_id::TEXT AS response_id /* Typeform response id */
    , ''::TEXT AS email /* Empty (Delighted field) */
    , number_answer::INT AS score /* NPS score 0-10 */
    , CASE WHEN number_answer >= 9 THEN 'promoter' WHEN number_answer <= 6 THEN 'detractor' ELSE 'passive' END::TEXT AS category /* promoter (9-10), passive (7-8) or detractor (0-6) */
    , ''::TEXT AS comment /* Empty (Delighted field) */
    , form_submitted_at::TIMESTAMPTZ AS "timestamp" /* Time the answer was submitted (UTC) */
    , form_submitted_at::TIMESTAMPTZ AS updated_at /* Time the answer was submitted (UTC) */
    , ''::TEXT AS contact_type /* Empty (Delighted field) */
    , organization_id::BIGINT AS organization_id /* Organization of the decision maker */
    , NULL::TEXT AS delighted_workspace /* Null (Delighted field) */
    , NULL::TEXT[] AS tags /* Null (Delighted field) */
    , 0::INT AS month_since_billing_start_date /* 0 (Delighted field) */
FROM answers
