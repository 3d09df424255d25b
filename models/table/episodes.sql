MODEL (
    name analytics.episodes,
    kind FULL,
    cron '0 7 * * *',
    owner analytics,
    grain episode_id,
    tags (table, episodes, care),
    depends_on [analytics.medops_issue_type_labels],
    audits (
        unique_values(columns := (
            episode_id
        ))
        , not_null(columns := (episode_id, user_id, patient_id, created_at))
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
                , 'N/A'
            )
        )
        , accepted_values(
            "column" := treatment_category,
            is_in := ('treated_by_np_gp', 'outreferred', 'treated_by_nc', 'other', 'N/A')
        )
        , accepted_values("column" := episode_type, is_in := ('PSY', 'GP', 'NP', 'Unsuitable episode', 'Out-refered', 'NC'))
        , accepted_values("column" := outcome_category, is_in := ('Diagnostic', 'Navigation', 'Unsuitable episode', 'Other'))
        , assert_episodes_issue_type_in_labels
        , assert_episodes_set_active_rate
        , assert_episodes_business_hours_slas
        , forall(criteria := (frt_pt_message >= 0, dispatch_time_first_patient_message >= 0))
    ),
    description 'The central fact table: one row per episode (messaging channel in which a patient posted), without contract duplication (see episodes_with_contracts). The spine messaging_channels is left-joined with every per-episode feature model (subject, outcomes, issue type, priority, rating, chats summary, videos, NPS, KPIs, questionnaire sequence, chief complaint, CC confirmation, reason for visit, booking, intake, dispatch, costs) and the subject''s Scribe user; episodes whose subject is a test user are removed. Times from the chats summary are Montreal local (naive). sla_answered_within_15_minutes (business-hours SLA) is false for an episode without a chat summary (as in the original); otherwise it is evaluated for episodes whose first message is within opening hours, whose first outcome is set and is not episode_duplicate, admin, test or audit, and where neither the first care-team message nor the DXA start precedes the first patient message: true when the earlier of the two comes less than 15 minutes after the first patient message, false when neither exists, null otherwise; treatment_category and triage_outcome are N/A without an intake row; the DXA timings (time_to_start_dxa_from_first_message, time_to_complete_dxa_from_first_message) are minutes from the patient''s first message; episode_type, first match: PSY (issue type psy or psy-pilot), GP or NP (a video consultation with one), Unsuitable episode (outcome category), Out-refered (category Navigation or outcome referral_without_navigation), NC (a Nurse Clinician wrote), else Unsuitable episode; channel_wait_time: minutes from channel selection to the earliest CC/NC phone call, CC/NC video or non-Shift-Manager care-team message, kept only between 0 and 1440. FULL, rebuilt by the daily 07:00 UTC run: it joins about twenty per-episode models whose rows change independently (an episode''s outcome, NPS or cost can change any day), so a rebuild is simpler and safe; it is one row per episode.'
);

WITH channels AS (
    SELECT
        episode_id
        , created_at
        , updated_at
        , deleted_at
        , last_post_at
        , user_id
        , count_messages
        , url_zorro
        , is_deleted
    FROM analytics.messaging_channels
), subjects AS (
    SELECT
        episode_id
        , episode_subject
    FROM analytics.episodes_subject
), test_users AS (
    SELECT
        user_id
    FROM analytics.scribe_test_users
), users AS (
    SELECT
        user_id
        , family_id
        , gender
        , "language"
        , birthday
    FROM analytics.scribe_users
), outcomes AS (
    SELECT
        episode_id
        , first_outcome_raw
        , first_outcome_category
        , first_outcome
        , outcome_category
        , outcome
        , is_valid_outcome
        , outcomes_ordered
        , outcome_first_set_timestamp
    FROM analytics.episodes_outcomes
), issue_types AS (
    SELECT
        episode_id
        , issue_type
        , is_issue_pediatrics
        , issue_type_set_timestamp
    FROM analytics.episodes_issue_types
), priorities AS (
    SELECT
        episode_id
        , first_priority_level
        , priority_level
        , priority_levels_ordered
        , priority_first_set_timestamp
    FROM analytics.episodes_priority_levels
), ratings AS (
    SELECT
        episode_id
        , rating
    FROM analytics.episodes_ratings
), summaries AS (
    SELECT
        episode_id
        , first_message_created_at
        , date_day_est
        , date_week_est
        , date_month_est
        , date_day
        , date_week
        , date_month
        , last_message_created_at
        , first_message_care_team
        , last_message_care_team
        , first_message_nurse
        , first_message_nc
        , first_message_np
        , first_message_shift_manager
        , first_message_care_team_excl_sm
        , first_message_from_last_cc
        , last_message_from_last_cc
        , first_message_from_last_nc
        , last_message_from_last_nc
        , first_message_patient
        , last_message_patient
        , messages_total
        , messages_patient
        , messages_care_team
        , messages_length_total
        , first_set_active
        , first_set_resolved_pending_at
        , set_resolved_pending
        , includes_follow_up
        , frt_pt_message
        , frt_active
        , is_first_message_in_opening_hours
    FROM analytics.episodes_chats_summary
), videos AS (
    SELECT
        episode_id
        , first_video_consultation_started_at
        , includes_video_consultation
        , video_consultation_count
        , video_consultation_length
        , includes_video_consultation_gp
        , video_consultation_gp_count
        , video_consultation_gp_length
        , includes_video_consultation_np
        , video_consultation_np_count
        , video_consultation_np_length
        , includes_video_consultation_psy
        , video_consultation_psy_count
        , video_consultation_psy_length
        , includes_video_consultation_nutr
        , video_consultation_nutr_count
        , video_consultation_nutr_length
        , includes_video_consultation_psy_therapist
        , video_consultation_psy_therapist_count
        , video_consultation_psy_therapist_length
    FROM analytics.episodes_video_consultations
), nps AS (
    SELECT
        episode_id
        , score
        , nps_score
        , category
        , nps_category
    FROM analytics.episodes_nps
), kpis AS (
    SELECT
        episode_id
        , ttr_total
        , attr_total
        , attr_total_day_1
        , attr_total_day_7
        , attr_nc
        , attr_nc_day_1
        , attr_nc_day_7
        , attr_np
        , attr_np_day_1
        , attr_np_day_7
        , attr_nurse
        , attr_nurse_day_1
        , attr_nurse_day_7
        , attr_cc
        , attr_cc_day_1
        , attr_cc_day_7
        , attr_gp
        , attr_gp_day_1
        , attr_gp_day_7
        , attr_psy
        , attr_psy_day_1
        , attr_psy_day_7
        , attr_nutr
        , attr_nutr_day_1
        , attr_nutr_day_7
    FROM analytics.episodes_kpis
), sequences AS (
    SELECT
        episode_id
        , channel_selected
        , appointment_preference
        , dxa_started_at_est
        , is_dxa_started
        , dxa_completed_at_est
        , is_dxa_completed
        , dxa_completion_time
        , dxa_resume_count
        , is_dxa_resumed
        , channel_select_started_at_est
        , channel_select_completed_at_est
        , first_video_cc_nc_started_at_est
        , first_video_cc_nc_ended_at_est
        , first_phone_call_cc_nc_started_at_est
        , first_phone_call_cc_nc_ended_at_est
    FROM analytics.episodes_created_sequence_detailed
), chief_complaints AS (
    SELECT
        episode_id
        , cc_code
        , cc_label_en
        , cc_code_parsed
        , cc_code_parsed_confidence
        , cc_code_manual
        , cc_code_parsed_timestamp_est
        , cc_code_manual_timestamp_est
        , dxa_trigger_type
        , timestamp_est
    FROM analytics.episodes_chief_complaint
), cc_confirmations AS (
    SELECT
        episode_id
        , cc_code
        , is_cc_confirmed
    FROM analytics.episodes_cc_confirmed
), reasons AS (
    SELECT
        episode_id
        , reason_for_visit
    FROM analytics.episodes_reason_for_visit
), bookings AS (
    SELECT
        episode_id
        , appointment_booking_first_started_at
        , includes_appointment_booking
    FROM analytics.episodes_appointment_booking
), intakes AS (
    SELECT
        episode_id
        , intake_completed_at
        , treatment_category
        , intake_time_first_patient_message
        , intake_time_first_set_active
        , triage_outcome
    FROM analytics.episodes_intake
), costs AS (
    SELECT
        episode_id
        , nc_cost_total
        , nc_cost_ops_total
        , nc_cost_3_days
        , nc_cost_7_days
        , nc_cost_14_days
        , nc_cost_28_days
        , nc_cost_ops_3_days
        , nc_cost_ops_7_days
        , nc_cost_ops_14_days
        , nc_cost_ops_28_days
        , np_cost_total
        , np_cost_ops_total
        , np_cost_3_days
        , np_cost_7_days
        , np_cost_14_days
        , np_cost_28_days
        , np_cost_ops_3_days
        , np_cost_ops_7_days
        , np_cost_ops_14_days
        , np_cost_ops_28_days
        , cc_cost_total
        , cc_cost_ops_total
        , cc_cost_3_days
        , cc_cost_7_days
        , cc_cost_14_days
        , cc_cost_28_days
        , cc_cost_ops_3_days
        , cc_cost_ops_7_days
        , cc_cost_ops_14_days
        , cc_cost_ops_28_days
        , gp_cost_total
        , gp_cost_ops_total
        , gp_cost_3_days
        , gp_cost_7_days
        , gp_cost_14_days
        , gp_cost_28_days
        , gp_cost_ops_3_days
        , gp_cost_ops_7_days
        , gp_cost_ops_14_days
        , gp_cost_ops_28_days
        , total_cost_total
        , total_cost_ops_total
        , total_cost_3_days
        , total_cost_7_days
        , total_cost_14_days
        , total_cost_28_days
        , total_cost_ops_3_days
        , total_cost_ops_7_days
        , total_cost_ops_14_days
        , total_cost_ops_28_days
        , saas_cost
        , bonjour_sante_cost
    FROM analytics.episodes_costs
), dispatches AS (
    SELECT
        episode_id
        , dispatch_recommendation
        , dispatch_recommendation_timestamp
        , dispatch_recommendation_timestamp_est
    FROM analytics.episodes_dispatch_recommendation
), joined AS (
    SELECT
        channels.episode_id AS episode_id
        , channels.created_at AS created_at
        , channels.updated_at AS updated_at
        , channels.deleted_at AS deleted_at
        , channels.last_post_at AS last_post_at
        , channels.user_id AS user_id
        , channels.count_messages AS count_messages
        , channels.url_zorro AS url_zorro
        , channels.is_deleted AS is_deleted
        , outcomes.first_outcome_category AS first_outcome_category
        , outcomes.first_outcome AS first_outcome
        , outcomes.outcome_category AS outcome_category
        , outcomes.outcome AS outcome
        , COALESCE(outcomes.is_valid_outcome, FALSE) AS is_valid_outcome
        , outcomes.outcomes_ordered AS outcomes_ordered
        , outcomes.outcome_first_set_timestamp AS outcome_first_set_timestamp
        , issue_types.issue_type AS issue_type
        , COALESCE(issue_types.is_issue_pediatrics, FALSE) AS is_issue_pediatrics
        , issue_types.issue_type_set_timestamp AS issue_type_set_timestamp
        , COALESCE(issue_types.issue_type, 'n/a') || '-' || COALESCE(outcomes.outcome, 'n/a') AS issue_type_outcome_pair
        , priorities.first_priority_level AS first_priority_level
        , priorities.priority_level AS priority_level
        , priorities.priority_levels_ordered AS priority_levels_ordered
        , priorities.priority_first_set_timestamp AS priority_first_set_timestamp
        , ratings.rating AS rating
        , subjects.episode_subject AS episode_subject
        , subjects.episode_subject AS patient_id
        , channels.user_id <> subjects.episode_subject AS is_dependent_consult
        , users.family_id AS family_id
        , users.gender AS gender
        , users."language" AS "language"
        , EXTRACT(YEAR FROM summaries.first_message_created_at) - EXTRACT(YEAR FROM users.birthday) - CASE
            WHEN EXTRACT(MONTH FROM users.birthday) * 100 + EXTRACT(DAY FROM users.birthday) > EXTRACT(MONTH FROM summaries.first_message_created_at) * 100 + EXTRACT(DAY FROM summaries.first_message_created_at)
            THEN 1
            ELSE 0
        END AS age
        , summaries.date_day_est AS date_day_est
        , summaries.date_week_est AS date_week_est
        , summaries.date_month_est AS date_month_est
        , summaries.date_day AS date_day
        , summaries.date_week AS date_week
        , summaries.date_month AS date_month
        , summaries.first_message_created_at AS first_message_created_at
        , summaries.last_message_created_at AS last_message_created_at
        , summaries.first_message_care_team AS first_message_care_team
        , summaries.last_message_care_team AS last_message_care_team
        , summaries.first_message_nurse AS first_message_nurse
        , summaries.first_message_nc AS first_message_nc
        , summaries.first_message_np AS first_message_np
        , summaries.first_message_shift_manager AS first_message_shift_manager
        , summaries.first_message_care_team_excl_sm AS first_message_care_team_excl_sm
        , summaries.first_message_from_last_cc AS first_message_from_last_cc
        , summaries.last_message_from_last_cc AS last_message_from_last_cc
        , summaries.first_message_from_last_nc AS first_message_from_last_nc
        , summaries.last_message_from_last_nc AS last_message_from_last_nc
        , summaries.first_message_patient AS first_message_patient
        , summaries.last_message_patient AS last_message_patient
        , summaries.messages_total AS messages_total
        , summaries.messages_patient AS messages_patient
        , summaries.messages_care_team AS messages_care_team
        , summaries.messages_length_total AS messages_length_total
        , summaries.first_set_active AS first_set_active
        , summaries.first_set_resolved_pending_at AS first_set_resolved_pending_at
        , COALESCE(summaries.set_resolved_pending, FALSE) AS set_resolved_pending
        , COALESCE(summaries.includes_follow_up, FALSE) AS includes_follow_up
        , summaries.frt_pt_message AS frt_pt_message
        , summaries.frt_active AS frt_active
        , COALESCE(summaries.is_first_message_in_opening_hours, FALSE) AS is_first_message_in_opening_hours
        , videos.first_video_consultation_started_at AS first_video_consultation_started_at
        , COALESCE(videos.includes_video_consultation, FALSE) AS includes_video_consultation
        , COALESCE(videos.video_consultation_count, 0) AS video_consultation_count
        , COALESCE(videos.video_consultation_length, 0) AS video_consultation_length
        , COALESCE(videos.includes_video_consultation_gp, FALSE) AS includes_video_consultation_gp
        , COALESCE(videos.video_consultation_gp_count, 0) AS video_consultation_gp_count
        , COALESCE(videos.video_consultation_gp_length, 0) AS video_consultation_gp_length
        , COALESCE(videos.includes_video_consultation_np, FALSE) AS includes_video_consultation_np
        , COALESCE(videos.video_consultation_np_count, 0) AS video_consultation_np_count
        , COALESCE(videos.video_consultation_np_length, 0) AS video_consultation_np_length
        , COALESCE(videos.includes_video_consultation_psy, FALSE) AS includes_video_consultation_psy
        , COALESCE(videos.video_consultation_psy_count, 0) AS video_consultation_psy_count
        , COALESCE(videos.video_consultation_psy_length, 0) AS video_consultation_psy_length
        , COALESCE(videos.includes_video_consultation_nutr, FALSE) AS includes_video_consultation_nutr
        , COALESCE(videos.video_consultation_nutr_count, 0) AS video_consultation_nutr_count
        , COALESCE(videos.video_consultation_nutr_length, 0) AS video_consultation_nutr_length
        , COALESCE(videos.includes_video_consultation_psy_therapist, FALSE) AS includes_video_consultation_psy_therapist
        , COALESCE(videos.video_consultation_psy_therapist_count, 0) AS video_consultation_psy_therapist_count
        , COALESCE(videos.video_consultation_psy_therapist_length, 0) AS video_consultation_psy_therapist_length
        , nps.score AS score
        , nps.nps_score AS nps_score
        , nps.category AS category
        , nps.nps_category AS nps_category
        , kpis.ttr_total AS ttr_total
        , kpis.attr_total AS attr_total
        , kpis.attr_total_day_1 AS attr_total_day_1
        , kpis.attr_total_day_7 AS attr_total_day_7
        , kpis.attr_nc AS attr_nc
        , kpis.attr_nc_day_1 AS attr_nc_day_1
        , kpis.attr_nc_day_7 AS attr_nc_day_7
        , kpis.attr_np AS attr_np
        , kpis.attr_np_day_1 AS attr_np_day_1
        , kpis.attr_np_day_7 AS attr_np_day_7
        , kpis.attr_nurse AS attr_nurse
        , kpis.attr_nurse_day_1 AS attr_nurse_day_1
        , kpis.attr_nurse_day_7 AS attr_nurse_day_7
        , kpis.attr_cc AS attr_cc
        , kpis.attr_cc_day_1 AS attr_cc_day_1
        , kpis.attr_cc_day_7 AS attr_cc_day_7
        , kpis.attr_gp AS attr_gp
        , kpis.attr_gp_day_1 AS attr_gp_day_1
        , kpis.attr_gp_day_7 AS attr_gp_day_7
        , kpis.attr_psy AS attr_psy
        , kpis.attr_psy_day_1 AS attr_psy_day_1
        , kpis.attr_psy_day_7 AS attr_psy_day_7
        , kpis.attr_nutr AS attr_nutr
        , kpis.attr_nutr_day_1 AS attr_nutr_day_1
        , kpis.attr_nutr_day_7 AS attr_nutr_day_7
        , sequences.channel_selected AS channel_selected
        , sequences.appointment_preference AS appointment_preference
        , sequences.dxa_started_at_est AS dxa_started_at_est
        , COALESCE(sequences.is_dxa_started, FALSE) AS is_dxa_started
        , sequences.dxa_completed_at_est AS dxa_completed_at_est
        , COALESCE(sequences.is_dxa_completed, FALSE) AS is_dxa_completed
        , sequences.dxa_completion_time AS dxa_completion_time
        , sequences.dxa_resume_count AS dxa_resume_count
        , COALESCE(sequences.is_dxa_resumed, FALSE) AS is_dxa_resumed
        , sequences.channel_select_started_at_est AS channel_select_started_at_est
        , sequences.channel_select_completed_at_est AS channel_select_completed_at_est
        , sequences.first_video_cc_nc_started_at_est AS first_video_cc_nc_started_at_est
        , sequences.first_video_cc_nc_ended_at_est AS first_video_cc_nc_ended_at_est
        , sequences.first_phone_call_cc_nc_started_at_est AS first_phone_call_cc_nc_started_at_est
        , sequences.first_phone_call_cc_nc_ended_at_est AS first_phone_call_cc_nc_ended_at_est
        , @minutes_between(summaries.first_message_patient, sequences.dxa_started_at_est) AS time_to_start_dxa_from_first_message
        , @minutes_between(summaries.first_message_patient, sequences.dxa_completed_at_est) AS time_to_complete_dxa_from_first_message
        , chief_complaints.cc_code AS cc_code
        , chief_complaints.cc_label_en AS cc_label_en
        , chief_complaints.cc_code_parsed AS cc_code_parsed
        , chief_complaints.cc_code_parsed_confidence AS cc_code_parsed_confidence
        , chief_complaints.cc_code_manual AS cc_code_manual
        , chief_complaints.cc_code_parsed_timestamp_est AS cc_code_parsed_timestamp_est
        , chief_complaints.cc_code_manual_timestamp_est AS cc_code_manual_timestamp_est
        , chief_complaints.dxa_trigger_type AS dxa_trigger_type
        , chief_complaints.timestamp_est AS dxa_triggered_at
        , cc_confirmations.cc_code AS cc_code_confirmed
        , cc_confirmations.is_cc_confirmed AS is_cc_confirmed
        , COALESCE(reasons.reason_for_visit, 'N/A') AS reason_for_visit
        , bookings.appointment_booking_first_started_at AS appointment_booking_first_started_at
        , COALESCE(bookings.includes_appointment_booking, FALSE) AS includes_appointment_booking
        , CASE
            WHEN sequences.dxa_completed_at_est <= summaries.first_message_care_team
            THEN @minutes_between(sequences.dxa_completed_at_est, summaries.first_message_care_team)
        END AS frt_dxa
        , CASE
            WHEN summaries.episode_id IS NULL
            THEN FALSE
            WHEN NOT COALESCE(summaries.is_first_message_in_opening_hours, FALSE)
            THEN NULL
            WHEN outcomes.first_outcome_raw IS NULL
            OR outcomes.first_outcome_raw IN ('episode_duplicate', 'admin', 'test', 'audit')
            THEN NULL
            WHEN summaries.first_message_care_team < summaries.first_message_patient
            OR sequences.dxa_started_at_est < summaries.first_message_patient
            THEN NULL
            WHEN summaries.first_message_care_team IS NULL AND sequences.dxa_started_at_est IS NULL
            THEN FALSE
            ELSE @minutes_between(
                summaries.first_message_patient,
                LEAST(summaries.first_message_care_team, sequences.dxa_started_at_est)
            ) < 15
        END AS sla_answered_within_15_minutes
        , intakes.intake_completed_at AS intake_completed_at
        , COALESCE(intakes.treatment_category, 'N/A') AS treatment_category
        , intakes.intake_time_first_patient_message AS intake_time_first_patient_message
        , intakes.intake_time_first_set_active AS intake_time_first_set_active
        , COALESCE(intakes.triage_outcome, 'N/A') AS triage_outcome
        , CASE
            WHEN issue_types.issue_type IN ('psy', 'psy-pilot')
            THEN 'PSY'
            WHEN COALESCE(videos.includes_video_consultation_gp, FALSE)
            THEN 'GP'
            WHEN COALESCE(videos.includes_video_consultation_np, FALSE)
            THEN 'NP'
            WHEN outcomes.outcome_category = 'Unsuitable episode'
            THEN 'Unsuitable episode'
            WHEN outcomes.outcome_category = 'Navigation' OR outcomes.outcome = 'referral_without_navigation'
            THEN 'Out-refered'
            WHEN NOT summaries.last_message_from_last_nc IS NULL
            THEN 'NC'
            ELSE 'Unsuitable episode'
        END AS episode_type
        , CASE
            WHEN @minutes_between(
                sequences.channel_select_completed_at_est,
                LEAST(
                    sequences.first_phone_call_cc_nc_started_at_est,
                    sequences.first_video_cc_nc_started_at_est,
                    summaries.first_message_care_team_excl_sm
                )
            ) BETWEEN 0 AND 1440
            THEN @minutes_between(
                sequences.channel_select_completed_at_est,
                LEAST(
                    sequences.first_phone_call_cc_nc_started_at_est,
                    sequences.first_video_cc_nc_started_at_est,
                    summaries.first_message_care_team_excl_sm
                )
            )
        END AS channel_wait_time
        , costs.nc_cost_total AS nc_cost_total
        , costs.nc_cost_ops_total AS nc_cost_ops_total
        , costs.nc_cost_3_days AS nc_cost_3_days
        , costs.nc_cost_7_days AS nc_cost_7_days
        , costs.nc_cost_14_days AS nc_cost_14_days
        , costs.nc_cost_28_days AS nc_cost_28_days
        , costs.nc_cost_ops_3_days AS nc_cost_ops_3_days
        , costs.nc_cost_ops_7_days AS nc_cost_ops_7_days
        , costs.nc_cost_ops_14_days AS nc_cost_ops_14_days
        , costs.nc_cost_ops_28_days AS nc_cost_ops_28_days
        , costs.np_cost_total AS np_cost_total
        , costs.np_cost_ops_total AS np_cost_ops_total
        , costs.np_cost_3_days AS np_cost_3_days
        , costs.np_cost_7_days AS np_cost_7_days
        , costs.np_cost_14_days AS np_cost_14_days
        , costs.np_cost_28_days AS np_cost_28_days
        , costs.np_cost_ops_3_days AS np_cost_ops_3_days
        , costs.np_cost_ops_7_days AS np_cost_ops_7_days
        , costs.np_cost_ops_14_days AS np_cost_ops_14_days
        , costs.np_cost_ops_28_days AS np_cost_ops_28_days
        , costs.cc_cost_total AS cc_cost_total
        , costs.cc_cost_ops_total AS cc_cost_ops_total
        , costs.cc_cost_3_days AS cc_cost_3_days
        , costs.cc_cost_7_days AS cc_cost_7_days
        , costs.cc_cost_14_days AS cc_cost_14_days
        , costs.cc_cost_28_days AS cc_cost_28_days
        , costs.cc_cost_ops_3_days AS cc_cost_ops_3_days
        , costs.cc_cost_ops_7_days AS cc_cost_ops_7_days
        , costs.cc_cost_ops_14_days AS cc_cost_ops_14_days
        , costs.cc_cost_ops_28_days AS cc_cost_ops_28_days
        , costs.gp_cost_total AS gp_cost_total
        , costs.gp_cost_ops_total AS gp_cost_ops_total
        , costs.gp_cost_3_days AS gp_cost_3_days
        , costs.gp_cost_7_days AS gp_cost_7_days
        , costs.gp_cost_14_days AS gp_cost_14_days
        , costs.gp_cost_28_days AS gp_cost_28_days
        , costs.gp_cost_ops_3_days AS gp_cost_ops_3_days
        , costs.gp_cost_ops_7_days AS gp_cost_ops_7_days
        , costs.gp_cost_ops_14_days AS gp_cost_ops_14_days
        , costs.gp_cost_ops_28_days AS gp_cost_ops_28_days
        , costs.total_cost_total AS total_cost_total
        , costs.total_cost_ops_total AS total_cost_ops_total
        , costs.total_cost_3_days AS total_cost_3_days
        , costs.total_cost_7_days AS total_cost_7_days
        , costs.total_cost_14_days AS total_cost_14_days
        , costs.total_cost_28_days AS total_cost_28_days
        , costs.total_cost_ops_3_days AS total_cost_ops_3_days
        , costs.total_cost_ops_7_days AS total_cost_ops_7_days
        , costs.total_cost_ops_14_days AS total_cost_ops_14_days
        , costs.total_cost_ops_28_days AS total_cost_ops_28_days
        , costs.saas_cost AS saas_cost
        , costs.bonjour_sante_cost AS bonjour_sante_cost
        , dispatches.dispatch_recommendation AS dispatch_recommendation
        , dispatches.dispatch_recommendation_timestamp AS dispatch_recommendation_timestamp
        , dispatches.dispatch_recommendation_timestamp_est AS dispatch_recommendation_timestamp_est
        , NOT dispatches.episode_id IS NULL AS includes_dispatch_recommendation
        , CASE
            WHEN summaries.first_message_patient <= dispatches.dispatch_recommendation_timestamp_est
            THEN @minutes_between(summaries.first_message_patient, dispatches.dispatch_recommendation_timestamp_est)
        END AS dispatch_time_first_patient_message
    FROM channels
    INNER JOIN subjects
        ON channels.episode_id = subjects.episode_id
    LEFT JOIN test_users
        ON subjects.episode_subject = test_users.user_id
    LEFT JOIN users
        ON subjects.episode_subject = users.user_id
    LEFT JOIN outcomes
        ON channels.episode_id = outcomes.episode_id
    LEFT JOIN issue_types
        ON channels.episode_id = issue_types.episode_id
    LEFT JOIN priorities
        ON channels.episode_id = priorities.episode_id
    LEFT JOIN ratings
        ON channels.episode_id = ratings.episode_id
    LEFT JOIN summaries
        ON channels.episode_id = summaries.episode_id
    LEFT JOIN videos
        ON channels.episode_id = videos.episode_id
    LEFT JOIN nps
        ON channels.episode_id = nps.episode_id
    LEFT JOIN kpis
        ON channels.episode_id = kpis.episode_id
    LEFT JOIN sequences
        ON channels.episode_id = sequences.episode_id
    LEFT JOIN chief_complaints
        ON channels.episode_id = chief_complaints.episode_id
    LEFT JOIN cc_confirmations
        ON channels.episode_id = cc_confirmations.episode_id
    LEFT JOIN reasons
        ON channels.episode_id = reasons.episode_id
    LEFT JOIN bookings
        ON channels.episode_id = bookings.episode_id
    LEFT JOIN intakes
        ON channels.episode_id = intakes.episode_id
    LEFT JOIN costs
        ON channels.episode_id = costs.episode_id
    LEFT JOIN dispatches
        ON channels.episode_id = dispatches.episode_id
    WHERE
        test_users.user_id IS NULL
)
SELECT
    episode_id::TEXT AS episode_id /* Episode (messaging channel) */
    , created_at::TIMESTAMPTZ AS created_at /* First post of any kind in the channel (UTC) */
    , updated_at::TIMESTAMPTZ AS updated_at /* Last post in the channel (UTC) */
    , deleted_at::TIMESTAMPTZ AS deleted_at /* Always null (channels are never deleted) */
    , last_post_at::TIMESTAMPTZ AS last_post_at /* Last patient or care-team post (UTC) */
    , user_id::TEXT AS user_id /* The patient who posts in the channel */
    , count_messages::BIGINT AS count_messages /* Patient and care-team posts in the channel */
    , url_zorro::TEXT AS url_zorro /* Link to the internal conversation viewer */
    , is_deleted::BOOLEAN AS is_deleted /* Always false */
    , first_outcome_category::TEXT AS first_outcome_category /* Category of the first outcome set */
    , first_outcome::TEXT AS first_outcome /* First outcome set (valid or not) */
    , outcome_category::TEXT AS outcome_category /* Category of the outcome */
    , outcome::TEXT AS outcome /* Latest valid outcome, else latest of any kind */
    , is_valid_outcome::BOOLEAN AS is_valid_outcome /* A valid outcome was set */
    , outcomes_ordered::TEXT AS outcomes_ordered /* Outcomes in time order, comma-separated */
    , outcome_first_set_timestamp::TIMESTAMPTZ AS outcome_first_set_timestamp /* When the first outcome was set (UTC) */
    , issue_type::TEXT AS issue_type /* Latest issue type (adult code) */
    , is_issue_pediatrics::BOOLEAN AS is_issue_pediatrics /* The issue type set was a pediatric code */
    , issue_type_set_timestamp::TIMESTAMPTZ AS issue_type_set_timestamp /* When the latest issue type was set (UTC) */
    , issue_type_outcome_pair::TEXT AS issue_type_outcome_pair /* Issue type, a dash and the outcome (n/a when missing) */
    , first_priority_level::TEXT AS first_priority_level /* First priority level set */
    , priority_level::TEXT AS priority_level /* Current priority level */
    , priority_levels_ordered::TEXT AS priority_levels_ordered /* Priority levels in time order, comma-separated */
    , priority_first_set_timestamp::TIMESTAMPTZ AS priority_first_set_timestamp /* When the first priority was set (UTC) */
    , rating::INT AS rating /* Latest 0-5 star rating from the patient app */
    , episode_subject::TEXT AS episode_subject /* Scribe user id of the person the consult is about */
    , patient_id::TEXT AS patient_id /* Same as episode_subject */
    , is_dependent_consult::BOOLEAN AS is_dependent_consult /* The consult is about someone else than the poster (a dependent) */
    , family_id::TEXT AS family_id /* Family of the subject */
    , gender::TEXT AS gender /* Gender of the subject (M, F or N/A) */
    , "language"::TEXT AS "language" /* Language of the subject (FR, EN or N/A) */
    , age::INT AS age /* Age of the subject in years at the first message */
    , date_day_est::DATE AS date_day_est /* Local day of the first message */
    , date_week_est::DATE AS date_week_est /* Local Monday week of the first message */
    , date_month_est::DATE AS date_month_est /* Local month of the first message */
    , date_day::DATE AS date_day /* UTC day of the first message */
    , date_week::DATE AS date_week /* UTC Monday week of the first message */
    , date_month::DATE AS date_month /* UTC month of the first message */
    , first_message_created_at::TIMESTAMP AS first_message_created_at /* First message of the activated patient chats (local) */
    , last_message_created_at::TIMESTAMP AS last_message_created_at /* Last message (local) */
    , first_message_care_team::TIMESTAMP AS first_message_care_team /* First care-team message (local) */
    , last_message_care_team::TIMESTAMP AS last_message_care_team /* Last care-team message (local) */
    , first_message_nurse::TIMESTAMP AS first_message_nurse /* First nurse message (local) */
    , first_message_nc::TIMESTAMP AS first_message_nc /* First Nurse Clinician message (local) */
    , first_message_np::TIMESTAMP AS first_message_np /* First Nurse Practitioner message (local) */
    , first_message_shift_manager::TIMESTAMP AS first_message_shift_manager /* First Shift Manager message (local) */
    , first_message_care_team_excl_sm::TIMESTAMP AS first_message_care_team_excl_sm /* First care-team message outside a Shift Manager shift (local) */
    , first_message_from_last_cc::TIMESTAMP AS first_message_from_last_cc /* First message of a days last Care Coordinator (local) */
    , last_message_from_last_cc::TIMESTAMP AS last_message_from_last_cc /* Last message of a days last Care Coordinator (local) */
    , first_message_from_last_nc::TIMESTAMP AS first_message_from_last_nc /* First message of a days last Nurse Clinician (local) */
    , last_message_from_last_nc::TIMESTAMP AS last_message_from_last_nc /* Last message of a days last Nurse Clinician (local) */
    , first_message_patient::TIMESTAMP AS first_message_patient /* First patient message (local) */
    , last_message_patient::TIMESTAMP AS last_message_patient /* Last patient message (local) */
    , messages_total::BIGINT AS messages_total /* Patient and care-team messages */
    , messages_patient::BIGINT AS messages_patient /* Patient messages */
    , messages_care_team::BIGINT AS messages_care_team /* Care-team messages */
    , messages_length_total::BIGINT AS messages_length_total /* Characters in the messages */
    , first_set_active::TIMESTAMP AS first_set_active /* First time set active (local) */
    , first_set_resolved_pending_at::TIMESTAMP AS first_set_resolved_pending_at /* First time set pending or resolved (local) */
    , set_resolved_pending::BOOLEAN AS set_resolved_pending /* Set pending or resolved */
    , includes_follow_up::BOOLEAN AS includes_follow_up /* Has a Follow-up chat */
    , frt_pt_message::DOUBLE AS frt_pt_message /* Minutes from the first patient message to the first care-team message; null when the care team wrote first */
    , frt_active::DOUBLE AS frt_active /* Minutes from first set active to the first care-team message */
    , is_first_message_in_opening_hours::BOOLEAN AS is_first_message_in_opening_hours /* The first chat started in opening hours */
    , first_video_consultation_started_at::TIMESTAMPTZ AS first_video_consultation_started_at /* First GP/NP/PSY/nutrition/psychotherapy video (UTC) */
    , includes_video_consultation::BOOLEAN AS includes_video_consultation /* A video consultation happened */
    , video_consultation_count::BIGINT AS video_consultation_count /* Distinct local days with a video consultation */
    , video_consultation_length::DOUBLE AS video_consultation_length /* Total video consultation length, minutes */
    , includes_video_consultation_gp::BOOLEAN AS includes_video_consultation_gp /* A gp video consultation happened */
    , video_consultation_gp_count::BIGINT AS video_consultation_gp_count /* Days with a gp video consultation */
    , video_consultation_gp_length::DOUBLE AS video_consultation_gp_length /* gp video consultation length, minutes */
    , includes_video_consultation_np::BOOLEAN AS includes_video_consultation_np /* A np video consultation happened */
    , video_consultation_np_count::BIGINT AS video_consultation_np_count /* Days with a np video consultation */
    , video_consultation_np_length::DOUBLE AS video_consultation_np_length /* np video consultation length, minutes */
    , includes_video_consultation_psy::BOOLEAN AS includes_video_consultation_psy /* A psy video consultation happened */
    , video_consultation_psy_count::BIGINT AS video_consultation_psy_count /* Days with a psy video consultation */
    , video_consultation_psy_length::DOUBLE AS video_consultation_psy_length /* psy video consultation length, minutes */
    , includes_video_consultation_nutr::BOOLEAN AS includes_video_consultation_nutr /* A nutr video consultation happened */
    , video_consultation_nutr_count::BIGINT AS video_consultation_nutr_count /* Days with a nutr video consultation */
    , video_consultation_nutr_length::DOUBLE AS video_consultation_nutr_length /* nutr video consultation length, minutes */
    , includes_video_consultation_psy_therapist::BOOLEAN AS includes_video_consultation_psy_therapist /* A psy_therapist video consultation happened */
    , video_consultation_psy_therapist_count::BIGINT AS video_consultation_psy_therapist_count /* Days with a psy_therapist video consultation */
    , video_consultation_psy_therapist_length::DOUBLE AS video_consultation_psy_therapist_length /* psy_therapist video consultation length, minutes */
    , score::INT AS score /* Latest Delighted NPS score (0-10) for the episode */
    , nps_score::INT AS nps_score /* Same as score */
    , category::TEXT AS category /* NPS category: promoter, passive or detractor */
    , nps_category::TEXT AS nps_category /* Same as category */
    , ttr_total::DOUBLE AS ttr_total /* Time to resolve: minutes from the first message of the first chat to the last message of the last chat */
    , attr_total::DOUBLE AS attr_total /* Active time to resolve by all roles, minutes */
    , attr_total_day_1::DOUBLE AS attr_total_day_1 /* Active time by all roles on the New Episode day, minutes */
    , attr_total_day_7::DOUBLE AS attr_total_day_7 /* Active time by all roles within 7 days of the New Episode day, minutes */
    , attr_nc::DOUBLE AS attr_nc /* Active time to resolve by Nurse Clinicians, minutes */
    , attr_nc_day_1::DOUBLE AS attr_nc_day_1 /* Active time by Nurse Clinicians on the New Episode day, minutes */
    , attr_nc_day_7::DOUBLE AS attr_nc_day_7 /* Active time by Nurse Clinicians within 7 days of the New Episode day, minutes */
    , attr_np::DOUBLE AS attr_np /* Active time to resolve by Nurse Practitioners, minutes */
    , attr_np_day_1::DOUBLE AS attr_np_day_1 /* Active time by Nurse Practitioners on the New Episode day, minutes */
    , attr_np_day_7::DOUBLE AS attr_np_day_7 /* Active time by Nurse Practitioners within 7 days of the New Episode day, minutes */
    , attr_nurse::DOUBLE AS attr_nurse /* Active time to resolve by nurses (NC+NP), minutes */
    , attr_nurse_day_1::DOUBLE AS attr_nurse_day_1 /* Active time by nurses (NC+NP) on the New Episode day, minutes */
    , attr_nurse_day_7::DOUBLE AS attr_nurse_day_7 /* Active time by nurses (NC+NP) within 7 days of the New Episode day, minutes */
    , attr_cc::DOUBLE AS attr_cc /* Active time to resolve by Care Coordinators, minutes */
    , attr_cc_day_1::DOUBLE AS attr_cc_day_1 /* Active time by Care Coordinators on the New Episode day, minutes */
    , attr_cc_day_7::DOUBLE AS attr_cc_day_7 /* Active time by Care Coordinators within 7 days of the New Episode day, minutes */
    , attr_gp::DOUBLE AS attr_gp /* Active time to resolve by Family Physicians, minutes */
    , attr_gp_day_1::DOUBLE AS attr_gp_day_1 /* Active time by Family Physicians on the New Episode day, minutes */
    , attr_gp_day_7::DOUBLE AS attr_gp_day_7 /* Active time by Family Physicians within 7 days of the New Episode day, minutes */
    , attr_psy::DOUBLE AS attr_psy /* Active time to resolve by psychologists, minutes */
    , attr_psy_day_1::DOUBLE AS attr_psy_day_1 /* Active time by psychologists on the New Episode day, minutes */
    , attr_psy_day_7::DOUBLE AS attr_psy_day_7 /* Active time by psychologists within 7 days of the New Episode day, minutes */
    , attr_nutr::DOUBLE AS attr_nutr /* Active time to resolve by nutritionists, minutes */
    , attr_nutr_day_1::DOUBLE AS attr_nutr_day_1 /* Active time by nutritionists on the New Episode day, minutes */
    , attr_nutr_day_7::DOUBLE AS attr_nutr_day_7 /* Active time by nutritionists within 7 days of the New Episode day, minutes */
    , channel_selected::TEXT AS channel_selected /* Channel chosen by the patient */
    , appointment_preference::TEXT AS appointment_preference /* Appointment preference answered */
    , dxa_started_at_est::TIMESTAMP AS dxa_started_at_est /* DXA start (local) */
    , is_dxa_started::BOOLEAN AS is_dxa_started /* DXA started */
    , dxa_completed_at_est::TIMESTAMP AS dxa_completed_at_est /* DXA completion (local) */
    , is_dxa_completed::BOOLEAN AS is_dxa_completed /* DXA completed */
    , dxa_completion_time::DOUBLE AS dxa_completion_time /* Minutes to complete DXA */
    , dxa_resume_count::BIGINT AS dxa_resume_count /* DXA resumes */
    , is_dxa_resumed::BOOLEAN AS is_dxa_resumed /* DXA resumed */
    , channel_select_started_at_est::TIMESTAMP AS channel_select_started_at_est /* Channel selection start (local) */
    , channel_select_completed_at_est::TIMESTAMP AS channel_select_completed_at_est /* Channel selection completion (local) */
    , first_video_cc_nc_started_at_est::TIMESTAMP AS first_video_cc_nc_started_at_est /* First triage video by a CC/NC (local) */
    , first_video_cc_nc_ended_at_est::TIMESTAMP AS first_video_cc_nc_ended_at_est /* End of that video (local) */
    , first_phone_call_cc_nc_started_at_est::TIMESTAMP AS first_phone_call_cc_nc_started_at_est /* First triage phone call by a CC/NC (local) */
    , first_phone_call_cc_nc_ended_at_est::TIMESTAMP AS first_phone_call_cc_nc_ended_at_est /* End of that call (local) */
    , time_to_start_dxa_from_first_message::DOUBLE AS time_to_start_dxa_from_first_message /* Minutes from the patient's first message to the DXA start: a signed offset, negative when the DXA started before the patient's first message (as in the original) */
    , time_to_complete_dxa_from_first_message::DOUBLE AS time_to_complete_dxa_from_first_message /* Minutes from the patient's first message to the DXA completion: a signed offset, negative when the DXA was completed before the patient's first message (as in the original) */
    , cc_code::TEXT AS cc_code /* Chief complaint code that launched DXA */
    , cc_label_en::TEXT AS cc_label_en /* Chief complaint label (English) */
    , cc_code_parsed::TEXT AS cc_code_parsed /* Chief complaint from the NLP parse */
    , cc_code_parsed_confidence::DOUBLE AS cc_code_parsed_confidence /* Confidence of the parse */
    , cc_code_manual::TEXT AS cc_code_manual /* Chief complaint of the first manual DXA launch */
    , cc_code_parsed_timestamp_est::TIMESTAMP AS cc_code_parsed_timestamp_est /* Time of the parse (local) */
    , cc_code_manual_timestamp_est::TIMESTAMP AS cc_code_manual_timestamp_est /* Time of the manual launch (local) */
    , dxa_trigger_type::TEXT AS dxa_trigger_type /* automatically, manually, both or N/A */
    , dxa_triggered_at::TIMESTAMP AS dxa_triggered_at /* When DXA was triggered (local) */
    , cc_code_confirmed::TEXT AS cc_code_confirmed /* Answer to the CC-confirmation question */
    , is_cc_confirmed::BOOLEAN AS is_cc_confirmed /* The patient confirmed the chief complaint */
    , reason_for_visit::TEXT AS reason_for_visit /* First chat-topic answer, N/A when none */
    , appointment_booking_first_started_at::TIMESTAMP AS appointment_booking_first_started_at /* First Appointment Virtual template (local) */
    , includes_appointment_booking::BOOLEAN AS includes_appointment_booking /* An appointment booking started */
    , frt_dxa::DOUBLE AS frt_dxa /* Minutes from DXA completion to the first care-team message (DXA finished first) */
    , sla_answered_within_15_minutes::BOOLEAN AS sla_answered_within_15_minutes /* Business-hours SLA: first response (DXA start or care-team message) within 15 minutes of the first patient message; false without a chat summary; null when not evaluable */
    , intake_completed_at::TIMESTAMP AS intake_completed_at /* When the right resource was determined (local) */
    , treatment_category::TEXT AS treatment_category /* treated_by_np_gp, outreferred, treated_by_nc or other; N/A without an intake row */
    , intake_time_first_patient_message::DOUBLE AS intake_time_first_patient_message /* Minutes from the first patient message to intake completion */
    , intake_time_first_set_active::DOUBLE AS intake_time_first_set_active /* Minutes from the first activation to intake completion */
    , triage_outcome::TEXT AS triage_outcome /* Triage label, N/A when missing */
    , episode_type::TEXT AS episode_type /* PSY, GP, NP, Unsuitable episode, Out-refered or NC */
    , channel_wait_time::DOUBLE AS channel_wait_time /* Minutes from channel selection to the first CC/NC call, video or non-Shift-Manager message, when between 0 and 24 hours */
    , nc_cost_total::DOUBLE AS nc_cost_total /* NC cost of the episode, all days ($) */
    , nc_cost_ops_total::DOUBLE AS nc_cost_ops_total /* NC cost with the ops premium, all days ($) */
    , nc_cost_3_days::DOUBLE AS nc_cost_3_days /* NC cost within 3 days of the first day ($) */
    , nc_cost_7_days::DOUBLE AS nc_cost_7_days /* NC cost within 7 days of the first day ($) */
    , nc_cost_14_days::DOUBLE AS nc_cost_14_days /* NC cost within 14 days of the first day ($) */
    , nc_cost_28_days::DOUBLE AS nc_cost_28_days /* NC cost within 28 days of the first day ($) */
    , nc_cost_ops_3_days::DOUBLE AS nc_cost_ops_3_days /* NC cost with ops premium within 3 days ($) */
    , nc_cost_ops_7_days::DOUBLE AS nc_cost_ops_7_days /* NC cost with ops premium within 7 days ($) */
    , nc_cost_ops_14_days::DOUBLE AS nc_cost_ops_14_days /* NC cost with ops premium within 14 days ($) */
    , nc_cost_ops_28_days::DOUBLE AS nc_cost_ops_28_days /* NC cost with ops premium within 28 days ($) */
    , np_cost_total::DOUBLE AS np_cost_total /* NP cost of the episode, all days ($) */
    , np_cost_ops_total::DOUBLE AS np_cost_ops_total /* NP cost with the ops premium, all days ($) */
    , np_cost_3_days::DOUBLE AS np_cost_3_days /* NP cost within 3 days of the first day ($) */
    , np_cost_7_days::DOUBLE AS np_cost_7_days /* NP cost within 7 days of the first day ($) */
    , np_cost_14_days::DOUBLE AS np_cost_14_days /* NP cost within 14 days of the first day ($) */
    , np_cost_28_days::DOUBLE AS np_cost_28_days /* NP cost within 28 days of the first day ($) */
    , np_cost_ops_3_days::DOUBLE AS np_cost_ops_3_days /* NP cost with ops premium within 3 days ($) */
    , np_cost_ops_7_days::DOUBLE AS np_cost_ops_7_days /* NP cost with ops premium within 7 days ($) */
    , np_cost_ops_14_days::DOUBLE AS np_cost_ops_14_days /* NP cost with ops premium within 14 days ($) */
    , np_cost_ops_28_days::DOUBLE AS np_cost_ops_28_days /* NP cost with ops premium within 28 days ($) */
    , cc_cost_total::DOUBLE AS cc_cost_total /* CC cost of the episode, all days ($) */
    , cc_cost_ops_total::DOUBLE AS cc_cost_ops_total /* CC cost with the ops premium, all days ($) */
    , cc_cost_3_days::DOUBLE AS cc_cost_3_days /* CC cost within 3 days of the first day ($) */
    , cc_cost_7_days::DOUBLE AS cc_cost_7_days /* CC cost within 7 days of the first day ($) */
    , cc_cost_14_days::DOUBLE AS cc_cost_14_days /* CC cost within 14 days of the first day ($) */
    , cc_cost_28_days::DOUBLE AS cc_cost_28_days /* CC cost within 28 days of the first day ($) */
    , cc_cost_ops_3_days::DOUBLE AS cc_cost_ops_3_days /* CC cost with ops premium within 3 days ($) */
    , cc_cost_ops_7_days::DOUBLE AS cc_cost_ops_7_days /* CC cost with ops premium within 7 days ($) */
    , cc_cost_ops_14_days::DOUBLE AS cc_cost_ops_14_days /* CC cost with ops premium within 14 days ($) */
    , cc_cost_ops_28_days::DOUBLE AS cc_cost_ops_28_days /* CC cost with ops premium within 28 days ($) */
    , gp_cost_total::DOUBLE AS gp_cost_total /* GP cost of the episode, all days ($) */
    , gp_cost_ops_total::DOUBLE AS gp_cost_ops_total /* GP cost with the ops premium, all days ($) */
    , gp_cost_3_days::DOUBLE AS gp_cost_3_days /* GP cost within 3 days of the first day ($) */
    , gp_cost_7_days::DOUBLE AS gp_cost_7_days /* GP cost within 7 days of the first day ($) */
    , gp_cost_14_days::DOUBLE AS gp_cost_14_days /* GP cost within 14 days of the first day ($) */
    , gp_cost_28_days::DOUBLE AS gp_cost_28_days /* GP cost within 28 days of the first day ($) */
    , gp_cost_ops_3_days::DOUBLE AS gp_cost_ops_3_days /* GP cost with ops premium within 3 days ($) */
    , gp_cost_ops_7_days::DOUBLE AS gp_cost_ops_7_days /* GP cost with ops premium within 7 days ($) */
    , gp_cost_ops_14_days::DOUBLE AS gp_cost_ops_14_days /* GP cost with ops premium within 14 days ($) */
    , gp_cost_ops_28_days::DOUBLE AS gp_cost_ops_28_days /* GP cost with ops premium within 28 days ($) */
    , total_cost_total::DOUBLE AS total_cost_total /* TOTAL cost of the episode, all days ($) */
    , total_cost_ops_total::DOUBLE AS total_cost_ops_total /* TOTAL cost with the ops premium, all days ($) */
    , total_cost_3_days::DOUBLE AS total_cost_3_days /* TOTAL cost within 3 days of the first day ($) */
    , total_cost_7_days::DOUBLE AS total_cost_7_days /* TOTAL cost within 7 days of the first day ($) */
    , total_cost_14_days::DOUBLE AS total_cost_14_days /* TOTAL cost within 14 days of the first day ($) */
    , total_cost_28_days::DOUBLE AS total_cost_28_days /* TOTAL cost within 28 days of the first day ($) */
    , total_cost_ops_3_days::DOUBLE AS total_cost_ops_3_days /* TOTAL cost with ops premium within 3 days ($) */
    , total_cost_ops_7_days::DOUBLE AS total_cost_ops_7_days /* TOTAL cost with ops premium within 7 days ($) */
    , total_cost_ops_14_days::DOUBLE AS total_cost_ops_14_days /* TOTAL cost with ops premium within 14 days ($) */
    , total_cost_ops_28_days::DOUBLE AS total_cost_ops_28_days /* TOTAL cost with ops premium within 28 days ($) */
    , saas_cost::DOUBLE AS saas_cost /* Allocated SaaS cost ($) */
    , bonjour_sante_cost::DOUBLE AS bonjour_sante_cost /* Allocated Bonjour Sante cost ($) */
    , dispatch_recommendation::TEXT AS dispatch_recommendation /* Normalised first Outcome slash command */
    , dispatch_recommendation_timestamp::TIMESTAMPTZ AS dispatch_recommendation_timestamp /* When it was sent (UTC) */
    , dispatch_recommendation_timestamp_est::TIMESTAMP AS dispatch_recommendation_timestamp_est /* When it was sent (local) */
    , includes_dispatch_recommendation::BOOLEAN AS includes_dispatch_recommendation /* A dispatch recommendation was sent */
    , dispatch_time_first_patient_message::DOUBLE AS dispatch_time_first_patient_message /* Minutes from the first patient message to the dispatch recommendation; null when the recommendation came first */
FROM joined
