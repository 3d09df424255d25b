MODEL (
    name analytics.episodes_with_contracts,
    kind FULL,
    cron '0 7 * * *',
    owner analytics,
    grain (episode_id, contract_id),
    tags (table, episodes, membership, care),
    audits (
        unique_combination_of_columns(columns := (episode_id, contract_id))
        , not_null(columns := (episode_id, contract_id, patient_id, family_member_type, organization_id))
        , accepted_values("column" := family_member_type, is_in := ('Employee', 'Dependent', 'Child'))
    ),
    description 'Episodes with the contract of their subject: one row per episode and contract of the subject (user_contract) whose local validity [during_start_est, during_end_est) contains the episode''s first patient message (local, from the activated chats), as in the original: episodes never activated (no first patient message) have no contract and are left out. An episode appears twice when the person has two overlapping contracts (e.g. employee and dependent); episodes without a contract at that moment are left out. Adds contract_id, family_member_type, residence_province, organization and Salesforce account. FULL, rebuilt by the daily 07:00 UTC run after episodes (itself FULL).'
);

WITH episodes AS (
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
        , first_outcome_category
        , first_outcome
        , outcome_category
        , outcome
        , is_valid_outcome
        , outcomes_ordered
        , outcome_first_set_timestamp
        , issue_type
        , is_issue_pediatrics
        , issue_type_set_timestamp
        , issue_type_outcome_pair
        , first_priority_level
        , priority_level
        , priority_levels_ordered
        , priority_first_set_timestamp
        , rating
        , episode_subject
        , patient_id
        , is_dependent_consult
        , family_id
        , gender
        , "language"
        , age
        , date_day_est
        , date_week_est
        , date_month_est
        , date_day
        , date_week
        , date_month
        , first_message_created_at
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
        , score
        , nps_score
        , category
        , nps_category
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
        , time_to_start_dxa_from_first_message
        , time_to_complete_dxa_from_first_message
        , cc_code
        , cc_label_en
        , cc_code_parsed
        , cc_code_parsed_confidence
        , cc_code_manual
        , cc_code_parsed_timestamp_est
        , cc_code_manual_timestamp_est
        , dxa_trigger_type
        , dxa_triggered_at
        , cc_code_confirmed
        , is_cc_confirmed
        , reason_for_visit
        , appointment_booking_first_started_at
        , includes_appointment_booking
        , frt_dxa
        , sla_answered_within_15_minutes
        , intake_completed_at
        , treatment_category
        , intake_time_first_patient_message
        , intake_time_first_set_active
        , triage_outcome
        , episode_type
        , channel_wait_time
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
        , dispatch_recommendation
        , dispatch_recommendation_timestamp
        , dispatch_recommendation_timestamp_est
        , includes_dispatch_recommendation
        , dispatch_time_first_patient_message
    FROM analytics.episodes
), contracts AS (
    SELECT
        user_id
        , contract_id
        , family_member_type
        , residence_province
        , organization_id
        , organization_name
        , account_id
        , account_name
        , during_start_est
        , during_end_est
    FROM analytics.user_contract
), joined AS (
    SELECT
        episodes.episode_id
        , episodes.created_at
        , episodes.updated_at
        , episodes.deleted_at
        , episodes.last_post_at
        , episodes.user_id
        , episodes.count_messages
        , episodes.url_zorro
        , episodes.is_deleted
        , episodes.first_outcome_category
        , episodes.first_outcome
        , episodes.outcome_category
        , episodes.outcome
        , episodes.is_valid_outcome
        , episodes.outcomes_ordered
        , episodes.outcome_first_set_timestamp
        , episodes.issue_type
        , episodes.is_issue_pediatrics
        , episodes.issue_type_set_timestamp
        , episodes.issue_type_outcome_pair
        , episodes.first_priority_level
        , episodes.priority_level
        , episodes.priority_levels_ordered
        , episodes.priority_first_set_timestamp
        , episodes.rating
        , episodes.episode_subject
        , episodes.patient_id
        , episodes.is_dependent_consult
        , episodes.family_id
        , episodes.gender
        , episodes."language"
        , episodes.age
        , episodes.date_day_est
        , episodes.date_week_est
        , episodes.date_month_est
        , episodes.date_day
        , episodes.date_week
        , episodes.date_month
        , episodes.first_message_created_at
        , episodes.last_message_created_at
        , episodes.first_message_care_team
        , episodes.last_message_care_team
        , episodes.first_message_nurse
        , episodes.first_message_nc
        , episodes.first_message_np
        , episodes.first_message_shift_manager
        , episodes.first_message_care_team_excl_sm
        , episodes.first_message_from_last_cc
        , episodes.last_message_from_last_cc
        , episodes.first_message_from_last_nc
        , episodes.last_message_from_last_nc
        , episodes.first_message_patient
        , episodes.last_message_patient
        , episodes.messages_total
        , episodes.messages_patient
        , episodes.messages_care_team
        , episodes.messages_length_total
        , episodes.first_set_active
        , episodes.first_set_resolved_pending_at
        , episodes.set_resolved_pending
        , episodes.includes_follow_up
        , episodes.frt_pt_message
        , episodes.frt_active
        , episodes.is_first_message_in_opening_hours
        , episodes.first_video_consultation_started_at
        , episodes.includes_video_consultation
        , episodes.video_consultation_count
        , episodes.video_consultation_length
        , episodes.includes_video_consultation_gp
        , episodes.video_consultation_gp_count
        , episodes.video_consultation_gp_length
        , episodes.includes_video_consultation_np
        , episodes.video_consultation_np_count
        , episodes.video_consultation_np_length
        , episodes.includes_video_consultation_psy
        , episodes.video_consultation_psy_count
        , episodes.video_consultation_psy_length
        , episodes.includes_video_consultation_nutr
        , episodes.video_consultation_nutr_count
        , episodes.video_consultation_nutr_length
        , episodes.includes_video_consultation_psy_therapist
        , episodes.video_consultation_psy_therapist_count
        , episodes.video_consultation_psy_therapist_length
        , episodes.score
        , episodes.nps_score
        , episodes.category
        , episodes.nps_category
        , episodes.ttr_total
        , episodes.attr_total
        , episodes.attr_total_day_1
        , episodes.attr_total_day_7
        , episodes.attr_nc
        , episodes.attr_nc_day_1
        , episodes.attr_nc_day_7
        , episodes.attr_np
        , episodes.attr_np_day_1
        , episodes.attr_np_day_7
        , episodes.attr_nurse
        , episodes.attr_nurse_day_1
        , episodes.attr_nurse_day_7
        , episodes.attr_cc
        , episodes.attr_cc_day_1
        , episodes.attr_cc_day_7
        , episodes.attr_gp
        , episodes.attr_gp_day_1
        , episodes.attr_gp_day_7
        , episodes.attr_psy
        , episodes.attr_psy_day_1
        , episodes.attr_psy_day_7
        , episodes.attr_nutr
        , episodes.attr_nutr_day_1
        , episodes.attr_nutr_day_7
        , episodes.channel_selected
        , episodes.appointment_preference
        , episodes.dxa_started_at_est
        , episodes.is_dxa_started
        , episodes.dxa_completed_at_est
        , episodes.is_dxa_completed
        , episodes.dxa_completion_time
        , episodes.dxa_resume_count
        , episodes.is_dxa_resumed
        , episodes.channel_select_started_at_est
        , episodes.channel_select_completed_at_est
        , episodes.first_video_cc_nc_started_at_est
        , episodes.first_video_cc_nc_ended_at_est
        , episodes.first_phone_call_cc_nc_started_at_est
        , episodes.first_phone_call_cc_nc_ended_at_est
        , episodes.time_to_start_dxa_from_first_message
        , episodes.time_to_complete_dxa_from_first_message
        , episodes.cc_code
        , episodes.cc_label_en
        , episodes.cc_code_parsed
        , episodes.cc_code_parsed_confidence
        , episodes.cc_code_manual
        , episodes.cc_code_parsed_timestamp_est
        , episodes.cc_code_manual_timestamp_est
        , episodes.dxa_trigger_type
        , episodes.dxa_triggered_at
        , episodes.cc_code_confirmed
        , episodes.is_cc_confirmed
        , episodes.reason_for_visit
        , episodes.appointment_booking_first_started_at
        , episodes.includes_appointment_booking
        , episodes.frt_dxa
        , episodes.sla_answered_within_15_minutes
        , episodes.intake_completed_at
        , episodes.treatment_category
        , episodes.intake_time_first_patient_message
        , episodes.intake_time_first_set_active
        , episodes.triage_outcome
        , episodes.episode_type
        , episodes.channel_wait_time
        , episodes.nc_cost_total
        , episodes.nc_cost_ops_total
        , episodes.nc_cost_3_days
        , episodes.nc_cost_7_days
        , episodes.nc_cost_14_days
        , episodes.nc_cost_28_days
        , episodes.nc_cost_ops_3_days
        , episodes.nc_cost_ops_7_days
        , episodes.nc_cost_ops_14_days
        , episodes.nc_cost_ops_28_days
        , episodes.np_cost_total
        , episodes.np_cost_ops_total
        , episodes.np_cost_3_days
        , episodes.np_cost_7_days
        , episodes.np_cost_14_days
        , episodes.np_cost_28_days
        , episodes.np_cost_ops_3_days
        , episodes.np_cost_ops_7_days
        , episodes.np_cost_ops_14_days
        , episodes.np_cost_ops_28_days
        , episodes.cc_cost_total
        , episodes.cc_cost_ops_total
        , episodes.cc_cost_3_days
        , episodes.cc_cost_7_days
        , episodes.cc_cost_14_days
        , episodes.cc_cost_28_days
        , episodes.cc_cost_ops_3_days
        , episodes.cc_cost_ops_7_days
        , episodes.cc_cost_ops_14_days
        , episodes.cc_cost_ops_28_days
        , episodes.gp_cost_total
        , episodes.gp_cost_ops_total
        , episodes.gp_cost_3_days
        , episodes.gp_cost_7_days
        , episodes.gp_cost_14_days
        , episodes.gp_cost_28_days
        , episodes.gp_cost_ops_3_days
        , episodes.gp_cost_ops_7_days
        , episodes.gp_cost_ops_14_days
        , episodes.gp_cost_ops_28_days
        , episodes.total_cost_total
        , episodes.total_cost_ops_total
        , episodes.total_cost_3_days
        , episodes.total_cost_7_days
        , episodes.total_cost_14_days
        , episodes.total_cost_28_days
        , episodes.total_cost_ops_3_days
        , episodes.total_cost_ops_7_days
        , episodes.total_cost_ops_14_days
        , episodes.total_cost_ops_28_days
        , episodes.saas_cost
        , episodes.bonjour_sante_cost
        , episodes.dispatch_recommendation
        , episodes.dispatch_recommendation_timestamp
        , episodes.dispatch_recommendation_timestamp_est
        , episodes.includes_dispatch_recommendation
        , episodes.dispatch_time_first_patient_message
        , contracts.contract_id
        , contracts.family_member_type
        , contracts.residence_province
        , contracts.organization_id
        , contracts.organization_name
        , contracts.account_id
        , contracts.account_name
    FROM episodes
    INNER JOIN contracts
        ON episodes.patient_id = contracts.user_id
        AND contracts.during_start_est <= episodes.first_message_patient
        AND episodes.first_message_patient < contracts.during_end_est
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
    , frt_pt_message::DOUBLE AS frt_pt_message /* Minutes from the first patient message to the first care-team message */
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
    , time_to_start_dxa_from_first_message::DOUBLE AS time_to_start_dxa_from_first_message /* Minutes from the first message to the DXA start */
    , time_to_complete_dxa_from_first_message::DOUBLE AS time_to_complete_dxa_from_first_message /* Minutes from the first message to the DXA completion */
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
    , sla_answered_within_15_minutes::BOOLEAN AS sla_answered_within_15_minutes /* Business-hours SLA: first response (DXA start or care-team message) within 15 minutes of the first patient message; null when not evaluable */
    , intake_completed_at::TIMESTAMP AS intake_completed_at /* When the right resource was determined (local) */
    , treatment_category::TEXT AS treatment_category /* treated_by_np_gp, outreferred, treated_by_nc or other */
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
    , dispatch_time_first_patient_message::DOUBLE AS dispatch_time_first_patient_message /* Minutes from the first patient message to the dispatch recommendation */
    , contract_id::BIGINT AS contract_id /* Contract of the subject active at the first message */
    , family_member_type::TEXT AS family_member_type /* Employee, Dependent or Child on that contract */
    , residence_province::TEXT AS residence_province /* Province of residence of the subject (full name) */
    , organization_id::BIGINT AS organization_id /* Organization of the contract */
    , organization_name::TEXT AS organization_name /* Name of the organization */
    , account_id::TEXT AS account_id /* Salesforce account of the organization */
    , account_name::TEXT AS account_name /* Salesforce account name */
FROM joined
