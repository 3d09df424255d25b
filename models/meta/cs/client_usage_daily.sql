MODEL (
    name analytics.client_usage_daily,
    kind INCREMENTAL_BY_TIME_RANGE (
        time_column date_day
    ),
    cron '0 7 * * *',
    owner analytics,
    grain (organization_id, date_day),
    tags (meta, cs, client, pii),
    audits (
        unique_values(columns := (
            usage_id
        ))
        , unique_combination_of_columns(columns := (date_day, organization_id))
        , not_null(
            columns := (
                usage_id
                , date_day
                , organization_id
                , organization_name_id
                , days_since_billing_start
                , m_count
                , f_count
                , age_over_65_count
                , invited_employee_count
                , signed_up_employee_count
                , signed_up_family_member_count
                , signed_up_employee_rate
                , activated_employee_count
                , activated_family_member_count
                , activated_employee_rate
            )
        )
        , forall(
            criteria := (
                signed_up_employee_rate BETWEEN 0 AND 1
                , activated_employee_rate >= 0
                , age_over_65_count BETWEEN 0 AND 1
                , days_since_billing_start >= 0
            )
        )
    ),
    description 'Membership of each client organization per day since its billing start (client_organization_days), for the client dashboard: each organization-day is joined with the member-contracts of user_contract of the organization whose validity [during_start, during_end) contains the day''s UTC midnight, counting distinct members. A member is signed up by the day when the UTC day of signed_up_at is at or before the day, activated by the day when the UTC day of activated_at (first episode set active) is. m_count / f_count = activated-by-the-day members of gender M / F; median_age = median (continuous) of the age in whole years on the day of every covered member, activated or not (as in the original; a member with two contracts counts once); age_bin_<n>_count = the share (0-1; the original''s names say count) of activated-by-the-day members aged n-5 to n-1, 0 when nobody is activated; age_over_65_count = the share of them aged 65 or more (the original''s column was always 0); invited_employee_count = covered employees; signed_up_ / activated_employee_count and _family_member_count (dependents and children) by the day; signed_up_employee_rate = signed-up employees / invited employees, activated_employee_rate = activated employees / signed-up employees (0 when the divisor is 0). days_since_billing_start = days from the billing start date to the day. Incremental by day (a past day keeps the membership known when it was computed, as in the original; days before the warehouse''s backfill start are not computed), one interval per day computed by the daily 07:00 UTC run.'
);

WITH organization_days AS (
    SELECT
        organization_id
        , organization_name_id
        , account_manager_email
        , account_name
        , billing_start_date
        , date_day
    FROM analytics.client_organization_days
    WHERE
        date_day BETWEEN @start_ds AND @end_ds
), members AS (
    SELECT
        user_id
        , organization_id
        , family_member_type
        , gender
        , birthday
        , @to_utc(during_start) AS during_start_utc
        , @to_utc(during_end) AS during_end_utc
        , CASE WHEN is_signed_up THEN @to_utc(signed_up_at)::DATE END AS signed_up_day
        , CASE WHEN is_activated THEN @to_utc(activated_at)::DATE END AS activated_day
    FROM analytics.user_contract
), covered AS (
    SELECT DISTINCT
        organization_days.organization_id
        , organization_days.date_day
        , members.user_id
        , members.family_member_type = 'Employee' AS is_employee
        , members.gender
        , members.signed_up_day <= organization_days.date_day AS is_signed_up_by_day
        , members.activated_day <= organization_days.date_day AS is_activated_by_day
        , (
            EXTRACT(YEAR FROM organization_days.date_day) - EXTRACT(YEAR FROM members.birthday) - CASE
                WHEN EXTRACT(MONTH FROM organization_days.date_day) * 100 + EXTRACT(DAY FROM organization_days.date_day) < EXTRACT(MONTH FROM members.birthday) * 100 + EXTRACT(DAY FROM members.birthday)
                THEN 1
                ELSE 0
            END
        )::INT AS age
    FROM organization_days
    INNER JOIN members
        ON organization_days.organization_id = members.organization_id
        AND members.during_start_utc <= organization_days.date_day::TIMESTAMP
        AND members.during_end_utc > organization_days.date_day::TIMESTAMP
), daily AS (
    SELECT
        organization_id
        , date_day
        , COUNT(DISTINCT CASE WHEN is_activated_by_day AND gender = 'M' THEN user_id END) AS m_count
        , COUNT(DISTINCT CASE WHEN is_activated_by_day AND gender = 'F' THEN user_id END) AS f_count
        , @continuous_percentile(age, 0.5) AS median_age
        , COUNT(DISTINCT CASE WHEN is_activated_by_day THEN user_id END) AS activated_count
        , COUNT(DISTINCT CASE WHEN is_activated_by_day AND age >= 0 AND age < 5 THEN user_id END) AS age_bin_5_activated
        , COUNT(DISTINCT CASE WHEN is_activated_by_day AND age >= 5 AND age < 10 THEN user_id END) AS age_bin_10_activated
        , COUNT(DISTINCT CASE WHEN is_activated_by_day AND age >= 10 AND age < 15 THEN user_id END) AS age_bin_15_activated
        , COUNT(DISTINCT CASE WHEN is_activated_by_day AND age >= 15 AND age < 20 THEN user_id END) AS age_bin_20_activated
        , COUNT(DISTINCT CASE WHEN is_activated_by_day AND age >= 20 AND age < 25 THEN user_id END) AS age_bin_25_activated
        , COUNT(DISTINCT CASE WHEN is_activated_by_day AND age >= 25 AND age < 30 THEN user_id END) AS age_bin_30_activated
        , COUNT(DISTINCT CASE WHEN is_activated_by_day AND age >= 30 AND age < 35 THEN user_id END) AS age_bin_35_activated
        , COUNT(DISTINCT CASE WHEN is_activated_by_day AND age >= 35 AND age < 40 THEN user_id END) AS age_bin_40_activated
        , COUNT(DISTINCT CASE WHEN is_activated_by_day AND age >= 40 AND age < 45 THEN user_id END) AS age_bin_45_activated
        , COUNT(DISTINCT CASE WHEN is_activated_by_day AND age >= 45 AND age < 50 THEN user_id END) AS age_bin_50_activated
        , COUNT(DISTINCT CASE WHEN is_activated_by_day AND age >= 50 AND age < 55 THEN user_id END) AS age_bin_55_activated
        , COUNT(DISTINCT CASE WHEN is_activated_by_day AND age >= 55 AND age < 60 THEN user_id END) AS age_bin_60_activated
        , COUNT(DISTINCT CASE WHEN is_activated_by_day AND age >= 60 AND age < 65 THEN user_id END) AS age_bin_65_activated
        , COUNT(DISTINCT CASE WHEN is_activated_by_day AND age >= 65 THEN user_id END) AS age_over_65_activated
        , COUNT(DISTINCT CASE WHEN is_employee THEN user_id END) AS invited_employee_count
        , COUNT(DISTINCT CASE WHEN is_employee AND is_signed_up_by_day THEN user_id END) AS signed_up_employee_count
        , COUNT(DISTINCT CASE WHEN NOT is_employee AND is_signed_up_by_day THEN user_id END) AS signed_up_family_member_count
        , COUNT(DISTINCT CASE WHEN is_employee AND is_activated_by_day THEN user_id END) AS activated_employee_count
        , COUNT(DISTINCT CASE WHEN NOT is_employee AND is_activated_by_day THEN user_id END) AS activated_family_member_count
    FROM covered
    GROUP BY
        organization_id
        , date_day
), measured AS (
    SELECT
        organization_days.organization_id
        , organization_days.organization_name_id
        , organization_days.account_manager_email
        , organization_days.account_name
        , organization_days.billing_start_date
        , organization_days.date_day
        , COALESCE(daily.m_count, 0) AS m_count
        , COALESCE(daily.f_count, 0) AS f_count
        , daily.median_age
        , COALESCE(daily.activated_count, 0) AS activated_count
        , daily.age_bin_5_activated
        , daily.age_bin_10_activated
        , daily.age_bin_15_activated
        , daily.age_bin_20_activated
        , daily.age_bin_25_activated
        , daily.age_bin_30_activated
        , daily.age_bin_35_activated
        , daily.age_bin_40_activated
        , daily.age_bin_45_activated
        , daily.age_bin_50_activated
        , daily.age_bin_55_activated
        , daily.age_bin_60_activated
        , daily.age_bin_65_activated
        , daily.age_over_65_activated
        , COALESCE(daily.invited_employee_count, 0) AS invited_employee_count
        , COALESCE(daily.signed_up_employee_count, 0) AS signed_up_employee_count
        , COALESCE(daily.signed_up_family_member_count, 0) AS signed_up_family_member_count
        , COALESCE(daily.activated_employee_count, 0) AS activated_employee_count
        , COALESCE(daily.activated_family_member_count, 0) AS activated_family_member_count
    FROM organization_days
    LEFT JOIN daily
        ON organization_days.organization_id = daily.organization_id
        AND organization_days.date_day = daily.date_day
)
SELECT
    MD5(organization_id::TEXT || date_day::TEXT)::TEXT AS usage_id /* md5 of the organization id and the day (YYYY-MM-DD) */
    , date_day::DATE AS date_day /* Day */
    , @days_between(billing_start_date, date_day)::INT AS days_since_billing_start /* Days from the billing start date to the day (0 on the billing start date) */
    , organization_id::BIGINT AS organization_id /* Scribe organization id */
    , organization_name_id::TEXT AS organization_name_id /* "<organization_id> - <organization name>" */
    , account_manager_email::TEXT AS account_manager_email /* [PII] Email of the account manager (Dialogue staff); N/A when none */
    , account_name::TEXT AS account_name /* Salesforce account name (N/A when not linked) */
    , m_count::BIGINT AS m_count /* Members activated by the day of gender M */
    , f_count::BIGINT AS f_count /* Members activated by the day of gender F */
    , median_age::DOUBLE AS median_age /* Median age in whole years on the day of every covered member (activated or not); null without birthday */
    , CASE WHEN activated_count > 0 THEN age_bin_5_activated::DOUBLE / activated_count ELSE 0 END::DOUBLE AS age_bin_5_count /* Share (0-1, despite the name) of the members activated by the day aged 0 to 4 on the day; 0 when nobody is activated */
    , CASE WHEN activated_count > 0 THEN age_bin_10_activated::DOUBLE / activated_count ELSE 0 END::DOUBLE AS age_bin_10_count /* Share (0-1, despite the name) of the members activated by the day aged 5 to 9 on the day; 0 when nobody is activated */
    , CASE WHEN activated_count > 0 THEN age_bin_15_activated::DOUBLE / activated_count ELSE 0 END::DOUBLE AS age_bin_15_count /* Share (0-1, despite the name) of the members activated by the day aged 10 to 14 on the day; 0 when nobody is activated */
    , CASE WHEN activated_count > 0 THEN age_bin_20_activated::DOUBLE / activated_count ELSE 0 END::DOUBLE AS age_bin_20_count /* Share (0-1, despite the name) of the members activated by the day aged 15 to 19 on the day; 0 when nobody is activated */
    , CASE WHEN activated_count > 0 THEN age_bin_25_activated::DOUBLE / activated_count ELSE 0 END::DOUBLE AS age_bin_25_count /* Share (0-1, despite the name) of the members activated by the day aged 20 to 24 on the day; 0 when nobody is activated */
    , CASE WHEN activated_count > 0 THEN age_bin_30_activated::DOUBLE / activated_count ELSE 0 END::DOUBLE AS age_bin_30_count /* Share (0-1, despite the name) of the members activated by the day aged 25 to 29 on the day; 0 when nobody is activated */
    , CASE WHEN activated_count > 0 THEN age_bin_35_activated::DOUBLE / activated_count ELSE 0 END::DOUBLE AS age_bin_35_count /* Share (0-1, despite the name) of the members activated by the day aged 30 to 34 on the day; 0 when nobody is activated */
    , CASE WHEN activated_count > 0 THEN age_bin_40_activated::DOUBLE / activated_count ELSE 0 END::DOUBLE AS age_bin_40_count /* Share (0-1, despite the name) of the members activated by the day aged 35 to 39 on the day; 0 when nobody is activated */
    , CASE WHEN activated_count > 0 THEN age_bin_45_activated::DOUBLE / activated_count ELSE 0 END::DOUBLE AS age_bin_45_count /* Share (0-1, despite the name) of the members activated by the day aged 40 to 44 on the day; 0 when nobody is activated */
    , CASE WHEN activated_count > 0 THEN age_bin_50_activated::DOUBLE / activated_count ELSE 0 END::DOUBLE AS age_bin_50_count /* Share (0-1, despite the name) of the members activated by the day aged 45 to 49 on the day; 0 when nobody is activated */
    , CASE WHEN activated_count > 0 THEN age_bin_55_activated::DOUBLE / activated_count ELSE 0 END::DOUBLE AS age_bin_55_count /* Share (0-1, despite the name) of the members activated by the day aged 50 to 54 on the day; 0 when nobody is activated */
    , CASE WHEN activated_count > 0 THEN age_bin_60_activated::DOUBLE / activated_count ELSE 0 END::DOUBLE AS age_bin_60_count /* Share (0-1, despite the name) of the members activated by the day aged 55 to 59 on the day; 0 when nobody is activated */
    , CASE WHEN activated_count > 0 THEN age_bin_65_activated::DOUBLE / activated_count ELSE 0 END::DOUBLE AS age_bin_65_count /* Share (0-1, despite the name) of the members activated by the day aged 60 to 64 on the day; 0 when nobody is activated */
    , CASE WHEN activated_count > 0 THEN age_over_65_activated::DOUBLE / activated_count ELSE 0 END::DOUBLE AS age_over_65_count /* Share (0-1) of the members activated by the day aged 65 or more; 0 when nobody is activated */
    , invited_employee_count::BIGINT AS invited_employee_count /* Employees covered on the day */
    , signed_up_employee_count::BIGINT AS signed_up_employee_count /* Covered employees signed up by the day */
    , signed_up_family_member_count::BIGINT AS signed_up_family_member_count /* Covered dependents and children signed up by the day */
    , CASE
        WHEN invited_employee_count > 0
        THEN signed_up_employee_count::DOUBLE / invited_employee_count
        ELSE 0
    END::DOUBLE AS signed_up_employee_rate /* Signed-up employees / invited employees (0 when none invited) */
    , activated_employee_count::BIGINT AS activated_employee_count /* Covered employees activated by the day */
    , activated_family_member_count::BIGINT AS activated_family_member_count /* Covered dependents and children activated by the day */
    , CASE
        WHEN signed_up_employee_count > 0
        THEN activated_employee_count::DOUBLE / signed_up_employee_count
        ELSE 0
    END::DOUBLE AS activated_employee_rate /* Activated employees / signed-up employees (0 when none signed up) */
FROM measured
