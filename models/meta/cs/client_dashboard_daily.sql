MODEL (
    name analytics.client_dashboard_daily,
    kind FULL,
    cron '0 7 * * *',
    owner analytics,
    grain usage_id,
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
                , organization_name_id
                , days_since_billing_start
                , account_manager_email
                , account_name
                , m_count
                , f_count
                , age_bin_5_count
                , age_bin_10_count
                , age_bin_15_count
                , age_bin_20_count
                , age_bin_25_count
                , age_bin_30_count
                , age_bin_35_count
                , age_bin_40_count
                , age_bin_45_count
                , age_bin_50_count
                , age_bin_55_count
                , age_bin_60_count
                , age_bin_65_count
                , age_over_65_count
                , invited_employee_count
                , signed_up_employee_count
                , signed_up_family_member_count
                , signed_up_employee_rate
                , activated_employee_count
                , activated_family_member_count
                , activated_employee_rate
                , has_sufficient_invited_employee_count
                , has_sufficient_signed_up_employee_rate
                , has_sufficient_activated_employee_rate
                , has_sufficient_survey_count_cum
                , has_sufficient_survey_avg_cum
                , has_sufficient_total_consults_cum
            )
        )
        , assert_day_recent(day_column := date_day)
    ),
    description 'Client dashboard, one row per client organization and day of client_usage_daily: its membership columns, with the day''s month and Monday week, the cumulative NPS of client_nps_daily and the consultations of client_total_consults_daily (left-joined on organization and day), and six 0/1 flags has_sufficient_<measure> for invited_employee_count, signed_up_employee_rate, activated_employee_rate, survey_count_cum, survey_avg_cum and total_consults_cum: 1 when the day''s value reaches the target of the band of client_thresholds that contains days_since_billing_start, else 0 (also before the first band, day 30, and when the value is null). FULL, rebuilt by the daily 07:00 UTC run.'
);

WITH usage AS (
    SELECT
        usage_id
        , date_day
        , days_since_billing_start
        , organization_id
        , organization_name_id
        , account_manager_email
        , account_name
        , m_count
        , f_count
        , median_age
        , age_bin_5_count
        , age_bin_10_count
        , age_bin_15_count
        , age_bin_20_count
        , age_bin_25_count
        , age_bin_30_count
        , age_bin_35_count
        , age_bin_40_count
        , age_bin_45_count
        , age_bin_50_count
        , age_bin_55_count
        , age_bin_60_count
        , age_bin_65_count
        , age_over_65_count
        , invited_employee_count
        , signed_up_employee_count
        , signed_up_family_member_count
        , signed_up_employee_rate
        , activated_employee_count
        , activated_family_member_count
        , activated_employee_rate
    FROM analytics.client_usage_daily
), nps AS (
    SELECT
        organization_id
        , date_day
        , survey_count_cum
        , survey_sum_cum
        , survey_avg_cum
        , survey_promoter_count_cum
        , survey_passive_count_cum
        , survey_detractor_count_cum
    FROM analytics.client_nps_daily
), consults AS (
    SELECT
        organization_id
        , date_day
        , total_consults
        , total_consults_cum
    FROM analytics.client_total_consults_daily
), thresholds AS (
    SELECT
        days_since_launch_start
        , days_since_launch_end
        , invited_employee_count
        , signed_up_employee_rate
        , activated_employee_rate
        , survey_count_cum
        , survey_avg_cum
        , total_consults_cum
    FROM analytics.client_thresholds
)
SELECT
    usage.usage_id::TEXT AS usage_id /* md5 of the organization id and the day (client_usage_daily) */
    , usage.date_day::DATE AS date_day /* Day */
    , usage.days_since_billing_start::INT AS days_since_billing_start /* Days from the billing start date to the day */
    , usage.organization_id::BIGINT AS organization_id /* Scribe organization id */
    , usage.organization_name_id::TEXT AS organization_name_id /* "<organization_id> - <organization name>" */
    , usage.account_manager_email::TEXT AS account_manager_email /* [PII] Email of the account manager (Dialogue staff); N/A when none */
    , usage.account_name::TEXT AS account_name /* Salesforce account name (N/A when not linked) */
    , usage.m_count::BIGINT AS m_count /* Members activated by the day of gender M */
    , usage.f_count::BIGINT AS f_count /* Members activated by the day of gender F */
    , usage.median_age::DOUBLE AS median_age /* Median age on the day of every covered member (activated or not) */
    , usage.age_bin_5_count::DOUBLE AS age_bin_5_count /* Share (0-1, despite the name) of the members activated by the day aged 0 to 4 */
    , usage.age_bin_10_count::DOUBLE AS age_bin_10_count /* Share (0-1, despite the name) of the members activated by the day aged 5 to 9 */
    , usage.age_bin_15_count::DOUBLE AS age_bin_15_count /* Share (0-1, despite the name) of the members activated by the day aged 10 to 14 */
    , usage.age_bin_20_count::DOUBLE AS age_bin_20_count /* Share (0-1, despite the name) of the members activated by the day aged 15 to 19 */
    , usage.age_bin_25_count::DOUBLE AS age_bin_25_count /* Share (0-1, despite the name) of the members activated by the day aged 20 to 24 */
    , usage.age_bin_30_count::DOUBLE AS age_bin_30_count /* Share (0-1, despite the name) of the members activated by the day aged 25 to 29 */
    , usage.age_bin_35_count::DOUBLE AS age_bin_35_count /* Share (0-1, despite the name) of the members activated by the day aged 30 to 34 */
    , usage.age_bin_40_count::DOUBLE AS age_bin_40_count /* Share (0-1, despite the name) of the members activated by the day aged 35 to 39 */
    , usage.age_bin_45_count::DOUBLE AS age_bin_45_count /* Share (0-1, despite the name) of the members activated by the day aged 40 to 44 */
    , usage.age_bin_50_count::DOUBLE AS age_bin_50_count /* Share (0-1, despite the name) of the members activated by the day aged 45 to 49 */
    , usage.age_bin_55_count::DOUBLE AS age_bin_55_count /* Share (0-1, despite the name) of the members activated by the day aged 50 to 54 */
    , usage.age_bin_60_count::DOUBLE AS age_bin_60_count /* Share (0-1, despite the name) of the members activated by the day aged 55 to 59 */
    , usage.age_bin_65_count::DOUBLE AS age_bin_65_count /* Share (0-1, despite the name) of the members activated by the day aged 60 to 64 */
    , usage.age_over_65_count::DOUBLE AS age_over_65_count /* Share (0-1) of the members activated by the day aged 65 or more */
    , usage.invited_employee_count::BIGINT AS invited_employee_count /* Employees covered on the day */
    , usage.signed_up_employee_count::BIGINT AS signed_up_employee_count /* Covered employees signed up by the day */
    , usage.signed_up_family_member_count::BIGINT AS signed_up_family_member_count /* Covered dependents and children signed up by the day */
    , usage.signed_up_employee_rate::DOUBLE AS signed_up_employee_rate /* Signed-up employees / invited employees (0 when none invited) */
    , usage.activated_employee_count::BIGINT AS activated_employee_count /* Covered employees activated by the day */
    , usage.activated_family_member_count::BIGINT AS activated_family_member_count /* Covered dependents and children activated by the day */
    , usage.activated_employee_rate::DOUBLE AS activated_employee_rate /* Activated employees / signed-up employees (0 when none signed up) */
    , DATE_TRUNC('MONTH', usage.date_day)::DATE AS date_month /* First day of the month of the day */
    , DATE_TRUNC('WEEK', usage.date_day)::DATE AS date_week /* Monday of the week of the day */
    , nps.survey_count_cum::BIGINT AS survey_count_cum /* NPS responses of the organization up to the day; null before the first */
    , nps.survey_sum_cum::BIGINT AS survey_sum_cum /* Sum of their scores; null before the first response */
    , nps.survey_avg_cum::DOUBLE AS survey_avg_cum /* Average score (0-10) of the responses up to the day; null before the first */
    , nps.survey_promoter_count_cum::BIGINT AS survey_promoter_count_cum /* Promoters up to the day; null before the first response */
    , nps.survey_passive_count_cum::BIGINT AS survey_passive_count_cum /* Passives up to the day; null before the first response */
    , nps.survey_detractor_count_cum::BIGINT AS survey_detractor_count_cum /* Detractors up to the day; null before the first response */
    , consults.total_consults::BIGINT AS total_consults /* Patients with a GP video plus patients with chat activity that day */
    , consults.total_consults_cum::BIGINT AS total_consults_cum /* Consultations from the billing start date up to the day */
    , CASE WHEN usage.invited_employee_count >= thresholds.invited_employee_count THEN 1 ELSE 0 END::INT AS has_sufficient_invited_employee_count /* 1 when invited_employee_count reaches the target of the day's band of days since billing start, else 0 (also before day 30 and when the value is null) */
    , CASE WHEN usage.signed_up_employee_rate >= thresholds.signed_up_employee_rate THEN 1 ELSE 0 END::INT AS has_sufficient_signed_up_employee_rate /* 1 when signed_up_employee_rate reaches the target of the day's band of days since billing start, else 0 (also before day 30 and when the value is null) */
    , CASE WHEN usage.activated_employee_rate >= thresholds.activated_employee_rate THEN 1 ELSE 0 END::INT AS has_sufficient_activated_employee_rate /* 1 when activated_employee_rate reaches the target of the day's band of days since billing start, else 0 (also before day 30 and when the value is null) */
    , CASE WHEN nps.survey_count_cum >= thresholds.survey_count_cum THEN 1 ELSE 0 END::INT AS has_sufficient_survey_count_cum /* 1 when survey_count_cum reaches the target of the day's band of days since billing start, else 0 (also before day 30 and when the value is null) */
    , CASE WHEN nps.survey_avg_cum >= thresholds.survey_avg_cum THEN 1 ELSE 0 END::INT AS has_sufficient_survey_avg_cum /* 1 when survey_avg_cum reaches the target of the day's band of days since billing start, else 0 (also before day 30 and when the value is null) */
    , CASE WHEN consults.total_consults_cum >= thresholds.total_consults_cum THEN 1 ELSE 0 END::INT AS has_sufficient_total_consults_cum /* 1 when total_consults_cum reaches the target of the day's band of days since billing start, else 0 (also before day 30 and when the value is null) */
FROM usage
LEFT JOIN nps
    ON usage.organization_id = nps.organization_id AND usage.date_day = nps.date_day
LEFT JOIN consults
    ON usage.organization_id = consults.organization_id AND usage.date_day = consults.date_day
LEFT JOIN thresholds
    ON usage.days_since_billing_start >= thresholds.days_since_launch_start
    AND usage.days_since_billing_start < thresholds.days_since_launch_end
