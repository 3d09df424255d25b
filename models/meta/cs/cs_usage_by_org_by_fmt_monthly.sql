MODEL (
    name analytics.cs_usage_by_org_by_fmt_monthly,
    kind FULL,
    cron '0 7 * * *',
    owner analytics,
    grain (date_month, organization_id, residence_province, family_member_type),
    tags (meta, cs, membership),
    audits (
        unique_combination_of_columns(columns := (date_month, organization_id, residence_province, family_member_type))
        , not_null(columns := (date_month, organization_id, residence_province, billing_start_date))
        , accepted_values("column" := family_member_type, is_in := ('Employee', 'Dependent', 'Child'))
        , forall(
            criteria := (
                invited_count <= invited_count_cum
                , signed_up_count <= signed_up_count_cum
                , activated_count <= activated_count_cum
                , signed_up_count_cum <= invited_count_cum
                , activated_count_cum <= invited_count_cum
            )
        )
    ),
    description 'Membership of each organization per UTC month, residence province and family member type, for the customer-success Organization Monthly dashboard. Spine: every (organization, residence province) found among the members of user_contract, for every month from the month of the organization''s billing start to the month of the run (organizations without billing start have none). Each spine month is joined with the member-contracts of the same organization and province whose validity [during_start, during_end) overlaps the month [month start, next month start); a month without such members keeps one row with a null family_member_type and zero counts. Counts are of distinct members (a member with two contracts overlapping the month counts once): invited_count_cum = members covered in the month (the original''s name, kept: it is not a running total), invited_count = those whose contract started that month; signed_up_count_cum / signed_up_count = covered members signed up by / in the month; activated_count_cum / activated_count = covered members whose first episode under the contract was created by / in the month (the legacy activation, has_first_episode, not is_activated). FULL, rebuilt by the daily 07:00 UTC run.'
);

WITH members AS (
    SELECT
        user_id
        , organization_id
        , organization_name
        , account_name
        , billing_start_date
        , residence_province
        , family_member_type
        , during_start
        , during_end
        , invited_month
        , is_signed_up
        , signed_up_month
        , has_first_episode
        , first_episode_month
    FROM analytics.user_contract
), months AS (
    SELECT
        date_month
        , month_start
        , month_range_end
    FROM analytics.dimension_months
), organization_provinces AS (
    SELECT DISTINCT
        organization_id
        , organization_name
        , account_name
        , billing_start_date
        , residence_province
    FROM members
    WHERE
        NOT billing_start_date IS NULL
), spine AS (
    SELECT
        months.date_month
        , months.month_start
        , months.month_range_end
        , organization_provinces.organization_id
        , organization_provinces.organization_name
        , organization_provinces.account_name
        , organization_provinces.billing_start_date
        , organization_provinces.residence_province
    FROM organization_provinces
    INNER JOIN months
        ON months.date_month >= DATE_TRUNC('MONTH', organization_provinces.billing_start_date)::DATE
), covered AS (
    SELECT
        spine.date_month
        , spine.organization_id
        , spine.organization_name
        , spine.account_name
        , spine.billing_start_date
        , spine.residence_province
        , members.family_member_type
        , members.user_id
        , members.invited_month
        , members.is_signed_up
        , members.signed_up_month
        , members.has_first_episode
        , members.first_episode_month
    FROM spine
    LEFT JOIN members
        ON spine.organization_id = members.organization_id
        AND spine.residence_province = members.residence_province
        AND @to_utc(members.during_start) < spine.month_range_end
        AND @to_utc(members.during_end) > spine.month_start
)
SELECT
    date_month::DATE AS date_month /* First day of the UTC month */
    , organization_name::TEXT AS organization_name /* Name of the organization */
    , organization_id::BIGINT AS organization_id /* Scribe organization id */
    , account_name::TEXT AS account_name /* Salesforce account name (N/A when not linked) */
    , residence_province::TEXT AS residence_province /* Province of residence of the members (full name) */
    , DATE_TRUNC('MONTH', billing_start_date)::DATE AS billing_start_month /* Month of the organization's billing start */
    , billing_start_date::DATE AS billing_start_date /* First billed day of the organization */
    , family_member_type::TEXT AS family_member_type /* Employee, Dependent or Child; null for a month without covered member */
    , COUNT(DISTINCT user_id)::BIGINT AS invited_count_cum /* Distinct members covered in the month (not a running total despite the name) */
    , COUNT(DISTINCT CASE WHEN invited_month = date_month THEN user_id END)::BIGINT AS invited_count /* Covered members whose contract started in the month */
    , COUNT(DISTINCT CASE WHEN is_signed_up AND signed_up_month <= date_month THEN user_id END)::BIGINT AS signed_up_count_cum /* Covered members signed up by the end of the month */
    , COUNT(DISTINCT CASE WHEN is_signed_up AND signed_up_month = date_month THEN user_id END)::BIGINT AS signed_up_count /* Covered members who signed up in the month */
    , COUNT(DISTINCT CASE WHEN has_first_episode AND first_episode_month <= date_month THEN user_id END)::BIGINT AS activated_count_cum /* Covered members whose first episode under the contract was created by the end of the month */
    , COUNT(DISTINCT CASE WHEN has_first_episode AND first_episode_month = date_month THEN user_id END)::BIGINT AS activated_count /* Covered members whose first episode under the contract was created in the month */
FROM covered
GROUP BY
    date_month
    , organization_name
    , organization_id
    , account_name
    , residence_province
    , billing_start_date
    , family_member_type
