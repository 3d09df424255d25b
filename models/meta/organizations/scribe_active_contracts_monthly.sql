MODEL (
    name analytics.scribe_active_contracts_monthly,
    kind FULL,
    cron '0 7 * * *',
    owner analytics,
    grain date_month,
    tags (meta, organizations, membership),
    audits (
        unique_values(columns := (
            date_month
        ))
        , not_null(columns := (date_month, active_contracts, active_contracts_paid, active_contracts_unpaid))
    ),
    description 'One row per month of the organization series (scribe_organizations_monthly, non-test organizations with a plan, from their billing-start month to the current month): active_contracts is the sum over organizations of the organization-month''s average of daily active contracts (distinct employees whose contract covers the day), a fractional number, as in the original; active_contracts_paid and active_contracts_unpaid split the same sum by whether the organization pays that month (total = paid + unpaid). A contract active for part of the month counts for the share of the days it was active. FULL: contracts change in place, so the series is rebuilt once a day by the 07:00 UTC run (day-grain series: its consumers are daily marts, and the 18:00 run stays a half-day''s work).'
);

WITH organizations_monthly AS (
    SELECT
        date_month
        , active_contracts_avg
        , is_paid
    FROM analytics.scribe_organizations_monthly
), monthly AS (
    SELECT
        date_month
        , SUM(active_contracts_avg) AS active_contracts
        , COALESCE(SUM(CASE WHEN is_paid THEN active_contracts_avg END), 0) AS active_contracts_paid
        , COALESCE(SUM(CASE WHEN NOT is_paid THEN active_contracts_avg END), 0) AS active_contracts_unpaid
    FROM organizations_monthly
    GROUP BY
        date_month
)
SELECT
    date_month::DATE AS date_month /* First day of the month */
    , active_contracts::DOUBLE AS active_contracts /* Sum over organizations of the month's average daily active contracts (fractional) */
    , active_contracts_paid::DOUBLE AS active_contracts_paid /* Of which organizations paying that month */
    , active_contracts_unpaid::DOUBLE AS active_contracts_unpaid /* Of which organizations not paying that month */
FROM monthly
