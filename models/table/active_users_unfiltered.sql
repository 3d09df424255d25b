MODEL (
    name analytics.active_users_unfiltered,
    kind INCREMENTAL_BY_TIME_RANGE (
        time_column date_day_est,
        lookback 3
    ),
    cron '0 7 * * *',
    owner analytics,
    grain (date_day_est, user_id, contract_id),
    tags (table, users, care),
    audits (
        unique_combination_of_columns(columns := (date_day_est, user_id, contract_id))
        , not_null(
            columns := (
                dau_id
                , date_day_est
                , user_id
                , contract_id
                , first_activity_created_at
                , set_active
                , active_on_chat
                , active_on_video
                , contract_status
            )
        )
        , accepted_values("column" := contract_status, is_in := ('ooc', 'unpaid', 'paid'))
        , accepted_values("column" := family_member_type, is_in := ('Employee', 'Dependent', 'Child'))
    ),
    description 'One row per Montreal local day, patient and contract with care activity: the patient had a chat that day (as the episode subject, chats.patient_id) or a video (videos_daily), whether or not Usher set the chat active. The row carries the contract active (local time) at the first activity of the day; a patient covered by two contracts that day (e.g. as an employee and as a dependent) gets one row per contract, and a patient without a covering contract gets none. dau_id = ''D:'' followed by the local day rendered as the timestamp text YYYY-MM-DD 00:00:00, ''U:'' and the patient id (the original''s key). Daily intervals on the local day (07:00 UTC run) with a 3-day lookback like chats; today is never emitted.'
);

WITH chats AS (
    SELECT
        date_day_est
        , patient_id
        , first_message_created_at
        , first_set_active
    FROM analytics.chats
    WHERE
        date_day_est BETWEEN @start_ds AND @end_ds AND NOT patient_id IS NULL
), videos AS (
    SELECT
        date_day_est
        , patient_id
        , first_video_started_at_est
        , includes_video_gp
        , includes_video_np
        , includes_video_nc
        , includes_video_cc
        , includes_video_unidentified
    FROM analytics.videos_daily
    WHERE
        date_day_est BETWEEN @start_ds AND @end_ds AND NOT patient_id IS NULL
), contracts AS (
    SELECT
        user_id
        , contract_id
        , organization_id
        , organization_name
        , account_id
        , account_name
        , is_employee
        , family_member_type
        , "language"
        , country
        , residence_province
        , gender
        , birthday
        , during_start_est
        , during_end_est
        , organization_is_paid
        , billing_start_date
    FROM analytics.user_contract
), chats_daily AS (
    SELECT
        date_day_est
        , patient_id
        , MIN(first_message_created_at) AS first_message_created_at
        , BOOL_OR(CAST(NOT first_set_active IS NULL AS BOOLEAN)) AS set_active
    FROM chats
    GROUP BY
        date_day_est
        , patient_id
), activity AS (
    SELECT
        COALESCE(chats_daily.date_day_est, videos.date_day_est) AS date_day_est
        , COALESCE(chats_daily.patient_id, videos.patient_id) AS patient_id
        , LEAST(chats_daily.first_message_created_at, videos.first_video_started_at_est) AS first_activity_created_at
        , COALESCE(chats_daily.set_active, FALSE) AS set_active
        , NOT chats_daily.patient_id IS NULL AS active_on_chat
        , NOT videos.patient_id IS NULL AS active_on_video
        , COALESCE(videos.includes_video_gp, FALSE) AS active_on_video_gp
        , COALESCE(videos.includes_video_np, FALSE) AS active_on_video_np
        , COALESCE(videos.includes_video_nc, FALSE) AS active_on_video_nc
        , COALESCE(videos.includes_video_cc, FALSE) AS active_on_video_cc
        , COALESCE(videos.includes_video_unidentified, FALSE) AS active_on_video_unidentified
    FROM chats_daily
    FULL OUTER JOIN videos
        ON chats_daily.date_day_est = videos.date_day_est AND chats_daily.patient_id = videos.patient_id
), with_contracts AS (
    SELECT
        activity.date_day_est
        , activity.patient_id
        , activity.first_activity_created_at
        , activity.set_active
        , activity.active_on_chat
        , activity.active_on_video
        , activity.active_on_video_gp
        , activity.active_on_video_np
        , activity.active_on_video_nc
        , activity.active_on_video_cc
        , activity.active_on_video_unidentified
        , contracts.contract_id
        , contracts.organization_id
        , contracts.organization_name
        , contracts.account_id
        , contracts.account_name
        , contracts.is_employee
        , contracts.family_member_type
        , contracts."language"
        , contracts.country
        , contracts.residence_province
        , contracts.gender
        , contracts.birthday
        , contracts.organization_is_paid
        , contracts.billing_start_date
    FROM activity
    INNER JOIN contracts
        ON activity.patient_id = contracts.user_id
        AND contracts.during_start_est <= activity.first_activity_created_at
        AND activity.first_activity_created_at < contracts.during_end_est
)
SELECT
    (
        'D:' || @day_timestamp_text(date_day_est) || 'U:' || patient_id
    )::TEXT AS dau_id /* Daily active user key: D:<local day as YYYY-MM-DD 00:00:00>U:<patient id> (the original's id) */
    , date_day_est::DATE AS date_day_est /* Montreal local day of the activity */
    , DATE_TRUNC('WEEK', date_day_est)::DATE AS date_week /* Monday of the week of the local day */
    , DATE_TRUNC('MONTH', date_day_est)::DATE AS date_month /* First day of the month of the local day */
    , DATE_TRUNC('YEAR', date_day_est)::DATE AS date_year /* First day of the year of the local day */
    , patient_id::TEXT AS user_id /* Patient (Scribe user id; the episode subject for chats) */
    , contract_id::BIGINT AS contract_id /* Contract covering the patient at the first activity of the day */
    , first_activity_created_at::TIMESTAMP AS first_activity_created_at /* Earliest of the first chat message and the first video start of the day, Montreal local time (naive) */
    , set_active::BOOLEAN AS set_active /* A chat of the day was set active by Usher that day (the official active-user definition) */
    , active_on_chat::BOOLEAN AS active_on_chat /* The patient had a chat that day */
    , active_on_video::BOOLEAN AS active_on_video /* The patient had a video that day */
    , active_on_video_gp::BOOLEAN AS active_on_video_gp /* A video with a Family Physician (GP) */
    , active_on_video_np::BOOLEAN AS active_on_video_np /* A video with a Nurse Practitioner */
    , active_on_video_nc::BOOLEAN AS active_on_video_nc /* A video with a Nurse Clinician */
    , active_on_video_cc::BOOLEAN AS active_on_video_cc /* A video with a Care Coordinator */
    , active_on_video_unidentified::BOOLEAN AS active_on_video_unidentified /* A video with a practitioner of unknown specialization */
    , is_employee::BOOLEAN AS is_employee /* The patient is the employee holding the contract */
    , family_member_type::TEXT AS family_member_type /* Employee, Dependent or Child */
    , "language"::TEXT AS "language" /* FR or EN */
    , organization_id::BIGINT AS organization_id /* Organization (employer) of the contract */
    , organization_name::TEXT AS organization_name /* Name of the organization */
    , account_id::TEXT AS account_id /* Salesforce account of the organization (N/A when not linked) */
    , account_name::TEXT AS account_name /* Salesforce account name (N/A when not linked) */
    , country::TEXT AS country /* Country of the patient */
    , residence_province::TEXT AS residence_province /* Province of residence (full name) */
    , (
        EXTRACT(YEAR FROM date_day_est) - EXTRACT(YEAR FROM birthday) - CASE
            WHEN EXTRACT(MONTH FROM date_day_est) * 100 + EXTRACT(DAY FROM date_day_est) < EXTRACT(MONTH FROM birthday) * 100 + EXTRACT(DAY FROM birthday)
            THEN 1
            ELSE 0
        END
    )::INT AS age /* Age in whole years on the local day (null without birthday) */
    , gender::TEXT AS gender /* M, F or N/A */
    , CASE
        WHEN date_day_est < billing_start_date
        THEN 'ooc'
        WHEN NOT COALESCE(organization_is_paid, FALSE)
        THEN 'unpaid'
        ELSE 'paid'
    END::TEXT AS contract_status /* ooc (before the organization's billing start), unpaid (organization not paying) or paid */
FROM with_contracts
