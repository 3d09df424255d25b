MODEL (
    name analytics.cs_activity_by_org_monthly,
    kind FULL,
    cron '0 7 * * *',
    owner analytics,
    grain (date_month, organization_id, residence_province),
    tags (meta, cs, activity),
    audits (
        unique_combination_of_columns(columns := (date_month, organization_id, residence_province))
        , not_null(columns := (date_month, organization_id, residence_province))
        , forall(
            criteria := (
                total_active_users <= total_daus
                , total_active_on_chat <= total_daus
                , total_active_on_video_gp <= total_active_on_video
                , total_daus <= total_daus_employee + total_daus_dependent + total_daus_child
            )
        )
    ),
    description 'Patient activity of each organization per month (Montreal local month of the activity day) and residence province, from active_users_unfiltered (every patient-day with a chat or a video, set active or not): total_daus = distinct active patient-days (dau_id), total_active_users = distinct patients, total_active_on_chat / total_active_on_video = patient-days with chat activity / a video, total_active_on_video_gp = patient-days with a GP video, where from 2017-11-01 a GP video is a video with a Family Physician or with a practitioner of unknown specialization and before that date any video (the practitioner of the oldest videos is unknown); the same five measures per family member type (suffix _employee, _dependent, _child). FULL, rebuilt by the daily 07:00 UTC run.'
);

WITH activity AS (
    SELECT
        dau_id
        , date_day_est
        , date_month
        , user_id
        , organization_id
        , residence_province
        , family_member_type
        , active_on_chat
        , active_on_video
        , (
            CASE
                WHEN date_day_est >= '2017-11-01'
                THEN active_on_video_gp OR active_on_video_unidentified
                ELSE active_on_video
            END
        ) AS is_gp_video
    FROM analytics.active_users_unfiltered
    WHERE
        NOT organization_id IS NULL
)
SELECT
    date_month::DATE AS date_month /* First day of the local month of the activity */
    , organization_id::BIGINT AS organization_id /* Scribe organization id */
    , residence_province::TEXT AS residence_province /* Province of residence of the patients (full name) */
    , COUNT(DISTINCT user_id)::BIGINT AS total_active_users /* Distinct active patients */
    , COUNT(DISTINCT dau_id)::BIGINT AS total_daus /* Distinct active patient-days */
    , COUNT(DISTINCT CASE WHEN active_on_chat THEN dau_id END)::BIGINT AS total_active_on_chat /* Active patient-days with chat activity */
    , COUNT(DISTINCT CASE WHEN active_on_video THEN dau_id END)::BIGINT AS total_active_on_video /* Active patient-days with a video */
    , COUNT(DISTINCT CASE WHEN is_gp_video THEN dau_id END)::BIGINT AS total_active_on_video_gp /* Active patient-days with a GP video (from 2017-11-01 a GP or unidentified practitioner, before any video) */
    , COUNT(DISTINCT CASE WHEN family_member_type = 'Employee' THEN user_id END)::BIGINT AS total_active_users_employee /* Distinct active patients, Employees only */
    , COUNT(DISTINCT CASE WHEN family_member_type = 'Employee' THEN dau_id END)::BIGINT AS total_daus_employee /* Distinct active patient-days, Employees only */
    , COUNT(DISTINCT CASE WHEN family_member_type = 'Employee' AND active_on_chat THEN dau_id END)::BIGINT AS total_active_on_chat_employee /* Active patient-days with chat activity, Employees only */
    , COUNT(DISTINCT CASE WHEN family_member_type = 'Employee' AND active_on_video THEN dau_id END)::BIGINT AS total_active_on_video_employee /* Active patient-days with a video, Employees only */
    , COUNT(DISTINCT CASE WHEN family_member_type = 'Employee' AND is_gp_video THEN dau_id END)::BIGINT AS total_active_on_video_gp_employee /* Active patient-days with a GP video (from 2017-11-01 a GP or unidentified practitioner, before any video), Employees only */
    , COUNT(DISTINCT CASE WHEN family_member_type = 'Dependent' THEN user_id END)::BIGINT AS total_active_users_dependent /* Distinct active patients, Dependents only */
    , COUNT(DISTINCT CASE WHEN family_member_type = 'Dependent' THEN dau_id END)::BIGINT AS total_daus_dependent /* Distinct active patient-days, Dependents only */
    , COUNT(DISTINCT CASE WHEN family_member_type = 'Dependent' AND active_on_chat THEN dau_id END)::BIGINT AS total_active_on_chat_dependent /* Active patient-days with chat activity, Dependents only */
    , COUNT(DISTINCT CASE WHEN family_member_type = 'Dependent' AND active_on_video THEN dau_id END)::BIGINT AS total_active_on_video_dependent /* Active patient-days with a video, Dependents only */
    , COUNT(DISTINCT CASE WHEN family_member_type = 'Dependent' AND is_gp_video THEN dau_id END)::BIGINT AS total_active_on_video_gp_dependent /* Active patient-days with a GP video (from 2017-11-01 a GP or unidentified practitioner, before any video), Dependents only */
    , COUNT(DISTINCT CASE WHEN family_member_type = 'Child' THEN user_id END)::BIGINT AS total_active_users_child /* Distinct active patients, Childs only */
    , COUNT(DISTINCT CASE WHEN family_member_type = 'Child' THEN dau_id END)::BIGINT AS total_daus_child /* Distinct active patient-days, Childs only */
    , COUNT(DISTINCT CASE WHEN family_member_type = 'Child' AND active_on_chat THEN dau_id END)::BIGINT AS total_active_on_chat_child /* Active patient-days with chat activity, Childs only */
    , COUNT(DISTINCT CASE WHEN family_member_type = 'Child' AND active_on_video THEN dau_id END)::BIGINT AS total_active_on_video_child /* Active patient-days with a video, Childs only */
    , COUNT(DISTINCT CASE WHEN family_member_type = 'Child' AND is_gp_video THEN dau_id END)::BIGINT AS total_active_on_video_gp_child /* Active patient-days with a GP video (from 2017-11-01 a GP or unidentified practitioner, before any video), Childs only */
FROM activity
GROUP BY
    date_month
    , organization_id
    , residence_province
