MODEL (
    name analytics.tableau_contracts_active_monthly,
    kind FULL,
    cron '0 7 * * *',
    owner analytics,
    grain date_month,
    tags (tableau, membership, investor_update),
    audits (
        unique_values(columns := (
            date_month
        ))
        , not_null(columns := (date_month, is_completed))
        , assert_tableau_only_completed_periods_filled(columns := (active_contracts_paid, active_patients_paid, active_patients_paid_rate))
    ),
    description 'Investor Update (Tableau), paid active contracts vs paid active patients: one row per month of the contract series (scribe_active_contracts_monthly) up to the current month. Completed months carry the active contracts of paying organizations (the sum over paying organizations of the month''s average daily active contracts, fractional, as in the original), the distinct patients active under a paid contract (active_users_monthly.maus_paid) and their ratio. The month in progress is kept with empty values. FULL, rebuilt by the daily 07:00 UTC run. A dashboard contract: names and types are stable.'
);

WITH contracts AS (
    SELECT
        date_month
        , active_contracts_paid
    FROM analytics.scribe_active_contracts_monthly
), users AS (
    SELECT
        date_month
        , maus_paid
    FROM analytics.active_users_monthly
), current_month AS (
    SELECT
        DATE_TRUNC('MONTH', @to_est(@execution_tstz::TIMESTAMPTZ))::DATE AS date_month
)
SELECT
    contracts.date_month::DATE AS date_month /* First day of the month */
    , (
        contracts.date_month < current_month.date_month
    )::BOOLEAN AS is_completed /* The month ended before the day of the run; only completed months carry values */
    , CASE WHEN contracts.date_month < current_month.date_month THEN contracts.active_contracts_paid END::DOUBLE AS active_contracts_paid /* Active contracts of paying organizations: sum of their month's average daily active contracts (fractional) */
    , CASE WHEN contracts.date_month < current_month.date_month THEN COALESCE(users.maus_paid, 0) END::BIGINT AS active_patients_paid /* Distinct patients active (chat set active) under a paid contract in the month */
    , CASE
        WHEN contracts.date_month < current_month.date_month
        THEN COALESCE(users.maus_paid, 0)::DOUBLE / NULLIF(contracts.active_contracts_paid, 0)
    END::DECIMAL(10, 4) AS active_patients_paid_rate /* Paid active patients per paid active contract, a fraction */
FROM contracts
CROSS JOIN current_month
LEFT JOIN users
    ON contracts.date_month = users.date_month
WHERE
    contracts.date_month <= current_month.date_month
