MODEL (
    name analytics.tableau_organizations_cohort,
    kind FULL,
    cron '0 7 * * *',
    owner analytics,
    grain (organization_id, date_month),
    tags (tableau, membership, investor_update),
    audits (
        unique_combination_of_columns(columns := (organization_id, date_month))
        , not_null(
            columns := (
                organization_id
                , organization_name
                , date_month
                , billing_start_month
                , months_since_billing_start
                , is_completed
            )
        )
        , forall(criteria := (
            months_since_billing_start >= 0
        ))
        , assert_tableau_only_completed_periods_filled(columns := (active_contracts_last_day, active_users_count, daus))
    ),
    description 'Investor Update (Tableau), organization cohorts: one row per paying organization and month from its billing-start month to the current month (scribe_organizations_monthly). Completed months carry the contracts active on the last day of the month, the distinct active patients (active_users, any contract of the organization) and the active patient-days; months_since_billing_start places the month in the organization''s cohort (0 = billing-start month). The month in progress is kept with empty values. FULL, rebuilt by the daily 07:00 UTC run. A dashboard contract: names and types are stable.'
);

WITH organization_months AS (
    SELECT
        organization_id
        , date_month
        , active_contracts_last_day
        , is_paid
    FROM analytics.scribe_organizations_monthly
), organizations AS (
    SELECT
        organization_id
        , organization_name
        , account_id
        , account_name
        , billing_start_date
    FROM analytics.organizations
), active_users AS (
    SELECT
        organization_id
        , date_month
        , user_id
        , dau_id
    FROM analytics.active_users
), users_monthly AS (
    SELECT
        organization_id
        , date_month
        , COUNT(DISTINCT user_id) AS active_users_count
        , COUNT(DISTINCT dau_id) AS daus
    FROM active_users
    GROUP BY
        organization_id
        , date_month
), current_month AS (
    SELECT
        DATE_TRUNC('MONTH', @to_est(@execution_tstz::TIMESTAMPTZ))::DATE AS date_month
), cohort AS (
    SELECT
        organization_months.organization_id
        , organizations.organization_name
        , organizations.account_id
        , organizations.account_name
        , organization_months.date_month
        , DATE_TRUNC('MONTH', organizations.billing_start_date)::DATE AS billing_start_month
        , organization_months.date_month < current_month.date_month AS is_completed
        , organization_months.active_contracts_last_day
        , COALESCE(users_monthly.active_users_count, 0) AS active_users_count
        , COALESCE(users_monthly.daus, 0) AS daus
    FROM organization_months
    CROSS JOIN current_month
    INNER JOIN organizations
        ON organization_months.organization_id = organizations.organization_id
    LEFT JOIN users_monthly
        ON organization_months.organization_id = users_monthly.organization_id
        AND organization_months.date_month = users_monthly.date_month
    WHERE
        organization_months.is_paid
        AND organization_months.date_month >= DATE_TRUNC('MONTH', organizations.billing_start_date)::DATE
        AND organization_months.date_month <= current_month.date_month
)
SELECT
    organization_id::BIGINT AS organization_id /* Scribe organization id */
    , organization_name::TEXT AS organization_name /* Name of the organization */
    , account_id::TEXT AS account_id /* Salesforce account of the organization (N/A when not linked) */
    , account_name::TEXT AS account_name /* Salesforce account name (N/A when not linked) */
    , date_month::DATE AS date_month /* First day of the month */
    , billing_start_month::DATE AS billing_start_month /* Month of the organization's billing start: its cohort */
    , (
        (
            EXTRACT(YEAR FROM date_month) - EXTRACT(YEAR FROM billing_start_month)
        ) * 12 + EXTRACT(MONTH FROM date_month) - EXTRACT(MONTH FROM billing_start_month)
    )::INT AS months_since_billing_start /* Months since the billing-start month (0 = that month) */
    , is_completed::BOOLEAN AS is_completed /* The month ended before the day of the run; only completed months carry values */
    , CASE WHEN is_completed THEN active_contracts_last_day END::BIGINT AS active_contracts_last_day /* Contracts active on the last day of the month */
    , CASE WHEN is_completed THEN active_users_count END::BIGINT AS active_users_count /* Distinct patients of the organization active in the month */
    , CASE WHEN is_completed THEN daus END::BIGINT AS daus /* Active patient-days of the organization in the month */
FROM cohort
