MODEL (
    name analytics.delighted_survey_patient_@{lang},
    kind FULL,
    cron '0 7 * * *',
    owner analytics,
    grain survey_id,
    tags (base, delighted, nps, pii),
    audits (
        unique_values(columns := (
            survey_id
        ))
        , not_null(columns := (survey_id, response_id, "timestamp", score, category, "language"))
        , accepted_values("column" := category, is_in := ('promoter', 'passive', 'detractor'))
        , accepted_range("column" := score, min_v := 0, max_v := 10)
    ),
    description @description,
    blueprints (
        (
            lang := 'en'
            , language_code := 'EN'
            , description := 'One row per response to the English patient NPS survey (Delighted project patient_en, Singer tap table survey_responses). FULL, refreshed by the 07:00 UTC run (every consumer is rebuilt at 07:00 only): the tap replicates the whole table and Delighted updates responses in place (comments and tags are added after the score), and the table is small. Epoch times become timestamps, survey_id is salted with the language so EN and FR ids cannot collide, the 0-10 score gets its NPS category, and tap re-deliveries of the same response keep the latest update. Responses without a score are dropped.'
        )
        , (
            lang := 'fr'
            , language_code := 'FR'
            , description := 'One row per response to the French patient NPS survey (Delighted project patient_fr, Singer tap table survey_responses). FULL, refreshed by the 07:00 UTC run (every consumer is rebuilt at 07:00 only): the tap replicates the whole table and Delighted updates responses in place (comments and tags are added after the score), and the table is small. Epoch times become timestamps, survey_id is salted with the language so EN and FR ids cannot collide, the 0-10 score gets its NPS category, and tap re-deliveries of the same response keep the latest update. Responses without a score are dropped.'
        )
    )
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
        , person_properties__episode_id
        , person_properties__user_id
        , person_properties__locale
        , person_properties__organization_id
        , person_properties__sex
    FROM tap_delighted_patient_@{lang}.survey_responses
    WHERE
        NOT id IS NULL AND NOT score IS NULL AND NOT created_at IS NULL
), deduplicated AS (
    SELECT
        id
        , created_at
        , updated_at
        , score
        , comment
        , person__id
        , person__email
        , person_properties__episode_id
        , person_properties__user_id
        , person_properties__locale
        , person_properties__organization_id
        , person_properties__sex
        , TO_TIMESTAMP(created_at) AS responded_at
    FROM responses
    QUALIFY
        ROW_NUMBER() OVER (PARTITION BY id ORDER BY updated_at DESC) = 1
)
SELECT
    MD5(@lang || id::TEXT)::TEXT AS survey_id /* md5 of the language and the Delighted response id: unique across the EN and FR projects */
    , id::BIGINT AS response_id /* Delighted response id (unique within its Delighted project only: patient_en or patient_fr) */
    , responded_at::TIMESTAMPTZ AS "timestamp" /* Time of the response (UTC) */
    , @to_est(responded_at)::TIMESTAMP AS timestamp_est /* Time of the response, Montreal local time (naive) */
    , TO_TIMESTAMP(updated_at)::TIMESTAMPTZ AS updated_at /* Last update of the response in Delighted (UTC) */
    , @to_utc(responded_at)::DATE AS date_day /* UTC day of the response */
    , DATE_TRUNC('WEEK', @to_utc(responded_at))::DATE AS date_week /* Monday of the UTC week of the response */
    , DATE_TRUNC('MONTH', @to_utc(responded_at))::DATE AS date_month /* First day of the UTC month of the response */
    , score::INT AS score /* Likelihood to recommend, 0 to 10 */
    , CASE WHEN score >= 9 THEN 'promoter' WHEN score >= 7 THEN 'passive' ELSE 'detractor' END::TEXT AS category /* NPS category: promoter (9-10), passive (7-8) or detractor (0-6) */
    , NULLIF(TRIM(comment), '')::TEXT AS comment /* [PII] Free-text comment of the respondent */
    , NULLIF(TRIM(person__id), '')::TEXT AS person_id /* Delighted person id of the respondent */
    , NULLIF(LOWER(TRIM(person__email)), '')::TEXT AS email /* [PII] Email address the survey was sent to (lower-cased) */
    , NULLIF(TRIM(person_properties__episode_id), '')::TEXT AS episode_id /* Episode the survey was sent about (person property) */
    , NULLIF(TRIM(person_properties__user_id), '')::TEXT AS user_id /* Scribe user id of the respondent (person property), when set */
    , NULLIF(LOWER(TRIM(person_properties__locale)), '')::TEXT AS locale /* Locale of the survey (person property) */
    , CASE
        WHEN REGEXP_MATCHES(TRIM(person_properties__organization_id), '^[0-9]+$')
        THEN TRIM(person_properties__organization_id)::BIGINT
    END AS organization_id /* Scribe organization id (person property); null when absent or not numeric */
    , NULLIF(TRIM(person_properties__sex), '')::TEXT AS sex /* Sex of the respondent (person property) */
    , @language_code AS "language" /* Language of the Delighted project: EN for patient_en, FR for patient_fr */
FROM deduplicated
