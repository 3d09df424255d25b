MODEL (
    name analytics.active_users,
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
        , not_null(columns := (dau_id, date_day_est, user_id, contract_id, contract_status))
        , accepted_values("column" := contract_status, is_in := ('ooc', 'unpaid', 'paid'))
        , accepted_values("column" := family_member_type, is_in := ('Employee', 'Dependent', 'Child'))
        , forall(criteria := (
            set_active
        ))
    ),
    description 'The official daily active users: one row per Montreal local day, patient and contract where the patient had a chat that day which Usher set active that day (rows of active_users_unfiltered with set_active). Video-only days and chats never activated (e.g. abandoned greetings) are excluded; the video flags still describe the day. Daily intervals on the local day (07:00 UTC run), 3-day lookback like its parent; today is never emitted.'
);

WITH unfiltered AS (
    SELECT
        dau_id
        , date_day_est
        , date_week
        , date_month
        , date_year
        , user_id
        , contract_id
        , first_activity_created_at
        , set_active
        , active_on_chat
        , active_on_video
        , active_on_video_gp
        , active_on_video_np
        , active_on_video_nc
        , active_on_video_cc
        , active_on_video_unidentified
        , is_employee
        , family_member_type
        , "language"
        , organization_id
        , organization_name
        , account_id
        , account_name
        , country
        , residence_province
        , age
        , gender
        , contract_status
    FROM analytics.active_users_unfiltered
    WHERE
        date_day_est BETWEEN @start_ds AND @end_ds AND set_active
)
SELECT
    dau_id::TEXT AS dau_id /* Daily active user key: D:<local day as YYYY-MM-DD 00:00:00>U:<patient id> (the original's id) */
    , date_day_est::DATE AS date_day_est /* Montreal local day of the activity */
    , date_week::DATE AS date_week /* Monday of the week of the local day */
    , date_month::DATE AS date_month /* First day of the month of the local day */
    , date_year::DATE AS date_year /* First day of the year of the local day */
    , user_id::TEXT AS user_id /* Patient (Scribe user id; the episode subject) */
    , contract_id::BIGINT AS contract_id /* Contract covering the patient at the first activity of the day */
    , first_activity_created_at::TIMESTAMP AS first_activity_created_at /* Earliest of the first chat message and the first video start of the day, Montreal local time (naive) */
    , set_active::BOOLEAN AS set_active /* Always true here */
    , active_on_chat::BOOLEAN AS active_on_chat /* The patient had a chat that day (always true here) */
    , active_on_video::BOOLEAN AS active_on_video /* The patient also had a video that day */
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
    , age::INT AS age /* Age in whole years on the local day */
    , gender::TEXT AS gender /* M, F or N/A */
    , contract_status::TEXT AS contract_status /* ooc (before the organization's billing start), unpaid or paid */
FROM unfiltered
