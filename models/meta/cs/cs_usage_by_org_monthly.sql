MODEL (
    name analytics.cs_usage_by_org_monthly,
    kind FULL,
    cron '0 7 * * *',
    owner analytics,
    grain (date_month, organization_id, residence_province),
    tags (meta, cs, membership),
    audits (
        unique_combination_of_columns(columns := (date_month, organization_id, residence_province))
        , not_null(
            columns := (
                date_month
                , organization_id
                , residence_province
                , months_since_billing_start
                , employee_invited_count_cum
                , dependent_invited_count_cum
                , child_invited_count_cum
            )
        )
        , forall(criteria := (
            months_since_billing_start >= 0
        ))
    ),
    description 'Membership of each organization per UTC month and residence province, family member types pivoted into columns: for each type (employee, dependent, child) the six counts of cs_usage_by_org_by_fmt_monthly (<type>_invited_count_cum = distinct members of that type covered in the month, not a running total; <type>_invited_count, <type>_signed_up_count_cum, <type>_signed_up_count, <type>_activated_count_cum, <type>_activated_count, activation being the legacy first episode created), 0 when the type has no member that month. months_since_billing_start counts whole months from the billing start month (0 for that month). FULL, rebuilt by the daily 07:00 UTC run.'
);

WITH usage_by_type AS (
    SELECT
        date_month
        , organization_name
        , organization_id
        , account_name
        , residence_province
        , billing_start_month
        , billing_start_date
        , family_member_type
        , invited_count_cum
        , invited_count
        , signed_up_count_cum
        , signed_up_count
        , activated_count_cum
        , activated_count
    FROM analytics.cs_usage_by_org_by_fmt_monthly
), pivoted AS (
    SELECT
        date_month
        , organization_name
        , organization_id
        , account_name
        , residence_province
        , billing_start_month
        , billing_start_date
        , SUM(CASE WHEN family_member_type = 'Employee' THEN invited_count_cum ELSE 0 END) AS employee_invited_count_cum
        , SUM(CASE WHEN family_member_type = 'Employee' THEN invited_count ELSE 0 END) AS employee_invited_count
        , SUM(CASE WHEN family_member_type = 'Employee' THEN signed_up_count_cum ELSE 0 END) AS employee_signed_up_count_cum
        , SUM(CASE WHEN family_member_type = 'Employee' THEN signed_up_count ELSE 0 END) AS employee_signed_up_count
        , SUM(CASE WHEN family_member_type = 'Employee' THEN activated_count_cum ELSE 0 END) AS employee_activated_count_cum
        , SUM(CASE WHEN family_member_type = 'Employee' THEN activated_count ELSE 0 END) AS employee_activated_count
        , SUM(CASE WHEN family_member_type = 'Dependent' THEN invited_count_cum ELSE 0 END) AS dependent_invited_count_cum
        , SUM(CASE WHEN family_member_type = 'Dependent' THEN invited_count ELSE 0 END) AS dependent_invited_count
        , SUM(CASE WHEN family_member_type = 'Dependent' THEN signed_up_count_cum ELSE 0 END) AS dependent_signed_up_count_cum
        , SUM(CASE WHEN family_member_type = 'Dependent' THEN signed_up_count ELSE 0 END) AS dependent_signed_up_count
        , SUM(CASE WHEN family_member_type = 'Dependent' THEN activated_count_cum ELSE 0 END) AS dependent_activated_count_cum
        , SUM(CASE WHEN family_member_type = 'Dependent' THEN activated_count ELSE 0 END) AS dependent_activated_count
        , SUM(CASE WHEN family_member_type = 'Child' THEN invited_count_cum ELSE 0 END) AS child_invited_count_cum
        , SUM(CASE WHEN family_member_type = 'Child' THEN invited_count ELSE 0 END) AS child_invited_count
        , SUM(CASE WHEN family_member_type = 'Child' THEN signed_up_count_cum ELSE 0 END) AS child_signed_up_count_cum
        , SUM(CASE WHEN family_member_type = 'Child' THEN signed_up_count ELSE 0 END) AS child_signed_up_count
        , SUM(CASE WHEN family_member_type = 'Child' THEN activated_count_cum ELSE 0 END) AS child_activated_count_cum
        , SUM(CASE WHEN family_member_type = 'Child' THEN activated_count ELSE 0 END) AS child_activated_count
    FROM usage_by_type
    GROUP BY
        date_month
        , organization_name
        , organization_id
        , account_name
        , residence_province
        , billing_start_month
        , billing_start_date
)
SELECT
    date_month::DATE AS date_month /* First day of the UTC month */
    , organization_name::TEXT AS organization_name /* Name of the organization */
    , organization_id::BIGINT AS organization_id /* Scribe organization id */
    , account_name::TEXT AS account_name /* Salesforce account name (N/A when not linked) */
    , residence_province::TEXT AS residence_province /* Province of residence of the members (full name) */
    , billing_start_month::DATE AS billing_start_month /* Month of the organization's billing start */
    , billing_start_date::DATE AS billing_start_date /* First billed day of the organization */
    , (
        (
            EXTRACT(YEAR FROM date_month) - EXTRACT(YEAR FROM billing_start_month)
        ) * 12 + EXTRACT(MONTH FROM date_month) - EXTRACT(MONTH FROM billing_start_month)
    )::INT AS months_since_billing_start /* Whole months from the billing start month to the month (0 for the billing start month) */
    , employee_invited_count_cum::BIGINT AS employee_invited_count_cum /* Employee members covered in the month (0 when none) */
    , employee_invited_count::BIGINT AS employee_invited_count /* Employee members whose contract started in the month (0 when none) */
    , employee_signed_up_count_cum::BIGINT AS employee_signed_up_count_cum /* Employee covered members signed up by the end of the month (0 when none) */
    , employee_signed_up_count::BIGINT AS employee_signed_up_count /* Employee covered members who signed up in the month (0 when none) */
    , employee_activated_count_cum::BIGINT AS employee_activated_count_cum /* Employee covered members whose first episode was created by the end of the month (0 when none) */
    , employee_activated_count::BIGINT AS employee_activated_count /* Employee covered members whose first episode was created in the month (0 when none) */
    , dependent_invited_count_cum::BIGINT AS dependent_invited_count_cum /* Dependent members covered in the month (0 when none) */
    , dependent_invited_count::BIGINT AS dependent_invited_count /* Dependent members whose contract started in the month (0 when none) */
    , dependent_signed_up_count_cum::BIGINT AS dependent_signed_up_count_cum /* Dependent covered members signed up by the end of the month (0 when none) */
    , dependent_signed_up_count::BIGINT AS dependent_signed_up_count /* Dependent covered members who signed up in the month (0 when none) */
    , dependent_activated_count_cum::BIGINT AS dependent_activated_count_cum /* Dependent covered members whose first episode was created by the end of the month (0 when none) */
    , dependent_activated_count::BIGINT AS dependent_activated_count /* Dependent covered members whose first episode was created in the month (0 when none) */
    , child_invited_count_cum::BIGINT AS child_invited_count_cum /* Child members covered in the month (0 when none) */
    , child_invited_count::BIGINT AS child_invited_count /* Child members whose contract started in the month (0 when none) */
    , child_signed_up_count_cum::BIGINT AS child_signed_up_count_cum /* Child covered members signed up by the end of the month (0 when none) */
    , child_signed_up_count::BIGINT AS child_signed_up_count /* Child covered members who signed up in the month (0 when none) */
    , child_activated_count_cum::BIGINT AS child_activated_count_cum /* Child covered members whose first episode was created by the end of the month (0 when none) */
    , child_activated_count::BIGINT AS child_activated_count /* Child covered members whose first episode was created in the month (0 when none) */
FROM pivoted
