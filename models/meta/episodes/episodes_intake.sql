MODEL (
    name analytics.episodes_intake,
    kind FULL,
    cron '0 7 * * *',
    owner analytics,
    grain episode_id,
    tags (meta, episodes, care),
    audits (
        unique_values(columns := (
            episode_id
        ))
        , not_null(columns := (episode_id, treatment_category, triage_outcome))
        , accepted_values("column" := treatment_category, is_in := ('treated_by_np_gp', 'outreferred', 'treated_by_nc', 'other'))
        , accepted_values(
            "column" := triage_outcome,
            is_in := (
                'treated_at_ubisoft_clinic'
                , 'treated_by_gp'
                , 'treated_by_np'
                , 'treated_by_nurse'
                , 'referral_er'
                , 'referral_walk_in'
                , 'navigation'
                , 'other'
            )
        )
        , forall_non_blocking(criteria := (intake_time_first_patient_message > 0, intake_time_first_set_active > 0))
    ),
    description 'Intake classification of each activated episode (one row per episode of episodes_chats_summary). treatment_category: other when the care team spoke before the patient; treated_by_np_gp when a GP/NP video or an appointment booking happened; outreferred when the first outcome is Navigation or referral_without_navigation; treated_by_nc when the first outcome is Diagnostic; else other. intake_completed_at (local) is the moment the right resource was determined: null when the patient''s first message or the first activation came after the earliest of first care-team message, first resolve/pending and booking; NP/GP: earliest of last message of the last NC, first message of the last CC, booking, first resolve; navigation: earliest of last message of the last NC and first resolve; diagnostic: earliest of first message of the last NC and first resolve (the last NC''s and last CC''s messages are the episode-level values of episodes_chats_summary, the earliest over the chat days, as in the original). triage_outcome labels episodes for a post-DXA recommender. FULL, rebuilt by the daily 07:00 UTC run: it combines five per-episode models whose rows change independently, and is small (one narrow row per episode).'
);

WITH summaries AS (
    SELECT
        episode_id
        , first_message_patient
        , first_message_care_team
        , first_message_nurse
        , first_set_active
        , first_set_resolved_pending_at
        , first_message_from_last_cc
        , first_message_from_last_nc
        , last_message_from_last_nc
    FROM analytics.episodes_chats_summary
), outcomes AS (
    SELECT
        episode_id
        , first_outcome
        , first_outcome_category
        , outcome
        , outcome_category
        , outcomes_ordered
    FROM analytics.episodes_outcomes
), bookings AS (
    SELECT
        episode_id
        , appointment_booking_first_started_at
    FROM analytics.episodes_appointment_booking
), videos AS (
    SELECT
        episode_id
        , includes_video_consultation_gp
        , includes_video_consultation_np
    FROM analytics.episodes_video_consultations
), joined AS (
    SELECT
        summaries.episode_id
        , summaries.first_message_patient
        , summaries.first_message_care_team
        , summaries.first_message_nurse
        , summaries.first_set_active
        , summaries.first_set_resolved_pending_at
        , summaries.first_message_from_last_cc
        , summaries.first_message_from_last_nc
        , summaries.last_message_from_last_nc
        , bookings.appointment_booking_first_started_at
        , outcomes.first_outcome
        , outcomes.first_outcome_category
        , outcomes.outcome
        , outcomes.outcome_category
        , outcomes.outcomes_ordered
        , COALESCE(videos.includes_video_consultation_gp, FALSE) AS has_gp_video
        , COALESCE(videos.includes_video_consultation_np, FALSE) AS has_np_video
    FROM summaries
    LEFT JOIN outcomes
        ON summaries.episode_id = outcomes.episode_id
    LEFT JOIN bookings
        ON summaries.episode_id = bookings.episode_id
    LEFT JOIN videos
        ON summaries.episode_id = videos.episode_id
), categorised AS (
    SELECT
        episode_id
        , first_message_patient
        , first_set_active
        , first_message_nurse
        , outcome
        , outcome_category
        , outcomes_ordered
        , has_gp_video
        , has_np_video
        , CASE
            WHEN first_message_care_team < first_message_patient
            THEN 'other'
            WHEN has_gp_video OR has_np_video OR NOT appointment_booking_first_started_at IS NULL
            THEN 'treated_by_np_gp'
            WHEN first_outcome_category = 'Navigation' OR first_outcome = 'referral_without_navigation'
            THEN 'outreferred'
            WHEN first_outcome_category = 'Diagnostic'
            THEN 'treated_by_nc'
            ELSE 'other'
        END AS treatment_category
        , LEAST(first_message_care_team, first_set_resolved_pending_at, appointment_booking_first_started_at) AS first_care_team_action
        , LEAST(
            last_message_from_last_nc,
            first_message_from_last_cc,
            appointment_booking_first_started_at,
            first_set_resolved_pending_at
        ) AS np_gp_determined_at
        , LEAST(last_message_from_last_nc, first_set_resolved_pending_at) AS navigation_determined_at
        , LEAST(first_message_from_last_nc, first_set_resolved_pending_at) AS diagnostic_determined_at
    FROM joined
), intake AS (
    SELECT
        episode_id
        , first_message_patient
        , first_set_active
        , first_message_nurse
        , outcome
        , outcome_category
        , outcomes_ordered
        , has_gp_video
        , has_np_video
        , treatment_category
        , CASE
            WHEN first_message_patient > first_care_team_action OR first_set_active > first_care_team_action
            THEN NULL
            WHEN treatment_category = 'treated_by_np_gp'
            THEN np_gp_determined_at
            WHEN treatment_category = 'outreferred'
            THEN navigation_determined_at
            WHEN treatment_category = 'treated_by_nc'
            THEN diagnostic_determined_at
        END AS intake_completed_at
    FROM categorised
)
SELECT
    episode_id::TEXT AS episode_id /* Episode (messaging channel) */
    , treatment_category::TEXT AS treatment_category /* treated_by_np_gp, outreferred, treated_by_nc or other */
    , intake_completed_at::TIMESTAMP AS intake_completed_at /* When the right resource was determined (local); null when not determinable */
    , @minutes_between(first_message_patient, intake_completed_at)::DOUBLE AS intake_time_first_patient_message /* Minutes from the first patient message to intake completion */
    , @minutes_between(first_set_active, intake_completed_at)::DOUBLE AS intake_time_first_set_active /* Minutes from the first activation to intake completion */
    , CASE
        WHEN outcome = 'ubisoft'
        THEN 'treated_at_ubisoft_clinic'
        WHEN has_gp_video
        THEN 'treated_by_gp'
        WHEN has_np_video
        THEN 'treated_by_np'
        WHEN NOT first_message_nurse IS NULL AND outcome_category = 'Diagnostic'
        THEN 'treated_by_nurse'
        WHEN outcome = 'er'
        THEN 'referral_er'
        WHEN ',' || COALESCE(outcomes_ordered, '') || ',' LIKE '%,walkin_clinic,%'
        OR ',' || COALESCE(outcomes_ordered, '') || ',' LIKE '%,referral_without_navigation,%'
        THEN 'referral_walk_in'
        WHEN outcome_category = 'Navigation'
        THEN 'navigation'
        ELSE 'other'
    END::TEXT AS triage_outcome /* Label for a post-DXA recommender: treated_at_ubisoft_clinic, treated_by_gp, treated_by_np, treated_by_nurse, referral_er, referral_walk_in, navigation or other */
FROM intake
