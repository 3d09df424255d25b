MODEL (
    name analytics.scribe_contracts_daily,
    kind FULL,
    cron '0 7 * * *',
    owner analytics,
    grain date_day,
    tags (meta, organizations, membership),
    audits (
        unique_values(columns := (
            date_day
        ))
        , not_null(columns := (date_day, active_contracts, active_contracts_paid))
    ),
    description 'One row per UTC day from 2016-10-01 (or the first contract start, whichever is later) to the day of the run''s execution time: the distinct contracts of non-test organizations (scribe_contracts_detailed) overlapping the day, and the subset of paying organizations. Half-open: a contract ending at midnight starting a day does not count on that day. FULL: contracts change in place, so the series is rebuilt once a day by the 07:00 UTC run (day-grain series: its consumers are daily marts, and the 18:00 run stays a half-day''s work).'
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
        GREATEST('2016-10-01'::DATE, MIN(@to_utc(during_start))::DATE) AS first_day
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
), day_offsets AS (
    SELECT
        thousands.digit * 1000 + hundreds.digit * 100 + tens.digit * 10 + units.digit AS day_offset
    FROM digits AS thousands
    CROSS JOIN digits AS hundreds
    CROSS JOIN digits AS tens
    CROSS JOIN digits AS units
), days AS (
    SELECT
        series_start.first_day + day_offsets.day_offset AS date_day
    FROM series_start
    CROSS JOIN day_offsets
    WHERE
        series_start.first_day + day_offsets.day_offset <= @execution_ds::DATE
), daily AS (
    SELECT
        days.date_day
        , COUNT(DISTINCT contracts.contract_id) AS active_contracts
        , COUNT(DISTINCT CASE WHEN contracts.is_paid THEN contracts.contract_id END) AS active_contracts_paid
    FROM days
    LEFT JOIN contracts
        ON contracts.during_start < (
            days.date_day + 1
        )::TIMESTAMPTZ
        AND contracts.during_end > days.date_day::TIMESTAMPTZ
    GROUP BY
        days.date_day
)
SELECT
    date_day::DATE AS date_day /* UTC day */
    , active_contracts::BIGINT AS active_contracts /* Distinct contracts overlapping the day */
    , active_contracts_paid::BIGINT AS active_contracts_paid /* Of which contracts of paying organizations */
FROM daily
