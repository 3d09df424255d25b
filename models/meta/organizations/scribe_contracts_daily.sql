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
    description 'One row per UTC day from 2016-10-01 (or the first contract start, whichever is later) to the day of the run''s execution time: the distinct contracts of non-test organizations (scribe_contracts_detailed) overlapping the day, and the subset of paying organizations. Half-open: a contract ending at midnight starting a day does not count on that day. Computed as a running sum of +1 on each contract''s first UTC day and -1 on the day after its last, so the cost grows with contracts plus days, not their product. FULL: contracts change in place, so the series is rebuilt once a day by the 07:00 UTC run (day-grain series: its consumers are daily marts, and the 18:00 run stays a half-day''s work).'
);

WITH contracts AS (
    SELECT
        contract_id
        , is_paid
        , @to_utc(during_start)::DATE AS first_day
        , (
            @to_utc(during_end) - INTERVAL '1' MICROSECOND
        )::DATE AS last_day
    FROM analytics.scribe_contracts_detailed
), series_start AS (
    SELECT
        GREATEST('2016-10-01'::DATE, MIN(first_day)) AS first_day
    FROM contracts
), day_offsets AS (
    SELECT
        n AS day_offset
    FROM @number_series(10000) AS series
), days AS (
    SELECT
        series_start.first_day + day_offsets.day_offset AS date_day
    FROM series_start
    CROSS JOIN day_offsets
    WHERE
        series_start.first_day + day_offsets.day_offset <= @execution_ds::DATE
), counted AS (
    /* contracts active on at least one day of the series (a range ending before it starts is empty) */
    SELECT
        GREATEST(contracts.first_day, series_start.first_day) AS first_day
        , contracts.last_day
        , CASE WHEN contracts.is_paid THEN 1 ELSE 0 END AS paid
    FROM contracts
    CROSS JOIN series_start
    WHERE
        contracts.last_day >= contracts.first_day AND contracts.last_day >= series_start.first_day
), changes AS (
    SELECT
        first_day AS date_day
        , 1 AS change_all
        , paid AS change_paid
    FROM counted
    UNION ALL
    SELECT
        last_day + 1 AS date_day
        , -1 AS change_all
        , -paid AS change_paid
    FROM counted
    WHERE
        last_day < @execution_ds::DATE
), changes_by_day AS (
    SELECT
        date_day
        , SUM(change_all) AS change_all
        , SUM(change_paid) AS change_paid
    FROM changes
    GROUP BY
        date_day
), daily AS (
    SELECT
        days.date_day
        , SUM(COALESCE(changes_by_day.change_all, 0)) OVER (ORDER BY days.date_day ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) AS active_contracts
        , SUM(COALESCE(changes_by_day.change_paid, 0)) OVER (ORDER BY days.date_day ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) AS active_contracts_paid
    FROM days
    LEFT JOIN changes_by_day
        ON changes_by_day.date_day = days.date_day
)
SELECT
    date_day::DATE AS date_day /* UTC day */
    , active_contracts::BIGINT AS active_contracts /* Distinct contracts overlapping the day */
    , active_contracts_paid::BIGINT AS active_contracts_paid /* Of which contracts of paying organizations */
FROM daily
