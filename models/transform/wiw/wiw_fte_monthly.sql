MODEL (
    name analytics.wiw_fte_monthly,
    kind FULL,
    cron '0 7 * * *',
    owner analytics,
    grain start_month,
    tags (transform, wiw, staffing),
    audits (unique_values(columns := (
            start_month
    )), not_null(columns := (start_month, ftes))),
    description 'Full-time equivalents scheduled on the Virtual Care Platform, one row per Montreal local month of shift start: the paid hours of the When I Work shifts at location Virtual Care Platform (wiw_shifts_detailed) divided by 160, the hours of a full-time month. As in the original, every shift counts, unpublished and future ones included, and the current month is partial. FULL, refreshed by the 07:00 UTC run like its FULL parent; a few rows.'
);

WITH shifts AS (
    SELECT
        start_month_est
        , hours
        , location_name
    FROM analytics.wiw_shifts_detailed
)
SELECT
    start_month_est::DATE AS start_month /* Montreal local month of the shift starts (first day) */
    , (
        SUM(COALESCE(hours, 0)) / 160.0
    )::DOUBLE AS ftes /* Scheduled paid hours of the month divided by 160 (a full-time month) */
FROM shifts
WHERE
    location_name = 'Virtual Care Platform'
GROUP BY
    start_month_est
