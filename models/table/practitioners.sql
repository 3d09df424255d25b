MODEL (
    name analytics.practitioners,
    kind FULL,
    cron '0 7,18 * * *',
    owner analytics,
    grain user_id,
    tags (table, staffing, care, pii),
    audits (
        unique_values(columns := (
            user_id
        ))
        , not_null(columns := (user_id, main_specialization))
        , accepted_values(
            "column" := main_specialization,
            is_in := (
                'N/A'
                , 'Nurse Clinician'
                , 'Family Physician'
                , 'Care Coordinator'
                , 'Physiotherapist'
                , 'Nurse Practitioner'
                , 'Psychologist'
                , 'Nutritionist'
                , 'Psychotherapist'
                , 'Work & Life Coach'
            )
        )
    ),
    description 'The care team: one row per practitioner (coredata directory) who is also a Scribe user. A post, page view, video or call is "care team" when its user_id is in this table; main_specialization drives the role splits (NC, NP, CC, GP, PSY, NUTR). FULL, refreshed by the 07:00 and 18:00 UTC runs: both inputs are small replicas updated in place.'
);

WITH coredata_practitioners AS (
    SELECT
        user_id
        , main_specialization
    FROM analytics.coredata_practitioners
), scribe_users AS (
    SELECT
        user_id
        , user_name
        , first_name
        , last_name
        , email
        , gender
        , "language"
        , status
        , created_at
    FROM analytics.scribe_users
)
SELECT
    coredata_practitioners.user_id::TEXT AS user_id /* Scribe user id of the practitioner */
    , coredata_practitioners.main_specialization::TEXT AS main_specialization /* Normalised specialization (Nurse Clinician, Care Coordinator, Family Physician, ...) */
    , scribe_users.user_name::TEXT AS user_name /* [PII] First and last name */
    , scribe_users.first_name::TEXT AS first_name /* [PII] First name */
    , scribe_users.last_name::TEXT AS last_name /* [PII] Last name */
    , scribe_users.email::TEXT AS email /* [PII] Email address */
    , scribe_users.gender::TEXT AS gender /* M, F or N/A */
    , scribe_users."language"::TEXT AS "language" /* FR, EN or N/A */
    , scribe_users.status::TEXT AS status /* Scribe account status */
    , scribe_users.created_at::TIMESTAMPTZ AS created_at /* When the Scribe account was created (UTC) */
FROM coredata_practitioners
INNER JOIN scribe_users
    ON coredata_practitioners.user_id = scribe_users.user_id
