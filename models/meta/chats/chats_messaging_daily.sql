MODEL (
    name analytics.chats_messaging_daily,
    kind INCREMENTAL_BY_TIME_RANGE (
        time_column date_day_est,
        lookback 3
    ),
    cron '0 7 * * *',
    owner analytics,
    grain (episode_id, date_day_est),
    tags (meta, chats, care, pii),
    audits (
        unique_values(columns := (
            chat_id
        ))
        , unique_combination_of_columns(columns := (episode_id, date_day_est))
        , not_null(columns := (chat_id, episode_id, date_day_est, first_message_created_at, initiator, messages_total))
        , accepted_values("column" := initiator, is_in := ('patient', 'care-team'))
        , forall(criteria := (wait_time_first_care_team >= 0, wait_time_first_nurse >= 0, timespan >= 0))
    ),
    description 'Messaging features of each chat: one row per episode and Montreal local day with at least one non-internal patient or care-team post. A post is care team when its author is in practitioners (specialization from coredata) and patient when user_type is patient; chatbot and system posts are ignored. The covering When I Work shift of the poster tells Shift Manager posts apart. All timestamps in this table are Montreal local times (naive), as in the original. Wait times are minutes from the first patient message (only when the patient spoke first); opening hours come from wiw_opening_hours (days without a row are closed). Daily intervals on the local day (07:00 UTC run) with a 3-day lookback for late posts; today''s incomplete local day is never emitted (the original processed days after the stored max, before today). As in the original: end_first_patient_sequence is the last patient message before the first care-team message and is null on days without a care-team message; avg_wait_time_following_messages ranks the day''s care-team posts among care-team posts, keeps ranks 2 to 6 that follow a non-care-team post and averages their minutes since the preceding post; cp_deep_link (careplatform://chat/<patient>/<episode>) is null on days without a patient poster.'
);

WITH posts AS (
    SELECT
        post_id
        , user_id
        , user_type
        , episode_id
        , message_length
        , created_at
        , created_at_est
        , created_at_day_est
    FROM analytics.messaging_posts_all_time
    WHERE
        created_at_day_est BETWEEN @start_ds AND @end_ds AND NOT COALESCE(is_internal_post, FALSE)
), practitioners AS (
    SELECT
        user_id
        , main_specialization
        , user_name
    FROM analytics.practitioners
), shifts AS (
    SELECT
        user_id
        , start_time
        , end_time
        , position_name
    FROM analytics.wiw_shifts_detailed
    WHERE
        NOT user_id IS NULL
), opening_hours AS (
    SELECT
        date_day
        , opening_hour_est
        , closing_hour_est
    FROM analytics.wiw_opening_hours
), classified_posts AS (
    SELECT
        posts.post_id
        , posts.user_id
        , posts.episode_id
        , posts.created_at_day_est AS date_day_est
        , posts.created_at_est
        , COALESCE(posts.message_length, 0) AS message_length
        , NOT practitioners.user_id IS NULL AS is_care_team
        , practitioners.user_id IS NULL AND posts.user_type = 'patient' AS is_patient
        , practitioners.main_specialization
        , practitioners.user_name
        , shifts.position_name AS shift_position_name
    FROM posts
    LEFT JOIN practitioners
        ON posts.user_id = practitioners.user_id
    LEFT JOIN shifts
        ON posts.user_id = shifts.user_id
        AND posts.created_at >= shifts.start_time
        AND posts.created_at <= shifts.end_time
    WHERE
        NOT practitioners.user_id IS NULL OR posts.user_type = 'patient'
    QUALIFY
        ROW_NUMBER() OVER (PARTITION BY posts.post_id ORDER BY shifts.start_time DESC) = 1
), flagged_posts AS (
    SELECT
        post_id
        , user_id
        , episode_id
        , date_day_est
        , created_at_est
        , message_length
        , is_care_team
        , is_patient
        , user_name
        , main_specialization IN ('Nurse Clinician', 'Nurse Practitioner') AS is_nurse
        , main_specialization = 'Nurse Clinician' AS is_nc
        , main_specialization = 'Nurse Practitioner' AS is_np
        , main_specialization = 'Care Coordinator' AS is_cc
        , main_specialization = 'Care Coordinator' AND shift_position_name = 'Shift Manager' AS is_shift_manager
        , is_care_team AND NOT shift_position_name IS NULL AND shift_position_name <> 'Shift Manager' AS is_care_team_excl_sm
        , LAG(created_at_est) OVER (PARTITION BY episode_id, date_day_est ORDER BY created_at_est, post_id) AS previous_created_at_est
        , LAG(is_care_team) OVER (PARTITION BY episode_id, date_day_est ORDER BY created_at_est, post_id) AS is_previous_care_team
        , ROW_NUMBER() OVER (PARTITION BY episode_id, date_day_est, is_care_team ORDER BY created_at_est, post_id) AS rank_within_side
    FROM classified_posts
), last_cc AS (
    SELECT
        episode_id
        , date_day_est
        , user_id
    FROM flagged_posts
    WHERE
        is_cc
    QUALIFY
        ROW_NUMBER() OVER (PARTITION BY episode_id, date_day_est ORDER BY created_at_est DESC, post_id DESC) = 1
), last_nc AS (
    SELECT
        episode_id
        , date_day_est
        , user_id
    FROM flagged_posts
    WHERE
        is_nc
    QUALIFY
        ROW_NUMBER() OVER (PARTITION BY episode_id, date_day_est ORDER BY created_at_est DESC, post_id DESC) = 1
), messages_from_last_cc AS (
    SELECT
        flagged_posts.episode_id
        , flagged_posts.date_day_est
        , MIN(flagged_posts.created_at_est) AS first_message_from_last_cc
        , MAX(flagged_posts.created_at_est) AS last_message_from_last_cc
    FROM flagged_posts
    INNER JOIN last_cc
        ON flagged_posts.episode_id = last_cc.episode_id
        AND flagged_posts.date_day_est = last_cc.date_day_est
        AND flagged_posts.user_id = last_cc.user_id
    GROUP BY
        flagged_posts.episode_id
        , flagged_posts.date_day_est
), messages_from_last_nc AS (
    SELECT
        flagged_posts.episode_id
        , flagged_posts.date_day_est
        , MIN(flagged_posts.created_at_est) AS first_message_from_last_nc
        , MAX(flagged_posts.created_at_est) AS last_message_from_last_nc
    FROM flagged_posts
    INNER JOIN last_nc
        ON flagged_posts.episode_id = last_nc.episode_id
        AND flagged_posts.date_day_est = last_nc.date_day_est
        AND flagged_posts.user_id = last_nc.user_id
    GROUP BY
        flagged_posts.episode_id
        , flagged_posts.date_day_est
), first_care_team_posts AS (
    SELECT
        episode_id
        , date_day_est
        , user_id AS first_care_team_user_id
        , user_name AS first_care_team_user_name
        , @minutes_between(previous_created_at_est, created_at_est) AS time_since_last_message
    FROM flagged_posts
    WHERE
        is_care_team AND rank_within_side = 1
), following_waits AS (
    SELECT
        episode_id
        , date_day_est
        , AVG(@minutes_between(previous_created_at_est, created_at_est)) AS avg_wait_time_following_messages
    FROM flagged_posts
    WHERE
        is_care_team AND rank_within_side BETWEEN 2 AND 6 AND NOT is_previous_care_team
    GROUP BY
        episode_id
        , date_day_est
), daily AS (
    SELECT
        episode_id
        , date_day_est
        , MIN(created_at_est) AS first_message_created_at
        , MAX(created_at_est) AS last_message_created_at
        , MIN(CASE WHEN is_care_team THEN created_at_est END) AS first_message_care_team
        , MAX(CASE WHEN is_care_team THEN created_at_est END) AS last_message_care_team
        , MIN(CASE WHEN is_nurse THEN created_at_est END) AS first_message_nurse
        , MIN(CASE WHEN is_nc THEN created_at_est END) AS first_message_nc
        , MIN(CASE WHEN is_np THEN created_at_est END) AS first_message_np
        , MIN(CASE WHEN is_shift_manager THEN created_at_est END) AS first_message_shift_manager
        , MIN(CASE WHEN is_care_team_excl_sm THEN created_at_est END) AS first_message_care_team_excl_sm
        , MIN(CASE WHEN is_patient THEN created_at_est END) AS first_message_patient
        , MAX(CASE WHEN is_patient THEN created_at_est END) AS last_message_patient
        , COUNT(*) AS messages_total
        , COUNT(CASE WHEN is_patient THEN 1 END) AS messages_patient
        , COUNT(CASE WHEN is_care_team THEN 1 END) AS messages_care_team
        , SUM(message_length) AS messages_length_total
        , MIN(CASE WHEN is_patient THEN user_id END) AS user_id
    FROM flagged_posts
    GROUP BY
        episode_id
        , date_day_est
), first_patient_sequences AS (
    SELECT
        flagged_posts.episode_id
        , flagged_posts.date_day_est
        , MAX(flagged_posts.created_at_est) AS end_first_patient_sequence
    FROM flagged_posts
    INNER JOIN daily
        ON flagged_posts.episode_id = daily.episode_id AND flagged_posts.date_day_est = daily.date_day_est
    WHERE
        flagged_posts.is_patient AND flagged_posts.created_at_est < daily.first_message_care_team
    GROUP BY
        flagged_posts.episode_id
        , flagged_posts.date_day_est
), chats AS (
    SELECT
        daily.episode_id
        , daily.date_day_est
        , daily.first_message_created_at
        , daily.last_message_created_at
        , daily.first_message_care_team
        , daily.last_message_care_team
        , daily.first_message_nurse
        , daily.first_message_nc
        , daily.first_message_np
        , daily.first_message_shift_manager
        , daily.first_message_care_team_excl_sm
        , messages_from_last_cc.first_message_from_last_cc
        , messages_from_last_cc.last_message_from_last_cc
        , messages_from_last_nc.first_message_from_last_nc
        , messages_from_last_nc.last_message_from_last_nc
        , daily.first_message_patient
        , daily.last_message_patient
        , daily.messages_total
        , daily.messages_patient
        , daily.messages_care_team
        , daily.messages_length_total
        , daily.user_id
        , first_care_team_posts.first_care_team_user_id
        , first_care_team_posts.first_care_team_user_name
        , first_patient_sequences.end_first_patient_sequence
        , CASE
            WHEN NOT daily.first_message_patient IS NULL
            AND (
                daily.first_message_care_team IS NULL OR daily.first_message_patient < daily.first_message_care_team
            )
            THEN 'patient'
            ELSE 'care-team'
        END AS initiator
        , following_waits.avg_wait_time_following_messages
        , first_care_team_posts.time_since_last_message
        , opening_hours.opening_hour_est
        , opening_hours.closing_hour_est
    FROM daily
    LEFT JOIN messages_from_last_cc
        ON daily.episode_id = messages_from_last_cc.episode_id
        AND daily.date_day_est = messages_from_last_cc.date_day_est
    LEFT JOIN messages_from_last_nc
        ON daily.episode_id = messages_from_last_nc.episode_id
        AND daily.date_day_est = messages_from_last_nc.date_day_est
    LEFT JOIN first_care_team_posts
        ON daily.episode_id = first_care_team_posts.episode_id
        AND daily.date_day_est = first_care_team_posts.date_day_est
    LEFT JOIN first_patient_sequences
        ON daily.episode_id = first_patient_sequences.episode_id
        AND daily.date_day_est = first_patient_sequences.date_day_est
    LEFT JOIN following_waits
        ON daily.episode_id = following_waits.episode_id AND daily.date_day_est = following_waits.date_day_est
    LEFT JOIN opening_hours
        ON daily.date_day_est = opening_hours.date_day
)
SELECT
    (
        episode_id || date_day_est::TEXT
    )::TEXT AS chat_id /* Plain concatenation of episode_id and the local day (chats uses an md5 of it) */
    , episode_id::TEXT AS episode_id /* Episode (messaging channel) */
    , date_day_est::DATE AS date_day_est /* Montreal local day of the chat */
    , first_message_created_at::TIMESTAMP AS first_message_created_at /* First patient or care-team message of the day (local) */
    , last_message_created_at::TIMESTAMP AS last_message_created_at /* Last patient or care-team message of the day (local) */
    , first_message_care_team::TIMESTAMP AS first_message_care_team /* First care-team message (local) */
    , last_message_care_team::TIMESTAMP AS last_message_care_team /* Last care-team message (local) */
    , first_message_nurse::TIMESTAMP AS first_message_nurse /* First message by a nurse, NC or NP (local) */
    , first_message_nc::TIMESTAMP AS first_message_nc /* First message by a Nurse Clinician (local) */
    , first_message_np::TIMESTAMP AS first_message_np /* First message by a Nurse Practitioner (local) */
    , first_message_shift_manager::TIMESTAMP AS first_message_shift_manager /* First message by a Care Coordinator working a Shift Manager shift (local) */
    , first_message_care_team_excl_sm::TIMESTAMP AS first_message_care_team_excl_sm /* First care-team message posted during a shift other than Shift Manager (local) */
    , first_message_from_last_cc::TIMESTAMP AS first_message_from_last_cc /* First message of the last Care Coordinator who posted that day (local) */
    , last_message_from_last_cc::TIMESTAMP AS last_message_from_last_cc /* Last message of the last Care Coordinator who posted that day (local) */
    , first_message_from_last_nc::TIMESTAMP AS first_message_from_last_nc /* First message of the last Nurse Clinician who posted that day (local) */
    , last_message_from_last_nc::TIMESTAMP AS last_message_from_last_nc /* Last message of the last Nurse Clinician who posted that day (local) */
    , first_message_patient::TIMESTAMP AS first_message_patient /* First patient message (local) */
    , last_message_patient::TIMESTAMP AS last_message_patient /* Last patient message (local) */
    , messages_total::BIGINT AS messages_total /* Patient and care-team messages of the day */
    , messages_patient::BIGINT AS messages_patient /* Patient messages of the day */
    , messages_care_team::BIGINT AS messages_care_team /* Care-team messages of the day */
    , messages_length_total::BIGINT AS messages_length_total /* Characters in the day's messages */
    , user_id::TEXT AS user_id /* Patient who posted that day (smallest id) */
    , first_care_team_user_id::TEXT AS first_care_team_user_id /* Care-team member who answered first */
    , first_care_team_user_name::TEXT AS first_care_team_user_name /* [PII] Name of the care-team member who answered first */
    , end_first_patient_sequence::TIMESTAMP AS end_first_patient_sequence /* Last patient message before the first care-team message (local); null when no care-team message that day */
    , CASE WHEN initiator = 'patient' THEN time_since_last_message END::DOUBLE AS time_since_last_message /* Minutes between the first care-team message and the message before it (patient-initiated chats only) */
    , avg_wait_time_following_messages::DOUBLE AS avg_wait_time_following_messages /* Average minutes to the preceding post of the day's 2nd to 6th care-team posts (ranked among care-team posts) that follow a non-care-team post */
    , NOT first_message_care_team IS NULL AS includes_care_team_message /* A care-team member posted */
    , NOT first_message_nurse IS NULL AS includes_nurse_message /* A nurse (NC or NP) posted */
    , NOT first_message_shift_manager IS NULL AS includes_sm_message /* A Shift Manager posted */
    , NOT first_message_patient IS NULL AS includes_patient_message /* The patient posted */
    , initiator::TEXT AS initiator /* patient when the patient posted before the care team (or alone), else care-team */
    , CASE
        WHEN NOT first_message_patient IS NULL AND NOT first_message_care_team IS NULL
        THEN @minutes_between(first_message_created_at, last_message_created_at)
    END::DOUBLE AS timespan /* Minutes from first to last message when both sides posted */
    , CASE
        WHEN initiator = 'patient'
        THEN @minutes_between(first_message_patient, first_message_care_team)
    END::DOUBLE AS wait_time_first_care_team /* Minutes from the first patient message to the first care-team message (patient-initiated) */
    , CASE
        WHEN initiator = 'patient' AND first_message_nurse > first_message_patient
        THEN @minutes_between(first_message_patient, first_message_nurse)
    END::DOUBLE AS wait_time_first_nurse /* Minutes from the first patient message to the first nurse message (patient first) */
    , CASE
        WHEN initiator = 'patient' AND first_message_shift_manager > first_message_patient
        THEN @minutes_between(first_message_patient, first_message_shift_manager)
    END::DOUBLE AS wait_time_first_shift_manager /* Minutes from the first patient message to the first Shift Manager message (patient first) */
    , CASE
        WHEN initiator = 'patient'
        THEN @minutes_between(end_first_patient_sequence, first_message_care_team)
    END::DOUBLE AS wait_time_first_sequence_care_team /* Minutes from the end of the patient's first burst to the first care-team message */
    , CASE
        WHEN initiator = 'patient' AND first_message_nurse > end_first_patient_sequence
        THEN @minutes_between(end_first_patient_sequence, first_message_nurse)
    END::DOUBLE AS wait_time_first_sequence_nurse /* Minutes from the end of the patient's first burst to the first nurse message */
    , CASE
        WHEN initiator = 'patient' AND first_message_shift_manager > end_first_patient_sequence
        THEN @minutes_between(end_first_patient_sequence, first_message_shift_manager)
    END::DOUBLE AS wait_time_first_sequence_shift_manager /* Minutes from the end of the patient's first burst to the first Shift Manager message */
    , COALESCE(first_message_created_at >= opening_hour_est AND first_message_created_at < closing_hour_est, FALSE) AS is_first_message_in_opening_hours /* First message within [opening, closing) of its day; false on closed days */
    , opening_hour_est::TIMESTAMP AS opening_hour_est /* Opening time of the day (local); null when closed */
    , closing_hour_est::TIMESTAMP AS closing_hour_est /* Closing time of the day (local), exclusive; null when closed */
    , 'https://zorro.dialogue.co/conversations/' || episode_id AS url_zorro /* Link to the internal conversation viewer */
    , 'careplatform://chat/' || user_id || '/' || episode_id AS cp_deep_link /* Care Platform deep link to the chat; null when no patient posted that day */
FROM chats
