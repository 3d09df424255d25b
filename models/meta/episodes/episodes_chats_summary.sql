MODEL (
    name analytics.episodes_chats_summary,
    kind INCREMENTAL_BY_UNIQUE_KEY (
        unique_key episode_id
    ),
    cron '0 7 * * *',
    owner analytics,
    grain episode_id,
    tags (meta, episodes, care),
    depends_on [analytics.messaging_channels],
    audits (
        unique_values(columns := (
            episode_id
        ))
        , not_null(columns := (episode_id, first_message_created_at, first_set_active, date_day_est, date_day))
        , forall(criteria := (frt_active >= 0, frt_pt_message >= 0))
        , assert_episodes_in_messaging_channels
    ),
    description 'Messaging summary of each activated episode: aggregates its chats restricted to days with a patient message and a first set active (min of first-message columns, max of last-message columns except last_message_from_last_nc and last_message_from_last_cc, which are the earliest (MIN) of their chat-day values as in the original; sums of counts), includes_follow_up (a Follow-up chat among them), opening-hours flag of the earliest such chat, the local day/week/month of the first message and their UTC twins, and the first response times frt_pt_message (first patient to first care-team message, null when the care team wrote first, so never negative; the original gave a negative time) and frt_active (first set active to first care-team message, when activation came first), in minutes. Message times are Montreal local (naive). Incremental by unique key: each daily run recomputes only the episodes with a chat in the interval or the 3 days before it, over all their chats. Differs from the original: date_day/date_week/date_month convert the local first message back to UTC instead of reading the local time as UTC.'
);

WITH chats AS (
    SELECT
        episode_id
        , date_day_est
        , chat_type
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
        , is_first_message_in_opening_hours
    FROM analytics.chats
    WHERE
        includes_patient_message AND NOT first_set_active IS NULL
), touched_episodes AS (
    SELECT DISTINCT
        episode_id
    FROM chats
    WHERE
        date_day_est BETWEEN (
            @start_ds::DATE - INTERVAL '3' DAY
        )::DATE AND @end_ds
), episode_chats AS (
    SELECT
        chats.episode_id
        , chats.date_day_est
        , chats.chat_type
        , chats.first_message_created_at
        , chats.last_message_created_at
        , chats.first_message_care_team
        , chats.last_message_care_team
        , chats.first_message_nurse
        , chats.first_message_nc
        , chats.first_message_np
        , chats.first_message_shift_manager
        , chats.first_message_care_team_excl_sm
        , chats.first_message_from_last_cc
        , chats.last_message_from_last_cc
        , chats.first_message_from_last_nc
        , chats.last_message_from_last_nc
        , chats.first_message_patient
        , chats.last_message_patient
        , chats.messages_total
        , chats.messages_patient
        , chats.messages_care_team
        , chats.messages_length_total
        , chats.first_set_active
        , chats.first_set_resolved_pending_at
        , chats.set_resolved_pending
        , chats.is_first_message_in_opening_hours
        , ROW_NUMBER() OVER (PARTITION BY chats.episode_id ORDER BY chats.date_day_est) AS rank_chat
    FROM chats
    INNER JOIN touched_episodes
        ON chats.episode_id = touched_episodes.episode_id
), summary AS (
    SELECT
        episode_id
        , MIN(first_message_created_at) AS first_message_created_at
        , MAX(last_message_created_at) AS last_message_created_at
        , MIN(first_message_care_team) AS first_message_care_team
        , MAX(last_message_care_team) AS last_message_care_team
        , MIN(first_message_nurse) AS first_message_nurse
        , MIN(first_message_nc) AS first_message_nc
        , MIN(first_message_np) AS first_message_np
        , MIN(first_message_shift_manager) AS first_message_shift_manager
        , MIN(first_message_care_team_excl_sm) AS first_message_care_team_excl_sm
        , MIN(first_message_from_last_cc) AS first_message_from_last_cc
        , MIN(last_message_from_last_cc) AS last_message_from_last_cc
        , MIN(first_message_from_last_nc) AS first_message_from_last_nc
        , MIN(last_message_from_last_nc) AS last_message_from_last_nc
        , MIN(first_message_patient) AS first_message_patient
        , MAX(last_message_patient) AS last_message_patient
        , SUM(messages_total) AS messages_total
        , SUM(messages_patient) AS messages_patient
        , SUM(messages_care_team) AS messages_care_team
        , SUM(messages_length_total) AS messages_length_total
        , MIN(first_set_resolved_pending_at) AS first_set_resolved_pending_at
        , MIN(first_set_active) AS first_set_active
        , BOOL_OR(set_resolved_pending::BOOLEAN) AS set_resolved_pending
        , BOOL_OR(CAST(chat_type = 'Follow-up' AS BOOLEAN)) AS includes_follow_up
        , BOOL_OR(CAST(rank_chat = 1 AND is_first_message_in_opening_hours AS BOOLEAN)) AS is_first_message_in_opening_hours
        , COUNT(*) AS chat_count
    FROM episode_chats
    GROUP BY
        episode_id
)
SELECT
    episode_id::TEXT AS episode_id /* Episode (messaging channel) */
    , first_message_created_at::TIMESTAMP AS first_message_created_at /* First message of the activated patient chats (local) */
    , last_message_created_at::TIMESTAMP AS last_message_created_at /* Last message (local) */
    , first_message_care_team::TIMESTAMP AS first_message_care_team /* First care-team message (local) */
    , last_message_care_team::TIMESTAMP AS last_message_care_team /* Last care-team message (local) */
    , first_message_nurse::TIMESTAMP AS first_message_nurse /* First nurse message (local) */
    , first_message_nc::TIMESTAMP AS first_message_nc /* First Nurse Clinician message (local) */
    , first_message_np::TIMESTAMP AS first_message_np /* First Nurse Practitioner message (local) */
    , first_message_shift_manager::TIMESTAMP AS first_message_shift_manager /* First Shift Manager message (local) */
    , first_message_care_team_excl_sm::TIMESTAMP AS first_message_care_team_excl_sm /* First care-team message outside a Shift Manager shift (local) */
    , first_message_from_last_cc::TIMESTAMP AS first_message_from_last_cc /* Earliest first message of a day's last Care Coordinator (local) */
    , last_message_from_last_cc::TIMESTAMP AS last_message_from_last_cc /* Earliest, over the episode's chat days, of the last message of the day's last Care Coordinator (local; the original's MIN) */
    , first_message_from_last_nc::TIMESTAMP AS first_message_from_last_nc /* Earliest first message of a day's last Nurse Clinician (local) */
    , last_message_from_last_nc::TIMESTAMP AS last_message_from_last_nc /* Earliest, over the episode's chat days, of the last message of the day's last Nurse Clinician (local; the original's MIN) */
    , first_message_patient::TIMESTAMP AS first_message_patient /* First patient message (local) */
    , last_message_patient::TIMESTAMP AS last_message_patient /* Last patient message (local) */
    , messages_total::BIGINT AS messages_total /* Patient and care-team messages */
    , messages_patient::BIGINT AS messages_patient /* Patient messages */
    , messages_care_team::BIGINT AS messages_care_team /* Care-team messages */
    , messages_length_total::BIGINT AS messages_length_total /* Characters in the messages */
    , chat_count::BIGINT AS chat_count /* Activated patient chats summarised */
    , first_set_active::TIMESTAMP AS first_set_active /* First time set active (local) */
    , first_set_resolved_pending_at::TIMESTAMP AS first_set_resolved_pending_at /* First time set pending or resolved (local) */
    , set_resolved_pending::BOOLEAN AS set_resolved_pending /* Set pending or resolved on one of these days */
    , includes_follow_up::BOOLEAN AS includes_follow_up /* One of these chats is a Follow-up */
    , is_first_message_in_opening_hours::BOOLEAN AS is_first_message_in_opening_hours /* The earliest such chat started in opening hours */
    , first_message_created_at::DATE AS date_day_est /* Local day of the first message */
    , DATE_TRUNC('WEEK', first_message_created_at)::DATE AS date_week_est /* Local Monday week of the first message */
    , DATE_TRUNC('MONTH', first_message_created_at)::DATE AS date_month_est /* Local month of the first message */
    , @to_utc((
        @from_est(first_message_created_at)
    ))::DATE AS date_day /* UTC day of the first message */
    , DATE_TRUNC('WEEK', @to_utc((
        @from_est(first_message_created_at)
    )))::DATE AS date_week /* UTC Monday week of the first message */
    , DATE_TRUNC('MONTH', @to_utc((
        @from_est(first_message_created_at)
    )))::DATE AS date_month /* UTC month of the first message */
    , CASE
        WHEN first_message_patient <= first_message_care_team
        THEN @minutes_between(first_message_patient, first_message_care_team)
    END::DOUBLE AS frt_pt_message /* Minutes from the first patient message to the first care-team message; null when the care team wrote first */
    , CASE
        WHEN first_set_active <= first_message_care_team
        THEN @minutes_between(first_set_active, first_message_care_team)
    END::DOUBLE AS frt_active /* Minutes from first set active to the first care-team message (activation first) */
FROM summary
