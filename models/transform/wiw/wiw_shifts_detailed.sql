MODEL (
    name analytics.wiw_shifts_detailed,
    kind FULL,
    cron '0 7 * * *',
    owner analytics,
    grain shift_id,
    tags (transform, wiw, staffing, pii),
    audits (
        unique_values(columns := (
            shift_id
        ))
        , not_null(columns := (shift_id, start_time, end_time))
        , accepted_values("column" := location_name, is_in := ('Virtual Care Platform', 'Admin', 'Ubisoft', 'Tech support'))
        , assert_wiw_no_overlapping_shifts
        , assert_wiw_shifts_have_employee_codes
        , assert_wiw_shifts_have_position_names
    ),
    description 'One row per published When I Work shift, enriched with the person (WIW user and Scribe user id from the employee code), position, position group, location and cost. The hourly rate is the September-2018 snapshot rate for shifts starting before 2018-09-10 when the person is in the snapshot, else the current WIW rate. FULL, refreshed by the 07:00 UTC run (every consumer is rebuilt at 07:00 only): shifts are edited in place in WIW and the table is small. Differs from the original: cost = hourly rate x hours, where hours is already net of the break; the original subtracted the break a second time.'
);

WITH shifts AS (
    SELECT
        shift_id
        , wiw_user_id
        , start_time
        , end_time
        , start_time_est
        , end_time_est
        , break_time
        , hours
        , location_id
        , position_id
        , start_day_est
        , start_week_est
        , start_month_est
        , end_day_est
        , end_week_est
        , end_month_est
    FROM analytics.wiw_shifts
    WHERE
        is_published
), users AS (
    SELECT
        wiw_user_id
        , user_id
        , first_name
        , last_name
        , full_name
        , email
        , hourly_rate
    FROM analytics.wiw_users
), users_snapshot AS (
    SELECT
        wiw_user_id
        , hourly_rate
    FROM analytics.wiw_users_snapshot_2018_09
), positions AS (
    SELECT
        position_id
        , position_name
    FROM analytics.wiw_positions
), position_groups AS (
    SELECT
        position_name
        , position_group
    FROM analytics.wiw_position_groups
), locations AS (
    SELECT
        location_id
        , location_name
    FROM analytics.wiw_locations
), shifts_enriched AS (
    SELECT
        shifts.shift_id
        , shifts.wiw_user_id
        , users.user_id
        , shifts.start_time
        , shifts.end_time
        , shifts.start_time_est
        , shifts.end_time_est
        , shifts.break_time
        , shifts.hours
        , shifts.location_id
        , shifts.position_id
        , shifts.start_day_est
        , shifts.start_week_est
        , shifts.start_month_est
        , shifts.end_day_est
        , shifts.end_week_est
        , shifts.end_month_est
        , users.first_name
        , users.last_name
        , users.full_name
        , users.email
        , positions.position_name
        , position_groups.position_group
        , locations.location_name
        , CASE
            WHEN shifts.start_time < '2018-09-10 00:00:00+00'::TIMESTAMPTZ
            THEN COALESCE(users_snapshot.hourly_rate, users.hourly_rate)
            ELSE users.hourly_rate
        END AS hourly_rate
    FROM shifts
    LEFT JOIN users
        ON shifts.wiw_user_id = users.wiw_user_id
    LEFT JOIN users_snapshot
        ON shifts.wiw_user_id = users_snapshot.wiw_user_id
    LEFT JOIN positions
        ON shifts.position_id = positions.position_id
    LEFT JOIN position_groups
        ON positions.position_name = position_groups.position_name
    LEFT JOIN locations
        ON shifts.location_id = locations.location_id
)
SELECT
    shift_id::BIGINT AS shift_id /* When I Work shift id */
    , wiw_user_id::TEXT AS wiw_user_id /* When I Work user id */
    , user_id::TEXT AS user_id /* Scribe user id (WIW employee code); null when the code is empty */
    , start_time::TIMESTAMPTZ AS start_time /* Shift start (UTC); the shift covers [start_time, end_time] */
    , end_time::TIMESTAMPTZ AS end_time /* Shift end (UTC) */
    , start_time_est::TIMESTAMP AS start_time_est /* Shift start, Montreal local time (naive) */
    , end_time_est::TIMESTAMP AS end_time_est /* Shift end, Montreal local time (naive) */
    , start_day_est::DATE AS start_day_est /* Local day the shift starts */
    , start_week_est::DATE AS start_week_est /* Local Monday week the shift starts */
    , start_month_est::DATE AS start_month_est /* Local month the shift starts */
    , end_day_est::DATE AS end_day_est /* Local day the shift ends */
    , end_week_est::DATE AS end_week_est /* Local Monday week the shift ends */
    , end_month_est::DATE AS end_month_est /* Local month the shift ends */
    , hours::DOUBLE AS hours /* Paid hours: shift length minus the break; null when the shift's times or break are invalid (wiw_shifts) */
    , break_time::DOUBLE AS break_time /* Unpaid break in hours */
    , email::TEXT AS email /* [PII] Email of the person */
    , first_name::TEXT AS first_name /* [PII] First name */
    , last_name::TEXT AS last_name /* [PII] Last name */
    , full_name::TEXT AS full_name /* [PII] First and last name */
    , position_id::BIGINT AS position_id /* When I Work position id */
    , position_name::TEXT AS position_name /* Position worked (Nurse, Shift Manager, GP, ...) */
    , position_group::TEXT AS position_group /* Care role of the position (data_wiw_position_groups seed) */
    , location_id::BIGINT AS location_id /* When I Work location id */
    , location_name::TEXT AS location_name /* Virtual Care Platform, Admin, Ubisoft or Tech support */
    , hourly_rate::DOUBLE AS hourly_rate /* Hourly rate applied ($): Sept-2018 snapshot rate before 2018-09-10, else current */
    , ROUND(hourly_rate::DECIMAL(10, 2) * hours::DECIMAL(12, 6), 2)::DECIMAL(12, 2) AS cost /* Shift cost (CAD, rounded to the cent so sums are exact on every engine) = hourly rate x paid hours (break subtracted once) */
FROM shifts_enriched
