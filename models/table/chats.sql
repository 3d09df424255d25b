MODEL (
    name analytics.chats,
    kind INCREMENTAL_BY_TIME_RANGE (
        time_column date_day_est,
        lookback 3
    ),
    cron '0 7 * * *',
    owner analytics,
    grain chat_id,
    tags (table, chats, care, pii),
    audits (
        unique_values(columns := (
            chat_id
        ))
        , unique_combination_of_columns(columns := (episode_id, date_day_est))
        , not_null(
            columns := (chat_id, episode_id, date_day_est, patient_id, rank_chat_in_episode, chat_type, initiator)
        )
        , accepted_values(
            "column" := chat_type,
            is_in := ('New Episode', 'Follow-up', 'Other initiated by Care Team', 'Other initiated by patient', 'unknown')
        )
        , forall(
            criteria := (
                frt_care_team >= 0
                , frt_nurse >= 0
                , rank_chat_in_episode >= 1
                , time_to_resolved_pending >= 0
                , time_to_resolved_from_active >= 0
            )
        )
        , assert_episodes_in_messaging_channels
        , assert_chats_new_episode_count
        , assert_chats_none_today
        , assert_chats_within_opening_hours
    ),
    description 'A chat is an episode''s activity on one Montreal local calendar day: one row per episode (messaging channel with a patient post) and local day with a patient or care-team message. Joins the per-day features (messaging, Usher states, open reminders, outcomes) and the episode subject (patient_id). rank_chat_in_episode = 1 + the number of earlier chat days of the episode, counted in chats_messaging_daily for the episodes of the interval only, so a routine run never rescans all chats. chat_type: rank 1 New Episode; care-team initiated with an open reminder Follow-up; other care-team initiated Other initiated by Care Team; patient initiated Other initiated by patient. FRT (frt_care_team, frt_nurse) = minutes from the first set active of the day to the first care-team / nurse message, for patient-initiated chats activated before that message. All timestamps are Montreal local times (naive). Daily intervals on the local day (07:00 UTC run) with a 3-day lookback; today''s incomplete day is never emitted. chat_id = md5 of episode_id followed by the local day rendered as the timestamp text YYYY-MM-DD 00:00:00 (the original''s id). Differs from the original: outcome lists follow the fixed chats_outcomes_daily and reminders the fixed due day.'
);

WITH messaging AS (
    SELECT
        episode_id
        , date_day_est
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
        , user_id
        , first_care_team_user_id
        , first_care_team_user_name
        , end_first_patient_sequence
        , time_since_last_message
        , avg_wait_time_following_messages
        , includes_care_team_message
        , includes_nurse_message
        , includes_sm_message
        , includes_patient_message
        , initiator
        , timespan
        , wait_time_first_care_team
        , wait_time_first_nurse
        , wait_time_first_shift_manager
        , wait_time_first_sequence_care_team
        , wait_time_first_sequence_nurse
        , wait_time_first_sequence_shift_manager
        , is_first_message_in_opening_hours
        , opening_hour_est
        , closing_hour_est
        , url_zorro
        , cp_deep_link
    FROM analytics.chats_messaging_daily
    WHERE
        date_day_est BETWEEN @start_ds AND @end_ds
), channels AS (
    SELECT
        episode_id
        , user_id
    FROM analytics.messaging_channels
), subjects AS (
    SELECT
        episode_id
        , episode_subject
    FROM analytics.episodes_subject
), state_changes AS (
    SELECT
        episode_id
        , date_day_est
        , first_set_active
        , first_set_resolved_pending_at
        , set_resolved_pending
    FROM analytics.chats_state_changes_daily
    WHERE
        date_day_est BETWEEN @start_ds AND @end_ds
), reminders AS (
    SELECT
        episode_id
        , date_day_est
        , has_open_reminder
    FROM analytics.chats_reminders_daily
    WHERE
        date_day_est BETWEEN @start_ds AND @end_ds
), outcomes AS (
    SELECT
        episode_id
        , date_day_est
        , first_outcome
        , last_outcome
        , valid_outcomes
        , invalid_outcomes
    FROM analytics.chats_outcomes_daily
    WHERE
        date_day_est BETWEEN @start_ds AND @end_ds
), touched_episodes AS (
    SELECT DISTINCT
        episode_id
    FROM messaging
), episode_chat_days AS (
    SELECT
        history.episode_id
        , history.date_day_est
        , ROW_NUMBER() OVER (PARTITION BY history.episode_id ORDER BY history.date_day_est) AS rank_chat_in_episode
    FROM analytics.chats_messaging_daily AS history
    INNER JOIN touched_episodes
        ON history.episode_id = touched_episodes.episode_id
    WHERE
        history.date_day_est <= @end_ds
), joined AS (
    SELECT
        messaging.episode_id
        , messaging.date_day_est
        , messaging.first_message_created_at
        , messaging.last_message_created_at
        , messaging.first_message_care_team
        , messaging.last_message_care_team
        , messaging.first_message_nurse
        , messaging.first_message_nc
        , messaging.first_message_np
        , messaging.first_message_shift_manager
        , messaging.first_message_care_team_excl_sm
        , messaging.first_message_from_last_cc
        , messaging.last_message_from_last_cc
        , messaging.first_message_from_last_nc
        , messaging.last_message_from_last_nc
        , messaging.first_message_patient
        , messaging.last_message_patient
        , messaging.messages_total
        , messaging.messages_patient
        , messaging.messages_care_team
        , messaging.messages_length_total
        , COALESCE(messaging.user_id, channels.user_id) AS user_id
        , COALESCE(subjects.episode_subject, channels.user_id) AS patient_id
        , messaging.first_care_team_user_id
        , messaging.first_care_team_user_name
        , messaging.end_first_patient_sequence
        , messaging.time_since_last_message
        , messaging.avg_wait_time_following_messages
        , messaging.includes_care_team_message
        , messaging.includes_nurse_message
        , messaging.includes_sm_message
        , messaging.includes_patient_message
        , messaging.initiator
        , messaging.timespan
        , messaging.wait_time_first_care_team
        , messaging.wait_time_first_nurse
        , messaging.wait_time_first_shift_manager
        , messaging.wait_time_first_sequence_care_team
        , messaging.wait_time_first_sequence_nurse
        , messaging.wait_time_first_sequence_shift_manager
        , messaging.is_first_message_in_opening_hours
        , messaging.opening_hour_est
        , messaging.closing_hour_est
        , messaging.url_zorro
        , messaging.cp_deep_link
        , episode_chat_days.rank_chat_in_episode
        , COALESCE(reminders.has_open_reminder, FALSE) AS has_open_reminder
        , state_changes.first_set_active
        , state_changes.first_set_resolved_pending_at
        , COALESCE(state_changes.set_resolved_pending, FALSE) AS set_resolved_pending
        , outcomes.first_outcome
        , outcomes.last_outcome
        , outcomes.valid_outcomes
        , outcomes.invalid_outcomes
    FROM messaging
    INNER JOIN channels
        ON messaging.episode_id = channels.episode_id
    INNER JOIN episode_chat_days
        ON messaging.episode_id = episode_chat_days.episode_id
        AND messaging.date_day_est = episode_chat_days.date_day_est
    LEFT JOIN subjects
        ON messaging.episode_id = subjects.episode_id
    LEFT JOIN state_changes
        ON messaging.episode_id = state_changes.episode_id
        AND messaging.date_day_est = state_changes.date_day_est
    LEFT JOIN reminders
        ON messaging.episode_id = reminders.episode_id AND messaging.date_day_est = reminders.date_day_est
    LEFT JOIN outcomes
        ON messaging.episode_id = outcomes.episode_id AND messaging.date_day_est = outcomes.date_day_est
)
SELECT
    MD5(episode_id || @day_timestamp_text(date_day_est))::TEXT AS chat_id /* md5 of episode_id followed by the local day as 'YYYY-MM-DD 00:00:00' (the original's id) */
    , episode_id::TEXT AS episode_id /* Episode (messaging channel) */
    , date_day_est::DATE AS date_day_est /* Montreal local day of the chat */
    , DATE_TRUNC('WEEK', date_day_est)::DATE AS date_week_est /* Monday week of the local day */
    , DATE_TRUNC('WEEK', date_day_est)::DATE AS date_week /* Same as date_week_est (the original name) */
    , DATE_TRUNC('MONTH', date_day_est)::DATE AS date_month_est /* Month of the local day */
    , patient_id::TEXT AS patient_id /* Episode subject: the person the consult is about (a dependent when answered so) */
    , user_id::TEXT AS user_id /* Patient who posted (the channel's patient when the patient did not post that day) */
    , rank_chat_in_episode::INT AS rank_chat_in_episode /* Order of the chat day within the episode, 1 = first */
    , CASE
        WHEN rank_chat_in_episode = 1
        THEN 'New Episode'
        WHEN initiator = 'care-team' AND has_open_reminder
        THEN 'Follow-up'
        WHEN initiator = 'care-team'
        THEN 'Other initiated by Care Team'
        WHEN initiator = 'patient'
        THEN 'Other initiated by patient'
        ELSE 'unknown'
    END::TEXT AS chat_type /* New Episode, Follow-up, Other initiated by Care Team, Other initiated by patient or unknown */
    , initiator::TEXT AS initiator /* patient or care-team: who posted first that day */
    , first_message_created_at::TIMESTAMP AS first_message_created_at /* First patient or care-team message of the day (local) */
    , last_message_created_at::TIMESTAMP AS last_message_created_at /* Last patient or care-team message of the day (local) */
    , first_message_care_team::TIMESTAMP AS first_message_care_team /* First care-team message (local) */
    , last_message_care_team::TIMESTAMP AS last_message_care_team /* Last care-team message (local) */
    , first_message_nurse::TIMESTAMP AS first_message_nurse /* First nurse (NC or NP) message (local) */
    , first_message_nc::TIMESTAMP AS first_message_nc /* First Nurse Clinician message (local) */
    , first_message_np::TIMESTAMP AS first_message_np /* First Nurse Practitioner message (local) */
    , first_message_shift_manager::TIMESTAMP AS first_message_shift_manager /* First Shift Manager message (local) */
    , first_message_care_team_excl_sm::TIMESTAMP AS first_message_care_team_excl_sm /* First care-team message outside a Shift Manager shift (local) */
    , first_message_from_last_cc::TIMESTAMP AS first_message_from_last_cc /* First message of the day's last Care Coordinator (local) */
    , last_message_from_last_cc::TIMESTAMP AS last_message_from_last_cc /* Last message of the day's last Care Coordinator (local) */
    , first_message_from_last_nc::TIMESTAMP AS first_message_from_last_nc /* First message of the day's last Nurse Clinician (local) */
    , last_message_from_last_nc::TIMESTAMP AS last_message_from_last_nc /* Last message of the day's last Nurse Clinician (local) */
    , first_message_patient::TIMESTAMP AS first_message_patient /* First patient message (local) */
    , last_message_patient::TIMESTAMP AS last_message_patient /* Last patient message (local) */
    , messages_total::BIGINT AS messages_total /* Patient and care-team messages */
    , messages_patient::BIGINT AS messages_patient /* Patient messages */
    , messages_care_team::BIGINT AS messages_care_team /* Care-team messages */
    , messages_length_total::BIGINT AS messages_length_total /* Characters in the day's messages */
    , first_care_team_user_id::TEXT AS first_care_team_user_id /* Care-team member who answered first */
    , first_care_team_user_name::TEXT AS first_care_team_user_name /* [PII] Name of the care-team member who answered first */
    , end_first_patient_sequence::TIMESTAMP AS end_first_patient_sequence /* Last patient message before the first care-team message (local); null without a care-team message that day */
    , time_since_last_message::DOUBLE AS time_since_last_message /* Minutes between the first care-team message and the message before it (patient-initiated) */
    , avg_wait_time_following_messages::DOUBLE AS avg_wait_time_following_messages /* Average minutes to the preceding post of the day's 2nd to 6th care-team posts (ranked among care-team posts) that follow a non-care-team post */
    , includes_care_team_message::BOOLEAN AS includes_care_team_message /* A care-team member posted */
    , includes_nurse_message::BOOLEAN AS includes_nurse_message /* A nurse posted */
    , includes_sm_message::BOOLEAN AS includes_sm_message /* A Shift Manager posted */
    , includes_patient_message::BOOLEAN AS includes_patient_message /* The patient posted */
    , timespan::DOUBLE AS timespan /* Minutes from first to last message when both sides posted */
    , wait_time_first_care_team::DOUBLE AS wait_time_first_care_team /* Minutes from the first patient message to the first care-team message (patient first) */
    , wait_time_first_nurse::DOUBLE AS wait_time_first_nurse /* Minutes from the first patient message to the first nurse message (patient first) */
    , wait_time_first_shift_manager::DOUBLE AS wait_time_first_shift_manager /* Minutes from the first patient message to the first Shift Manager message (patient first) */
    , wait_time_first_sequence_care_team::DOUBLE AS wait_time_first_sequence_care_team /* Minutes from the end of the patient's first burst to the first care-team message */
    , wait_time_first_sequence_nurse::DOUBLE AS wait_time_first_sequence_nurse /* Minutes from the end of the patient's first burst to the first nurse message */
    , wait_time_first_sequence_shift_manager::DOUBLE AS wait_time_first_sequence_shift_manager /* Minutes from the end of the patient's first burst to the first Shift Manager message */
    , is_first_message_in_opening_hours::BOOLEAN AS is_first_message_in_opening_hours /* First message within the day's opening hours */
    , opening_hour_est::TIMESTAMP AS opening_hour_est /* Opening time of the day (local); null when closed */
    , closing_hour_est::TIMESTAMP AS closing_hour_est /* Closing time of the day (local); null when closed */
    , has_open_reminder::BOOLEAN AS has_open_reminder /* A reminder of the episode was open that day */
    , first_set_active::TIMESTAMP AS first_set_active /* First time Usher set the episode active that day (local) */
    , first_set_resolved_pending_at::TIMESTAMP AS first_set_resolved_pending_at /* First time set pending or resolved that day (local) */
    , set_resolved_pending::BOOLEAN AS set_resolved_pending /* Set pending or resolved that day */
    , CASE
        WHEN first_message_created_at <= first_set_resolved_pending_at
        THEN @minutes_between(first_message_created_at, first_set_resolved_pending_at)
    END::DOUBLE AS time_to_resolved_pending /* Minutes from the first message to the first resolve or pending of the day; null when that resolve or pending came before the first message */
    , CASE
        WHEN first_set_active <= first_set_resolved_pending_at
        THEN @minutes_between(first_set_active, first_set_resolved_pending_at)
    END::DOUBLE AS time_to_resolved_from_active /* Minutes from the first set active to the first resolve or pending of the day; null when that resolve or pending came before the activation */
    , CASE
        WHEN initiator = 'patient' AND first_set_active <= first_message_care_team
        THEN @minutes_between(first_set_active, first_message_care_team)
    END::DOUBLE AS frt_care_team /* First response time: minutes from first set active to the first care-team message (patient-initiated, activation first) */
    , CASE
        WHEN initiator = 'patient' AND first_set_active <= first_message_nurse
        THEN @minutes_between(first_set_active, first_message_nurse)
    END::DOUBLE AS frt_nurse /* Minutes from first set active to the first nurse message (patient-initiated, activation first) */
    , first_outcome::TEXT AS first_outcome /* First valid outcome set that day, else the first invalid one */
    , last_outcome::TEXT AS last_outcome /* Last valid outcome set that day, else the last invalid one */
    , valid_outcomes::TEXT AS valid_outcomes /* Valid outcomes set that day, comma-separated in time order */
    , invalid_outcomes::TEXT AS invalid_outcomes /* Invalid outcomes set that day, comma-separated in time order */
    , url_zorro::TEXT AS url_zorro /* Link to the internal conversation viewer */
    , cp_deep_link::TEXT AS cp_deep_link /* Care Platform deep link to the chat (careplatform://chat/<patient>/<episode>); null when the patient did not post that day */
FROM joined
