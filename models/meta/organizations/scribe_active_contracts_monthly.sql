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
    description 'One row per month from the month of the first contract start (not before 2016-01) to the month of the run''s execution time: the distinct contracts of non-test organizations (scribe_contracts_detailed) active at some time in the month, split into paying and non-paying organizations (total = paid + unpaid). FULL: contracts change in place, so the series is rebuilt once a day by the 07:00 UTC run (day-grain series: its consumers are daily marts, and the 18:00 run stays a half-day''s work).'
);

WITH contracts AS (
    SELECT
        contract_id
        , during_start
        , during_end
        , is_paid
    FROM analytics.scribe_contracts_detailed
), series_start AS (
    SELECT
        GREATEST('2016-01-01'::DATE, DATE_TRUNC('MONTH', MIN(@to_utc(during_start)))::DATE) AS first_month
    FROM contracts
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
), month_offsets AS (
    SELECT
        hundreds.digit * 100 + tens.digit * 10 + units.digit AS month_offset
    FROM digits AS hundreds
    CROSS JOIN digits AS tens
    CROSS JOIN digits AS units
), months AS (
    SELECT
        (
            series_start.first_month + month_offsets.month_offset * INTERVAL '1' MONTH
        )::DATE AS date_month
    FROM series_start
    CROSS JOIN month_offsets
    WHERE
        series_start.first_month + month_offsets.month_offset * INTERVAL '1' MONTH <= @execution_ds::DATE
), monthly AS (
    SELECT
        months.date_month
        , COUNT(DISTINCT contracts.contract_id) AS active_contracts
        , COUNT(DISTINCT CASE WHEN contracts.is_paid THEN contracts.contract_id END) AS active_contracts_paid
        , COUNT(DISTINCT CASE WHEN NOT contracts.is_paid THEN contracts.contract_id END) AS active_contracts_unpaid
    FROM months
    LEFT JOIN contracts
        ON contracts.during_start < (
            months.date_month + INTERVAL '1' MONTH
        )::DATE::TIMESTAMPTZ
        AND contracts.during_end > months.date_month::TIMESTAMPTZ
    GROUP BY
        months.date_month
)
SELECT
    date_month::DATE AS date_month /* First day of the month */
    , active_contracts::BIGINT AS active_contracts /* Distinct contracts active at some time in the month */
    , active_contracts_paid::BIGINT AS active_contracts_paid /* Of which contracts of paying organizations */
    , active_contracts_unpaid::BIGINT AS active_contracts_unpaid /* Of which contracts of non-paying organizations */
FROM monthly
