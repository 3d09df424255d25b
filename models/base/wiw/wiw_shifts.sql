MODEL (
    name analytics.wiw_shifts,
    kind FULL,
    cron '0 7 * * *',
    owner analytics,
    grain shift_id,
    tags (base, wiw, staffing),
    depends_on (analytics.wiw_locations, analytics.wiw_users),
    audits (
        unique_values(columns := (
            shift_id
        ))
        , not_null(columns := (shift_id, start_time, end_time, is_published))
        , forall(criteria := (
            hours >= 0
        ))
        , assert_wiw_shifts_valid_times
        , assert_wiw_shifts_location_exists
        , assert_wiw_shifts_user_exists
    ),
    description 'One row per When I Work shift (Singer tap table tap_wiw.shifts), published or not. FULL, refreshed by the 07:00 UTC run (every consumer is rebuilt at 07:00 only): the tap replicates shifts that are edited in place (times, positions, publication), and the table is small. Shift ids listed in the wiw_duplicate_shifts seed are excluded (the original hard-coded them). A shift covers the closed interval [start_time, end_time]; hours is its length net of the unpaid break, and is null when that cannot be known: the shift ends before it starts, its break is negative, or its break is longer than the shift (so hours is never negative; the original gave negative or inflated hours; the non-blocking audit assert_wiw_shifts_valid_times names such shifts).'
);

WITH shifts AS (
    SELECT
        id
        , start_time
        , end_time
        , break_time
        , location_id
        , position_id
        , published
        , user_id
    FROM tap_wiw.shifts
    WHERE
        NOT id IS NULL AND NOT start_time IS NULL AND NOT end_time IS NULL
), duplicate_shifts AS (
    SELECT
        shift_id
    FROM analytics.wiw_duplicate_shifts
), kept_shifts AS (
    SELECT
        id
        , start_time
        , end_time
        , COALESCE(break_time, 0) AS break_time
        , location_id
        , position_id
        , COALESCE(published, FALSE) AS published
        , user_id
    FROM shifts
    WHERE
        NOT id IN (
            SELECT
                shift_id
            FROM duplicate_shifts
        )
)
SELECT
    id::BIGINT AS shift_id /* When I Work shift id */
    , user_id::TEXT AS wiw_user_id /* When I Work user id of the person scheduled */
    , start_time::TIMESTAMPTZ AS start_time /* Shift start (UTC) */
    , end_time::TIMESTAMPTZ AS end_time /* Shift end (UTC); the shift covers [start_time, end_time] */
    , @to_est(start_time)::TIMESTAMP AS start_time_est /* Shift start, Montreal local time (naive) */
    , @to_est(end_time)::TIMESTAMP AS end_time_est /* Shift end, Montreal local time (naive) */
    , break_time::DOUBLE AS break_time /* Unpaid break in hours, as delivered (0 when missing) */
    , CASE
        WHEN end_time >= start_time
        AND break_time >= 0
        AND break_time <= @seconds_between(start_time, end_time) / 3600.0
        THEN @seconds_between(start_time, end_time) / 3600.0 - break_time
    END::DOUBLE AS hours /* Paid hours: shift length minus the break; null when the end precedes the start or the break is negative or longer than the shift */
    , location_id::BIGINT AS location_id /* When I Work location id */
    , position_id::BIGINT AS position_id /* When I Work position id */
    , published::BOOLEAN AS is_published /* The shift is published to the employee */
    , @to_est(start_time)::DATE AS start_day_est /* Local day the shift starts */
    , DATE_TRUNC('WEEK', @to_est(start_time))::DATE AS start_week_est /* Local Monday week the shift starts */
    , DATE_TRUNC('MONTH', @to_est(start_time))::DATE AS start_month_est /* Local month the shift starts */
    , @to_est(end_time)::DATE AS end_day_est /* Local day the shift ends */
    , DATE_TRUNC('WEEK', @to_est(end_time))::DATE AS end_week_est /* Local Monday week the shift ends */
    , DATE_TRUNC('MONTH', @to_est(end_time))::DATE AS end_month_est /* Local month the shift ends */
FROM kept_shifts
