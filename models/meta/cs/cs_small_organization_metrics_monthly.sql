MODEL (
    name analytics.cs_small_organization_metrics_monthly,
    kind FULL,
    cron '0 7 * * *',
    owner analytics,
    grain (organization_id, date_month),
    tags (meta, cs, nps),
    audits (
        unique_combination_of_columns(columns := (organization_id, date_month))
        , not_null(
            columns := (
                date_month
                , organization_name
                , organization_id
                , has_no_consults
                , has_acceptable_satisfaction
                , billing_start_date
                , months_since_billing_start
                , satisfaction_count
            )
        )
        , forall(
            criteria := (
                paid_employees_count BETWEEN 0 AND 100
                , months_since_billing_start > 0
                , satisfaction_average BETWEEN 0 AND 1
            )
        )
    ),
    description 'Health of small client organizations per UTC month: the rows of cs_organization_monthly summed over residence provinces, kept for months after the billing start month (months_since_billing_start > 0) in which the organization covered 0 to 100 employees. total_consults = running patient-days with chat activity + running patient-days with a video since the billing start; paid_employees_count = employees covered in the month; has_no_consults is true when total_consults is 0. Satisfaction is cumulative: every patient NPS response (nps_patient_survey) of the organization whose UTC month is at or before the month, a response counted once per organization even when it is listed under two of its contracts; satisfaction_count = number of responses, satisfaction_average = average score x 0.1 (0-1 scale, null without response), has_acceptable_satisfaction = average at least 0.8 (false without response). FULL, rebuilt by the daily 07:00 UTC run.'
);

WITH organization_months AS (
    SELECT
        date_month
        , organization_name
        , organization_id
        , account_name
        , billing_start_month
        , billing_start_date
        , months_since_billing_start
        , SUM(total_active_on_chat_cum) + SUM(total_active_on_video_cum) AS total_consults
        , SUM(employee_invited_count_cum) AS paid_employees_count
    FROM analytics.cs_organization_monthly
    GROUP BY
        date_month
        , organization_name
        , organization_id
        , account_name
        , billing_start_month
        , billing_start_date
        , months_since_billing_start
), responses AS (
    SELECT DISTINCT
        organization_id
        , survey_id
        , date_month
        , score
    FROM analytics.nps_patient_survey
    WHERE
        NOT organization_id IS NULL
), satisfaction AS (
    SELECT
        organization_months.organization_id
        , organization_months.date_month
        , COUNT(responses.score) AS satisfaction_count
        , AVG(responses.score) * 0.1 AS satisfaction_average
    FROM organization_months
    INNER JOIN responses
        ON organization_months.organization_id = responses.organization_id
        AND responses.date_month <= organization_months.date_month
    GROUP BY
        organization_months.organization_id
        , organization_months.date_month
)
SELECT
    organization_months.date_month::DATE AS date_month /* First day of the UTC month */
    , organization_months.organization_name::TEXT AS organization_name /* Name of the organization */
    , organization_months.organization_id::BIGINT AS organization_id /* Scribe organization id */
    , organization_months.account_name::TEXT AS account_name /* Salesforce account name (N/A when not linked) */
    , organization_months.billing_start_month::DATE AS billing_start_month /* Month of the organization's billing start */
    , organization_months.billing_start_date::DATE AS billing_start_date /* First billed day of the organization */
    , organization_months.months_since_billing_start::INT AS months_since_billing_start /* Whole months from the billing start month (at least 1 here) */
    , organization_months.total_consults::BIGINT AS total_consults /* Patient-days with chat activity plus patient-days with a video, from the billing start month up to this month */
    , COALESCE(organization_months.total_consults = 0, FALSE)::BOOLEAN AS has_no_consults /* No consultation since the billing start */
    , organization_months.paid_employees_count::BIGINT AS paid_employees_count /* Employees covered in the month (0 to 100 here) */
    , satisfaction.satisfaction_average::DOUBLE AS satisfaction_average /* Average NPS score of the responses up to this month, on a 0-1 scale; null without response */
    , COALESCE(satisfaction.satisfaction_average >= 0.8, FALSE)::BOOLEAN AS has_acceptable_satisfaction /* The average is at least 0.8 (false without response) */
    , COALESCE(satisfaction.satisfaction_count, 0)::BIGINT AS satisfaction_count /* NPS responses of the organization up to this month */
FROM organization_months
LEFT JOIN satisfaction
    ON organization_months.organization_id = satisfaction.organization_id
    AND organization_months.date_month = satisfaction.date_month
WHERE
    organization_months.paid_employees_count BETWEEN 0 AND 100
    AND organization_months.months_since_billing_start > 0
