MODEL (
    name analytics.cs_organization_monthly,
    kind FULL,
    cron '0 7 * * *',
    owner analytics,
    grain (date_month, organization_id, residence_province),
    tags (meta, cs, membership, activity),
    audits (
        unique_combination_of_columns(columns := (date_month, organization_id, residence_province))
        , not_null(
            columns := (
                date_month
                , organization_id
                , residence_province
                , organization_name
                , billing_start_date
                , months_since_billing_start
                , total_daus
                , total_active_on_chat
                , total_active_on_video
                , total_active_on_video_gp
                , total_daus_cum
                , total_active_on_chat_cum
                , total_active_on_video_cum
                , total_active_on_video_gp_cum
                , employee_invited_count_cum
                , employee_invited_count
                , employee_signed_up_count_cum
                , employee_signed_up_count
                , employee_activated_count_cum
                , employee_activated_count
                , total_active_users_employee
                , total_daus_employee
                , total_active_on_chat_employee
                , total_active_on_video_employee
                , total_active_on_video_gp_employee
                , total_daus_employee_cum
                , total_active_on_chat_employee_cum
                , total_active_on_video_employee_cum
                , total_active_on_video_gp_employee_cum
                , dependent_invited_count_cum
                , dependent_invited_count
                , dependent_signed_up_count_cum
                , dependent_signed_up_count
                , dependent_activated_count_cum
                , dependent_activated_count
                , total_active_users_dependent
                , total_daus_dependent
                , total_active_on_chat_dependent
                , total_active_on_video_dependent
                , total_active_on_video_gp_dependent
                , total_daus_dependent_cum
                , total_active_on_chat_dependent_cum
                , total_active_on_video_dependent_cum
                , total_active_on_video_gp_dependent_cum
                , child_invited_count_cum
                , child_invited_count
                , child_signed_up_count_cum
                , child_signed_up_count
                , child_activated_count_cum
                , child_activated_count
                , total_active_users_child
                , total_daus_child
                , total_active_on_chat_child
                , total_active_on_video_child
                , total_active_on_video_gp_child
                , total_daus_child_cum
                , total_active_on_chat_child_cum
                , total_active_on_video_child_cum
                , total_active_on_video_gp_child_cum
            )
        )
        , forall(criteria := (
            date_month >= '2016-01-01'
        ))
        , assert_cumulative_never_decreases_per_group(
            columns := (total_daus_cum, total_active_on_chat_cum, total_active_on_video_cum, total_active_on_video_gp_cum),
            partition_by := (organization_id, residence_province),
            order_by := date_month
        )
    ),
    description 'Customer-success Organization Monthly table: one row per organization, residence province and UTC month from the billing start month to the month of the run (the spine of cs_usage_by_org_monthly), with the membership counts per family member type of cs_usage_by_org_monthly (<type>_invited_count_cum = members covered in the month, not a running total; activation = first episode created), the month''s patient activity of cs_activity_by_org_monthly (active patient-days in total, with chat, with a video, with a GP video; per type also the distinct active patients) and the running totals of cs_activity_cum_by_org_monthly (_cum). Every activity column is 0 when there was none. Audited: no month before 2016-01-01, and the running totals of patient-days, chats and videos never decrease from one month to the next within an organization and province. FULL, rebuilt by the daily 07:00 UTC run.'
);

WITH usage AS (
    SELECT
        date_month
        , organization_name
        , organization_id
        , account_name
        , residence_province
        , billing_start_month
        , billing_start_date
        , months_since_billing_start
        , employee_invited_count_cum
        , employee_invited_count
        , employee_signed_up_count_cum
        , employee_signed_up_count
        , employee_activated_count_cum
        , employee_activated_count
        , dependent_invited_count_cum
        , dependent_invited_count
        , dependent_signed_up_count_cum
        , dependent_signed_up_count
        , dependent_activated_count_cum
        , dependent_activated_count
        , child_invited_count_cum
        , child_invited_count
        , child_signed_up_count_cum
        , child_signed_up_count
        , child_activated_count_cum
        , child_activated_count
    FROM analytics.cs_usage_by_org_monthly
), activity AS (
    SELECT
        date_month
        , organization_id
        , residence_province
        , total_active_users_employee
        , total_active_users_dependent
        , total_active_users_child
        , total_daus
        , total_active_on_chat
        , total_active_on_video
        , total_active_on_video_gp
        , total_daus_employee
        , total_active_on_chat_employee
        , total_active_on_video_employee
        , total_active_on_video_gp_employee
        , total_daus_dependent
        , total_active_on_chat_dependent
        , total_active_on_video_dependent
        , total_active_on_video_gp_dependent
        , total_daus_child
        , total_active_on_chat_child
        , total_active_on_video_child
        , total_active_on_video_gp_child
    FROM analytics.cs_activity_by_org_monthly
), activity_cum AS (
    SELECT
        date_month
        , organization_id
        , residence_province
        , total_daus_cum
        , total_active_on_chat_cum
        , total_active_on_video_cum
        , total_active_on_video_gp_cum
        , total_daus_employee_cum
        , total_active_on_chat_employee_cum
        , total_active_on_video_employee_cum
        , total_active_on_video_gp_employee_cum
        , total_daus_dependent_cum
        , total_active_on_chat_dependent_cum
        , total_active_on_video_dependent_cum
        , total_active_on_video_gp_dependent_cum
        , total_daus_child_cum
        , total_active_on_chat_child_cum
        , total_active_on_video_child_cum
        , total_active_on_video_gp_child_cum
    FROM analytics.cs_activity_cum_by_org_monthly
)
SELECT
    usage.date_month::DATE AS date_month /* First day of the UTC month */
    , usage.organization_name::TEXT AS organization_name /* Name of the organization */
    , usage.organization_id::BIGINT AS organization_id /* Scribe organization id */
    , usage.account_name::TEXT AS account_name /* Salesforce account name (N/A when not linked) */
    , usage.residence_province::TEXT AS residence_province /* Province of residence of the members (full name) */
    , usage.billing_start_month::DATE AS billing_start_month /* Month of the organization's billing start */
    , usage.billing_start_date::DATE AS billing_start_date /* First billed day of the organization */
    , usage.months_since_billing_start::INT AS months_since_billing_start /* Whole months from the billing start month (0 for that month) */
    , COALESCE(activity.total_daus, 0)::BIGINT AS total_daus /* Active patient-days in the month (0 when none) */
    , COALESCE(activity.total_active_on_chat, 0)::BIGINT AS total_active_on_chat /* Active patient-days with chat activity in the month (0 when none) */
    , COALESCE(activity.total_active_on_video, 0)::BIGINT AS total_active_on_video /* Active patient-days with a video in the month (0 when none) */
    , COALESCE(activity.total_active_on_video_gp, 0)::BIGINT AS total_active_on_video_gp /* Active patient-days with a gp video in the month (0 when none) */
    , COALESCE(activity_cum.total_daus_cum, 0)::BIGINT AS total_daus_cum /* Active patient-days from the billing start month up to this month */
    , COALESCE(activity_cum.total_active_on_chat_cum, 0)::BIGINT AS total_active_on_chat_cum /* Active patient-days with chat activity from the billing start month up to this month */
    , COALESCE(activity_cum.total_active_on_video_cum, 0)::BIGINT AS total_active_on_video_cum /* Active patient-days with a video from the billing start month up to this month */
    , COALESCE(activity_cum.total_active_on_video_gp_cum, 0)::BIGINT AS total_active_on_video_gp_cum /* Active patient-days with a gp video from the billing start month up to this month */
    , usage.employee_invited_count_cum::BIGINT AS employee_invited_count_cum /* Employee members covered in the month */
    , usage.employee_invited_count::BIGINT AS employee_invited_count /* Employee members whose contract started in the month */
    , usage.employee_signed_up_count_cum::BIGINT AS employee_signed_up_count_cum /* Employee covered members signed up by the end of the month */
    , usage.employee_signed_up_count::BIGINT AS employee_signed_up_count /* Employee covered members who signed up in the month */
    , usage.employee_activated_count_cum::BIGINT AS employee_activated_count_cum /* Employee covered members whose first episode was created by the end of the month */
    , usage.employee_activated_count::BIGINT AS employee_activated_count /* Employee covered members whose first episode was created in the month */
    , COALESCE(activity.total_active_users_employee, 0)::BIGINT AS total_active_users_employee /* Distinct active employee patients in the month */
    , COALESCE(activity.total_daus_employee, 0)::BIGINT AS total_daus_employee /* Active patient-days of employees in the month */
    , COALESCE(activity.total_active_on_chat_employee, 0)::BIGINT AS total_active_on_chat_employee /* Active patient-days with chat activity of employees in the month */
    , COALESCE(activity.total_active_on_video_employee, 0)::BIGINT AS total_active_on_video_employee /* Active patient-days with a video of employees in the month */
    , COALESCE(activity.total_active_on_video_gp_employee, 0)::BIGINT AS total_active_on_video_gp_employee /* Active patient-days with a gp video of employees in the month */
    , COALESCE(activity_cum.total_daus_employee_cum, 0)::BIGINT AS total_daus_employee_cum /* Active patient-days of employees from the billing start month up to this month */
    , COALESCE(activity_cum.total_active_on_chat_employee_cum, 0)::BIGINT AS total_active_on_chat_employee_cum /* Active patient-days with chat activity of employees from the billing start month up to this month */
    , COALESCE(activity_cum.total_active_on_video_employee_cum, 0)::BIGINT AS total_active_on_video_employee_cum /* Active patient-days with a video of employees from the billing start month up to this month */
    , COALESCE(activity_cum.total_active_on_video_gp_employee_cum, 0)::BIGINT AS total_active_on_video_gp_employee_cum /* Active patient-days with a gp video of employees from the billing start month up to this month */
    , usage.dependent_invited_count_cum::BIGINT AS dependent_invited_count_cum /* Dependent members covered in the month */
    , usage.dependent_invited_count::BIGINT AS dependent_invited_count /* Dependent members whose contract started in the month */
    , usage.dependent_signed_up_count_cum::BIGINT AS dependent_signed_up_count_cum /* Dependent covered members signed up by the end of the month */
    , usage.dependent_signed_up_count::BIGINT AS dependent_signed_up_count /* Dependent covered members who signed up in the month */
    , usage.dependent_activated_count_cum::BIGINT AS dependent_activated_count_cum /* Dependent covered members whose first episode was created by the end of the month */
    , usage.dependent_activated_count::BIGINT AS dependent_activated_count /* Dependent covered members whose first episode was created in the month */
    , COALESCE(activity.total_active_users_dependent, 0)::BIGINT AS total_active_users_dependent /* Distinct active dependent patients in the month */
    , COALESCE(activity.total_daus_dependent, 0)::BIGINT AS total_daus_dependent /* Active patient-days of dependents in the month */
    , COALESCE(activity.total_active_on_chat_dependent, 0)::BIGINT AS total_active_on_chat_dependent /* Active patient-days with chat activity of dependents in the month */
    , COALESCE(activity.total_active_on_video_dependent, 0)::BIGINT AS total_active_on_video_dependent /* Active patient-days with a video of dependents in the month */
    , COALESCE(activity.total_active_on_video_gp_dependent, 0)::BIGINT AS total_active_on_video_gp_dependent /* Active patient-days with a gp video of dependents in the month */
    , COALESCE(activity_cum.total_daus_dependent_cum, 0)::BIGINT AS total_daus_dependent_cum /* Active patient-days of dependents from the billing start month up to this month */
    , COALESCE(activity_cum.total_active_on_chat_dependent_cum, 0)::BIGINT AS total_active_on_chat_dependent_cum /* Active patient-days with chat activity of dependents from the billing start month up to this month */
    , COALESCE(activity_cum.total_active_on_video_dependent_cum, 0)::BIGINT AS total_active_on_video_dependent_cum /* Active patient-days with a video of dependents from the billing start month up to this month */
    , COALESCE(activity_cum.total_active_on_video_gp_dependent_cum, 0)::BIGINT AS total_active_on_video_gp_dependent_cum /* Active patient-days with a gp video of dependents from the billing start month up to this month */
    , usage.child_invited_count_cum::BIGINT AS child_invited_count_cum /* Child members covered in the month */
    , usage.child_invited_count::BIGINT AS child_invited_count /* Child members whose contract started in the month */
    , usage.child_signed_up_count_cum::BIGINT AS child_signed_up_count_cum /* Child covered members signed up by the end of the month */
    , usage.child_signed_up_count::BIGINT AS child_signed_up_count /* Child covered members who signed up in the month */
    , usage.child_activated_count_cum::BIGINT AS child_activated_count_cum /* Child covered members whose first episode was created by the end of the month */
    , usage.child_activated_count::BIGINT AS child_activated_count /* Child covered members whose first episode was created in the month */
    , COALESCE(activity.total_active_users_child, 0)::BIGINT AS total_active_users_child /* Distinct active child patients in the month */
    , COALESCE(activity.total_daus_child, 0)::BIGINT AS total_daus_child /* Active patient-days of childs in the month */
    , COALESCE(activity.total_active_on_chat_child, 0)::BIGINT AS total_active_on_chat_child /* Active patient-days with chat activity of childs in the month */
    , COALESCE(activity.total_active_on_video_child, 0)::BIGINT AS total_active_on_video_child /* Active patient-days with a video of childs in the month */
    , COALESCE(activity.total_active_on_video_gp_child, 0)::BIGINT AS total_active_on_video_gp_child /* Active patient-days with a gp video of childs in the month */
    , COALESCE(activity_cum.total_daus_child_cum, 0)::BIGINT AS total_daus_child_cum /* Active patient-days of childs from the billing start month up to this month */
    , COALESCE(activity_cum.total_active_on_chat_child_cum, 0)::BIGINT AS total_active_on_chat_child_cum /* Active patient-days with chat activity of childs from the billing start month up to this month */
    , COALESCE(activity_cum.total_active_on_video_child_cum, 0)::BIGINT AS total_active_on_video_child_cum /* Active patient-days with a video of childs from the billing start month up to this month */
    , COALESCE(activity_cum.total_active_on_video_gp_child_cum, 0)::BIGINT AS total_active_on_video_gp_child_cum /* Active patient-days with a gp video of childs from the billing start month up to this month */
FROM usage
LEFT JOIN activity
    ON usage.date_month = activity.date_month
    AND usage.organization_id = activity.organization_id
    AND usage.residence_province = activity.residence_province
LEFT JOIN activity_cum
    ON usage.date_month = activity_cum.date_month
    AND usage.organization_id = activity_cum.organization_id
    AND usage.residence_province = activity_cum.residence_province
