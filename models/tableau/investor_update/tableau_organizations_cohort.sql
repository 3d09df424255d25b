MODEL (
    name analytics.tableau_organizations_cohort,
    kind FULL,
    cron '0 7 * * *',
    owner analytics,
    grain (organization_id, period),
    tags (tableau, membership, investor_update),
    audits (
        unique_combination_of_columns(columns := (organization_id, period))
        , not_null(
            columns := (
                organization_id
                , organization_name
                , billing_start_date
                , billing_start_month
                , period
                , period_start_date
                , period_end_date
                , contracts
                , active_users_count
                , daus
            )
        )
        , forall(criteria := (period >= 1, period_end_date >= period_start_date))
    ),
    description 'Investor Update (Tableau), organization cohorts, as in the original: one row per paying organization (organizations.is_paid) and anniversary month of its billing start. Periods are monthly anniversaries of billing_start_date, numbered from 1: period n runs from billing_start_date + (n - 1) months to the day before billing_start_date + n months (a start on the 31st ends its periods on the last day of shorter months). contracts = distinct participants (employees) of the organization whose contract covers the end of the period (starts before and ends at or after billing_start_date + n months, UTC midnight); active_users_count and daus = distinct active patients and active patient-days (active_users, any contract of the organization) on the local days of the period. Only periods that ended before the current month (Montreal local month of the run) are listed. FULL, rebuilt by the daily 07:00 UTC run. A dashboard contract: names and types are stable.'
);

WITH organizations AS (
    SELECT
        organization_id
        , organization_name
        , account_id
        , account_name
        , billing_start_date
    FROM analytics.organizations
    WHERE
        is_paid AND NOT billing_start_date IS NULL
), contracts AS (
    SELECT
        organization_id
        , participant_id
        , during_start
        , during_end
    FROM analytics.scribe_contracts_detailed
), active_users AS (
    SELECT
        organization_id
        , date_day_est
        , user_id
        , dau_id
    FROM analytics.active_users
), current_month AS (
    SELECT
        DATE_TRUNC('MONTH', @to_est(@execution_tstz::TIMESTAMPTZ))::DATE AS date_month
), period_numbers AS (
    SELECT
        n + 1 AS period
    FROM @number_series(1000) AS series
), periods AS (
    SELECT
        organizations.organization_id
        , organizations.organization_name
        , organizations.account_id
        , organizations.account_name
        , organizations.billing_start_date
        , period_numbers.period
        , (
            organizations.billing_start_date + (
                period_numbers.period - 1
            ) * INTERVAL '1' MONTH
        )::DATE AS period_start_date
        , (
            organizations.billing_start_date + period_numbers.period * INTERVAL '1' MONTH
        )::DATE AS next_period_start_date
    FROM organizations
    CROSS JOIN period_numbers
    CROSS JOIN current_month
    WHERE
        (
            organizations.billing_start_date + period_numbers.period * INTERVAL '1' MONTH
        )::DATE <= current_month.date_month
), period_contracts AS (
    SELECT
        periods.organization_id
        , periods.period
        , COUNT(DISTINCT contracts.participant_id) AS contracts
    FROM periods
    INNER JOIN contracts
        ON periods.organization_id = contracts.organization_id
        AND contracts.during_start < periods.next_period_start_date::TIMESTAMPTZ
        AND contracts.during_end >= periods.next_period_start_date::TIMESTAMPTZ
    GROUP BY
        periods.organization_id
        , periods.period
), period_users AS (
    SELECT
        periods.organization_id
        , periods.period
        , COUNT(DISTINCT active_users.user_id) AS active_users_count
        , COUNT(DISTINCT active_users.dau_id) AS daus
    FROM periods
    INNER JOIN active_users
        ON periods.organization_id = active_users.organization_id
        AND active_users.date_day_est >= periods.period_start_date
        AND active_users.date_day_est < periods.next_period_start_date
    GROUP BY
        periods.organization_id
        , periods.period
)
SELECT
    periods.organization_id::BIGINT AS organization_id /* Scribe organization id */
    , periods.organization_name::TEXT AS organization_name /* Name of the organization */
    , periods.account_id::TEXT AS account_id /* Salesforce account of the organization (N/A when not linked) */
    , periods.account_name::TEXT AS account_name /* Salesforce account name (N/A when not linked) */
    , periods.billing_start_date::DATE AS billing_start_date /* First billed day: the anniversary day of every period */
    , DATE_TRUNC('MONTH', periods.billing_start_date)::DATE AS billing_start_month /* Month of the organization's billing start: its cohort */
    , periods.period::INT AS period /* Anniversary month since the billing start, 1 = the month starting on the billing start day */
    , periods.period_start_date::DATE AS period_start_date /* First day of the period: billing start + (period - 1) months */
    , (
        periods.next_period_start_date - INTERVAL '1' DAY
    )::DATE AS period_end_date /* Last day of the period: the day before billing start + period months */
    , COALESCE(period_contracts.contracts, 0)::BIGINT AS contracts /* Distinct participants whose contract covers the end of the period */
    , COALESCE(period_users.active_users_count, 0)::BIGINT AS active_users_count /* Distinct patients of the organization active in the period */
    , COALESCE(period_users.daus, 0)::BIGINT AS daus /* Active patient-days of the organization in the period */
FROM periods
LEFT JOIN period_contracts
    ON periods.organization_id = period_contracts.organization_id
    AND periods.period = period_contracts.period
LEFT JOIN period_users
    ON periods.organization_id = period_users.organization_id AND periods.period = period_users.period
