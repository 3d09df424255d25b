MODEL (
    name analytics.delighted_survey_decision_maker,
    kind FULL,
    cron '0 7 * * *',
    owner analytics,
    grain survey_id,
    tags (base, delighted, nps, pii),
    audits (
        unique_values(columns := (
            survey_id
        ))
        , not_null(columns := (survey_id, score, category))
        , accepted_values("column" := category, is_in := ('promoter', 'passive', 'detractor'))
    ),
    description 'One row per response to the decision-maker NPS survey sent to the HR and decision-maker contacts of client organizations (Delighted project decision_maker, Singer tap table survey_responses). FULL, refreshed by the 07:00 UTC run: the tap rewrites responses in place (updated_at) and the table is small. Epoch times become timestamps (created_at and timestamp are both the response time); survey_id is the Delighted response id, not hashed (unlike the patient surveys); the 0-10 score gets its NPS category (detractor below 7, passive 7-8, promoter 9-10); the person properties give the contact type, the organization and the whole months since its billing start when the survey was sent (numbers held as text; null when not numeric). Tap re-deliveries of the same response keep the latest update. Responses without a score are dropped (the original tested score not null).'
);

WITH responses AS (
    SELECT
        id
        , created_at
        , updated_at
        , score
        , comment
        , person__id
        , person__email
        , person_properties__contact_type
        , person_properties__month_since_billing_start_date
        , person_properties__organization_id
    FROM tap_delighted_decision_maker.survey_responses
    WHERE
        NOT id IS NULL AND NOT score IS NULL AND NOT created_at IS NULL
), deduplicated AS (
    SELECT
        id
        , updated_at
        , score
        , comment
        , person__id
        , person__email
        , person_properties__contact_type
        , person_properties__month_since_billing_start_date
        , person_properties__organization_id
        , TO_TIMESTAMP(created_at) AS responded_at
    FROM responses
    QUALIFY
        ROW_NUMBER() OVER (PARTITION BY id ORDER BY updated_at DESC) = 1
)
SELECT
    responded_at::TIMESTAMPTZ AS created_at /* Time of the response (UTC) */
    , responded_at::TIMESTAMPTZ AS "timestamp" /* Time of the response (UTC), same as created_at */
    , TO_TIMESTAMP(updated_at)::TIMESTAMPTZ AS updated_at /* Last update of the response in Delighted (UTC) */
    , @to_utc(responded_at)::DATE AS date_day /* UTC day of the response */
    , DATE_TRUNC('WEEK', @to_utc(responded_at))::DATE AS date_week /* Monday of the UTC week of the response */
    , DATE_TRUNC('MONTH', @to_utc(responded_at))::DATE AS date_month /* First day of the UTC month of the response */
    , id::BIGINT AS survey_id /* Delighted response id (not hashed, unlike the patient surveys) */
    , score::INT AS score /* Likelihood to recommend, 0 to 10 */
    , CASE WHEN score >= 9 THEN 'promoter' WHEN score >= 7 THEN 'passive' ELSE 'detractor' END::TEXT AS category /* NPS category: promoter (9-10), passive (7-8) or detractor (0-6) */
    , NULLIF(TRIM(comment), '')::TEXT AS comment /* [PII] Free-text comment of the respondent */
    , NULLIF(TRIM(person__id), '')::TEXT AS delighted_user_id /* Delighted person id of the respondent */
    , NULLIF(LOWER(TRIM(person__email)), '')::TEXT AS email /* [PII] Email address the survey was sent to (lower-cased) */
    , NULLIF(TRIM(person_properties__contact_type), '')::TEXT AS contact_type /* Salesforce contact type of the respondent (person property) */
    , CASE
        WHEN REGEXP_MATCHES(TRIM(person_properties__month_since_billing_start_date), '^[0-9]+$')
        THEN TRIM(person_properties__month_since_billing_start_date)::BIGINT
    END AS month_since_billing_start_date /* Whole 30-day months between the organization's billing start and the send (person property); null when not numeric */
    , CASE
        WHEN REGEXP_MATCHES(TRIM(person_properties__organization_id), '^[0-9]+$')
        THEN TRIM(person_properties__organization_id)::BIGINT
    END AS organization_id /* Scribe organization id of the respondent (person property); null when not numeric */
FROM deduplicated
