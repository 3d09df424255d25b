MODEL (
    name analytics.chats_out_of_hours_slas,
    kind INCREMENTAL_BY_TIME_RANGE (
        time_column date_day_est,
        lookback 3
    ),
    cron '0 7 * * *',
    owner analytics,
    grain episode_id,
    tags (meta, chats, care),
    audits (
        unique_values(columns := (
            episode_id
        ))
        , not_null(
            columns := (
                episode_id
                , chat_id
                , date_day_est
                , first_message_patient
                , is_pm_chat
                , is_answered_next_day
                , is_answered_within_3_opened_hours
            )
        )
        , assert_chats_ooh_slas
    ),
    description 'Out-of-hours SLAs: one row per episode whose New Episode chat was patient initiated and started outside opening hours, with a valid or no outcome and set active on the chat''s own local day (as in the original; an episode first set active the next day is left out). First response = earlier of the DXA trigger (episodes_chief_complaint) and the first care-team message. PM chats (first patient message at 13:00 local or later): answered next day when answered the same day, or the next day has a care-team message or a waiting_for_patient state; within 3 opened hours when answered the same day or the next day''s first response comes within 3 hours (10,800 s) of the next day''s opening (false when the next day is closed or unanswered). AM chats (all others, i.e. before opening): answered when answered the same day; within 3 opened hours when the first response comes less than 3 hours after that day''s opening. Local times (naive). Daily intervals on the chat''s local day (07:00 UTC run); the 3-day lookback recomputes a chat once its next day is complete.'
);

WITH chats AS (
    SELECT
        chat_id
        , episode_id
        , patient_id
        , date_day_est
        , first_message_patient
        , first_message_care_team
        , first_set_active
        , opening_hour_est
    FROM analytics.chats
    WHERE
        date_day_est BETWEEN @start_ds AND @end_ds
        AND chat_type = 'New Episode'
        AND initiator = 'patient'
        AND NOT is_first_message_in_opening_hours
), outcomes AS (
    SELECT
        episode_id
        , is_valid_outcome
    FROM analytics.episodes_outcomes
), next_day_messages AS (
    SELECT
        episode_id
        , date_day_est
        , first_message_care_team
    FROM analytics.chats_messaging_daily
    WHERE
        date_day_est BETWEEN @start_ds AND (
            @end_ds::DATE + INTERVAL '1' DAY
        )::DATE
), waiting_for_patient AS (
    SELECT DISTINCT
        episode_id
        , date_day_est
    FROM analytics.usher_episode_set_waiting_for_patient
    WHERE
        date_day_est BETWEEN @start_ds AND (
            @end_ds::DATE + INTERVAL '1' DAY
        )::DATE
), dxa AS (
    SELECT
        episode_id
        , timestamp_est
    FROM analytics.episodes_chief_complaint
    WHERE
        NOT timestamp_est IS NULL
), opening_hours AS (
    SELECT
        date_day
        , opening_hour_est
    FROM analytics.wiw_opening_hours
), candidates AS (
    SELECT
        chats.chat_id
        , chats.episode_id
        , chats.patient_id
        , chats.date_day_est
        , chats.first_message_patient
        , chats.opening_hour_est
        , chats.first_set_active
        , EXTRACT(HOUR FROM chats.first_message_patient) > 12 AS is_pm_chat
        , LEAST(
            chats.first_message_care_team,
            CASE
                WHEN dxa.timestamp_est::DATE = chats.date_day_est AND dxa.timestamp_est >= chats.first_message_patient
                THEN dxa.timestamp_est
            END
        ) AS first_response_same_day
        , LEAST(
            next_day_messages.first_message_care_team,
            CASE
                WHEN dxa.timestamp_est::DATE = next_day_messages.date_day_est
                OR dxa.timestamp_est::DATE = (
                    chats.date_day_est + INTERVAL '1' DAY
                )::DATE
                THEN dxa.timestamp_est
            END
        ) AS first_response_next_day
        , NOT waiting_for_patient.episode_id IS NULL AS has_next_day_waiting_for_patient
        , next_day_opening.opening_hour_est AS next_day_opening_hour_est
    FROM chats
    LEFT JOIN outcomes
        ON chats.episode_id = outcomes.episode_id
    LEFT JOIN dxa
        ON chats.episode_id = dxa.episode_id
    LEFT JOIN next_day_messages
        ON chats.episode_id = next_day_messages.episode_id
        AND next_day_messages.date_day_est = (
            chats.date_day_est + INTERVAL '1' DAY
        )::DATE
    LEFT JOIN waiting_for_patient
        ON chats.episode_id = waiting_for_patient.episode_id
        AND waiting_for_patient.date_day_est = (
            chats.date_day_est + INTERVAL '1' DAY
        )::DATE
    LEFT JOIN opening_hours AS next_day_opening
        ON next_day_opening.date_day = (
            chats.date_day_est + INTERVAL '1' DAY
        )::DATE
    WHERE
        COALESCE(outcomes.is_valid_outcome, TRUE)
)
SELECT
    chat_id::TEXT AS chat_id /* The episode's New Episode chat */
    , episode_id::TEXT AS episode_id /* Episode (messaging channel) */
    , patient_id::TEXT AS patient_id /* Episode subject */
    , date_day_est::DATE AS date_day_est /* Local day of the chat */
    , DATE_TRUNC('WEEK', date_day_est)::DATE AS date_week_est /* Local Monday week of the chat */
    , first_message_patient::TIMESTAMP AS first_message_patient /* First patient message (local) */
    , is_pm_chat::BOOLEAN AS is_pm_chat /* First patient message at 13:00 local or later (after closing); else an AM chat before opening */
    , first_response_same_day::TIMESTAMP AS first_response_same_day /* Earlier of the DXA trigger and the first care-team message that day (local) */
    , first_response_next_day::TIMESTAMP AS first_response_next_day /* Earlier of the DXA trigger and the first care-team message the next day (local) */
    , next_day_opening_hour_est::TIMESTAMP AS next_day_opening_hour_est /* Opening time of the next day (local); null when closed */
    , CASE
        WHEN is_pm_chat
        THEN NOT first_response_same_day IS NULL
        OR NOT first_response_next_day IS NULL
        OR has_next_day_waiting_for_patient
        ELSE NOT first_response_same_day IS NULL
    END::BOOLEAN AS is_answered_next_day /* PM: answered that day or the next (care-team message or waiting_for_patient); AM: answered that day */
    , CASE
        WHEN is_pm_chat
        THEN NOT first_response_same_day IS NULL
        OR COALESCE(@seconds_between(next_day_opening_hour_est, first_response_next_day) < 10800, FALSE)
        ELSE COALESCE(@seconds_between(opening_hour_est, first_response_same_day) < 10800, FALSE)
    END::BOOLEAN AS is_answered_within_3_opened_hours /* First response within 3 hours of the (next) opening */
FROM candidates
WHERE
    NOT first_set_active IS NULL
