MODEL (
    name analytics.tableau_active_months,
    kind FULL,
    cron '0 7 * * *',
    owner analytics,
    grain (user_key, organization_id, date_month),
    tags (tableau, users, organization_monthly),
    audits (
        unique_combination_of_columns(columns := (user_key, organization_id, date_month))
        , not_null(
            columns := (user_key, organization_id, date_month, activation_type, member_type, activation_category)
        )
        , accepted_values("column" := activation_type, is_in := ('New', 'Repeat'))
        , accepted_values("column" := member_type, is_in := ('Employee', 'Family'))
    ),
    description 'Customer Success, Organization Monthly (Tableau): one row per active patient, organization and month (active_users: a chat set active that month, under a contract of the organization). activation_type is New only in the month of the patient''s activation (first patient post, user_activated, Montreal local month), Repeat in every other month, and Repeat in every month for a patient with no activation row (the original''s rule); member_type is Employee when the patient is the employee on one of those contracts, Family otherwise (dependents and children). The patient is identified by a salted hash (user_key), never by the Scribe id in clear. The current month is partial. FULL, rebuilt by the daily 07:00 UTC run. A dashboard contract: names and types are stable.'
);

WITH active_users AS (
    SELECT
        user_id
        , organization_id
        , organization_name
        , account_id
        , account_name
        , date_month
        , is_employee
        , dau_id
    FROM analytics.active_users
), activations AS (
    SELECT
        user_id
        , activated_month_est
    FROM analytics.user_activated
), monthly AS (
    SELECT
        user_id
        , organization_id
        , MAX(organization_name) AS organization_name
        , MAX(account_id) AS account_id
        , MAX(account_name) AS account_name
        , date_month
        , BOOL_OR(is_employee::BOOLEAN) AS is_employee
        , COUNT(DISTINCT dau_id) AS daus
    FROM active_users
    GROUP BY
        user_id
        , organization_id
        , date_month
), classified AS (
    SELECT
        monthly.user_id
        , monthly.organization_id
        , monthly.organization_name
        , monthly.account_id
        , monthly.account_name
        , monthly.date_month
        , monthly.daus
        , CASE WHEN monthly.date_month = activations.activated_month_est THEN 'New' ELSE 'Repeat' END AS activation_type
        , CASE WHEN monthly.is_employee THEN 'Employee' ELSE 'Family' END AS member_type
    FROM monthly
    LEFT JOIN activations
        ON monthly.user_id = activations.user_id
)
SELECT
    @pii_hash(user_id)::TEXT AS user_key /* Salted hash of the patient's Scribe id (stable join key, not reversible without the salt) */
    , organization_id::BIGINT AS organization_id /* Scribe organization id */
    , organization_name::TEXT AS organization_name /* Name of the organization */
    , account_id::TEXT AS account_id /* Salesforce account of the organization (N/A when not linked) */
    , account_name::TEXT AS account_name /* Salesforce account name (N/A when not linked) */
    , date_month::DATE AS date_month /* First day of the month (local days) */
    , daus::BIGINT AS daus /* Active days of the patient in the month */
    , activation_type::TEXT AS activation_type /* New only in the month of the first patient post (user_activated), else Repeat (always Repeat without an activation row) */
    , member_type::TEXT AS member_type /* Employee or Family (dependent or child) */
    , (
        activation_type || ' ' || member_type
    )::TEXT AS activation_category /* New Employee, New Family, Repeat Employee or Repeat Family */
FROM classified
