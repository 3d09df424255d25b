MODEL (
    name analytics.gm_night_shift_fraction_monthly,
    kind FULL,
    cron '0 7 * * *',
    owner analytics,
    grain "month",
    tags (meta, gm, staffing),
    audits (unique_values(columns := (
            "month"
        )), not_null(columns := (
            "month"
    ))),
    description 'Share of the Nurse Clinician shift cost spent on night shifts, per Montreal local month of shift start: among the When I Work shifts at location Virtual Care Platform worked by practitioners whose main specialization is Nurse Clinician (wiw_shifts_detailed joined to practitioners; the original''s left join followed by the filter is an inner join), the cost of the Night Shift Nurse position divided by the total cost. The column keeps the original name month (not date_month) for compatibility. Differs from the original: a month with zero total cost gives a null fraction instead of a division by zero. FULL, refreshed by the 07:00 UTC run like its FULL parents; a few rows. The unique and not-null audits on month are additions (the original had no test).'
);

WITH shifts AS (
    SELECT
        start_month_est
        , user_id
        , position_name
        , location_name
        , cost
    FROM analytics.wiw_shifts_detailed
), practitioners AS (
    SELECT
        user_id
        , main_specialization
    FROM analytics.practitioners
), nurse_shifts AS (
    SELECT
        shifts.start_month_est
        , shifts.position_name
        , COALESCE(shifts.cost, 0) AS cost
    FROM shifts
    INNER JOIN practitioners
        ON shifts.user_id = practitioners.user_id
    WHERE
        shifts.location_name = 'Virtual Care Platform'
        AND practitioners.main_specialization = 'Nurse Clinician'
)
SELECT
    start_month_est::DATE AS "month" /* Montreal local month of the shift starts (first day) */
    , (
        SUM(CASE WHEN position_name = 'Night Shift Nurse' THEN cost ELSE 0 END)::DOUBLE / NULLIF(SUM(cost), 0)::DOUBLE
    )::DOUBLE AS night_shift_fraction /* Cost of Night Shift Nurse shifts over the cost of all Nurse Clinician shifts; null when the month cost nothing */
FROM nurse_shifts
GROUP BY
    start_month_est
