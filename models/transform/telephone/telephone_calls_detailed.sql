MODEL (
    name analytics.telephone_calls_detailed,
    kind FULL,
    cron '0 7 * * *',
    owner analytics,
    grain call_id,
    tags (transform, telephone, care, pii),
    audits (
        unique_values(columns := (
            call_id
        ))
        , not_null(columns := (call_id, practitioner_id, started_at, main_specialization))
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
    description 'One row per phone call with the practitioner (id, specialization, name), the patient (the episode subject) and the episode''s issue type; calls about a test user are excluded. FULL, refreshed by the 07:00 UTC run (every consumer is rebuilt at 07:00 only): low volume (a few calls per hundred episodes) and enriched with per-episode features (subject, issue type) that change after the call, so every row must see their latest values.'
);

WITH calls AS (
    SELECT
        call_id
        , user_id
        , episode_id
        , started_at
        , started_at_est
        , ended_at
        , ended_at_est
        , call_duration
        , date_day
        , date_day_est
    FROM analytics.telephone_calls
), practitioners AS (
    SELECT
        user_id
        , main_specialization
        , user_name
    FROM analytics.practitioners
), episodes_subject AS (
    SELECT
        episode_id
        , episode_subject
    FROM analytics.episodes_subject
), episodes_issue_types AS (
    SELECT
        episode_id
        , issue_type
    FROM analytics.episodes_issue_types
), test_users AS (
    SELECT
        user_id
    FROM analytics.scribe_test_users
), calls_enriched AS (
    SELECT
        calls.call_id
        , calls.user_id AS practitioner_id
        , episodes_subject.episode_subject AS patient_id
        , calls.episode_id
        , calls.started_at
        , calls.started_at_est
        , calls.ended_at
        , calls.ended_at_est
        , calls.call_duration
        , calls.date_day
        , calls.date_day_est
        , COALESCE(practitioners.main_specialization, 'N/A') AS main_specialization
        , practitioners.user_name
        , episodes_issue_types.issue_type
    FROM calls
    LEFT JOIN practitioners
        ON calls.user_id = practitioners.user_id
    LEFT JOIN episodes_subject
        ON calls.episode_id = episodes_subject.episode_id
    LEFT JOIN episodes_issue_types
        ON calls.episode_id = episodes_issue_types.episode_id
    LEFT JOIN test_users
        ON episodes_subject.episode_subject = test_users.user_id
    WHERE
        test_users.user_id IS NULL AND NOT calls.user_id IS NULL
)
SELECT
    call_id::TEXT AS call_id /* Phone call identifier */
    , practitioner_id::TEXT AS practitioner_id /* Scribe user id of the practitioner on the call */
    , patient_id::TEXT AS patient_id /* Episode subject: the person the consult is about */
    , episode_id::TEXT AS episode_id /* Episode the call belongs to */
    , started_at::TIMESTAMPTZ AS started_at /* Call start (UTC) */
    , started_at_est::TIMESTAMP AS started_at_est /* Call start, Montreal local time (naive) */
    , ended_at::TIMESTAMPTZ AS ended_at /* Call end (UTC); null while unknown */
    , ended_at_est::TIMESTAMP AS ended_at_est /* Call end, Montreal local time (naive) */
    , call_duration::DOUBLE AS call_duration /* Call length in minutes */
    , date_day::DATE AS date_day /* UTC day of the call start */
    , date_day_est::DATE AS date_day_est /* Montreal local day of the call start */
    , main_specialization::TEXT AS main_specialization /* Specialization of the practitioner (N/A when not in practitioners) */
    , user_name::TEXT AS user_name /* [PII] Name of the practitioner */
    , issue_type::TEXT AS issue_type /* Latest issue type of the episode */
FROM calls_enriched
