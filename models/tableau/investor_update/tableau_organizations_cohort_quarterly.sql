MODEL (
    name analytics.tableau_organizations_cohort_quarterly,
    kind FULL,
    cron '0 7 * * *',
    owner analytics,
    grain (organization_id, quarter_since_start),
    tags (tableau, membership, investor_update),
    audits (
        unique_combination_of_columns(columns := (organization_id, quarter_since_start))
        , not_null(
            columns := (
                organization_id
                , organization_name
                , billing_start_date
                , billing_start_month
                , quarter_since_start
                , quarter_start
                , quarter_end
                , contracts
                , active_users
                , daus
            )
        )
        , forall(criteria := (quarter_since_start >= 1, quarter_end > quarter_start, daus >= active_users))
    ),
    description 'Investor Update (Tableau), organization cohorts by quarter: one row per paying organization (organizations.is_paid) and quarter since its billing start. Quarters are 3-month anniversaries of billing_start_date numbered from 1: quarter n runs from quarter_start = billing_start_date + 3(n - 1) months to quarter_end = billing_start_date + 3n months (exclusive). Only completed quarters are listed: those for which the billing start month + 3n months is before the month of the run (Montreal local month). contracts = distinct participants (employees) of the organization whose contract covers the end of the quarter (starts before quarter_end and ends at or after it, UTC midnight), as the monthly cohort mart counts them; active_users = distinct activated patients (active_users, any contract of the organization) active on a local day of [quarter_start, quarter_end), daus = their distinct patient-days. Same rules as tableau_organizations_cohort by anniversary month. FULL, rebuilt by the daily 07:00 UTC run. A dashboard contract: names and types are stable.'
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
), digits AS (
    SELECT
        digit
    FROM (VALUES
        (0)
        , (1)
        , (2)
        , (3)
        , (4)
        , (5)
        , (6)
        , (7)
        , (8)
        , (9)) AS digits(digit)
), quarter_numbers AS (
    SELECT
        tens.digit * 10 + units.digit + 1 AS quarter_since_start
    FROM digits AS tens
    CROSS JOIN digits AS units
), quarters AS (
    SELECT
        organizations.organization_id
        , organizations.organization_name
        , organizations.account_id
        , organizations.account_name
        , organizations.billing_start_date
        , quarter_numbers.quarter_since_start
        , (
            organizations.billing_start_date + (
                quarter_numbers.quarter_since_start - 1
            ) * INTERVAL '3' MONTH
        )::DATE AS quarter_start
        , (
            organizations.billing_start_date + quarter_numbers.quarter_since_start * INTERVAL '3' MONTH
        )::DATE AS quarter_end
    FROM organizations
    CROSS JOIN quarter_numbers
    CROSS JOIN current_month
    WHERE
        (
            DATE_TRUNC('MONTH', organizations.billing_start_date) + quarter_numbers.quarter_since_start * INTERVAL '3' MONTH
        )::DATE < current_month.date_month
), quarter_contracts AS (
    SELECT
        quarters.organization_id
        , quarters.quarter_since_start
        , COUNT(DISTINCT contracts.participant_id) AS contracts
    FROM quarters
    INNER JOIN contracts
        ON quarters.organization_id = contracts.organization_id
        AND contracts.during_start < quarters.quarter_end::TIMESTAMPTZ
        AND contracts.during_end >= quarters.quarter_end::TIMESTAMPTZ
    GROUP BY
        quarters.organization_id
        , quarters.quarter_since_start
), quarter_users AS (
    SELECT
        quarters.organization_id
        , quarters.quarter_since_start
        , COUNT(DISTINCT active_users.user_id) AS active_users
        , COUNT(DISTINCT active_users.dau_id) AS daus
    FROM quarters
    INNER JOIN active_users
        ON quarters.organization_id = active_users.organization_id
        AND active_users.date_day_est >= quarters.quarter_start
        AND active_users.date_day_est < quarters.quarter_end
    GROUP BY
        quarters.organization_id
        , quarters.quarter_since_start
)
SELECT
    quarters.organization_id::BIGINT AS organization_id /* Scribe organization id */
    , quarters.organization_name::TEXT AS organization_name /* Name of the organization */
    , quarters.account_id::TEXT AS account_id /* Salesforce account of the organization (N/A when not linked) */
    , quarters.account_name::TEXT AS account_name /* Salesforce account name (N/A when not linked) */
    , quarters.billing_start_date::DATE AS billing_start_date /* First billed day: the anniversary day of every quarter */
    , DATE_TRUNC('MONTH', quarters.billing_start_date)::DATE AS billing_start_month /* Month of the organization's billing start: its cohort */
    , quarters.quarter_since_start::INT AS quarter_since_start /* Quarter since the billing start, 1 = the quarter starting on the billing start day */
    , quarters.quarter_start::DATE AS quarter_start /* First day of the quarter: billing start + 3 (quarter_since_start - 1) months */
    , quarters.quarter_end::DATE AS quarter_end /* End of the quarter (exclusive): billing start + 3 quarter_since_start months */
    , COALESCE(quarter_contracts.contracts, 0)::BIGINT AS contracts /* Distinct participants whose contract covers the end of the quarter */
    , COALESCE(quarter_users.active_users, 0)::BIGINT AS active_users /* Distinct activated patients of the organization active in the quarter */
    , COALESCE(quarter_users.daus, 0)::BIGINT AS daus /* Active patient-days of the organization in the quarter */
FROM quarters
LEFT JOIN quarter_contracts
    ON quarters.organization_id = quarter_contracts.organization_id
    AND quarters.quarter_since_start = quarter_contracts.quarter_since_start
LEFT JOIN quarter_users
    ON quarters.organization_id = quarter_users.organization_id
    AND quarters.quarter_since_start = quarter_users.quarter_since_start
