MODEL (
    name analytics.medops_shifts,
    kind FULL,
    cron '0 7 * * *',
    owner analytics,
    grain shift_id,
    tags (meta, medops, staffing, pii),
    audits (unique_values(columns := (
            shift_id
    )), not_null(columns := (shift_id, start_time, end_time))),
    description 'One row per published When I Work shift (wiw_shifts_detailed, every column) with the profile of the practitioner who worked it (practitioners, matched on the Scribe user id of the WIW employee code): specialization, name, gender, language, account status and account creation time (practitioner_created_at). A shift whose person is not a practitioner (no employee code, or staff outside the care team) keeps empty practitioner columns. The practitioner''s email and first and last names are not repeated (the shift already carries the WIW ones). FULL, rebuilt by the 07:00 UTC run after its inputs.'
);

WITH shifts AS (
    SELECT
        shift_id
        , wiw_user_id
        , user_id
        , start_time
        , end_time
        , start_time_est
        , end_time_est
        , start_day_est
        , start_week_est
        , start_month_est
        , end_day_est
        , end_week_est
        , end_month_est
        , hours
        , break_time
        , email
        , first_name
        , last_name
        , full_name
        , position_id
        , position_name
        , position_group
        , location_id
        , location_name
        , hourly_rate
        , cost
    FROM analytics.wiw_shifts_detailed
), practitioners AS (
    SELECT
        user_id
        , main_specialization
        , user_name
        , gender
        , "language"
        , status
        , created_at
    FROM analytics.practitioners
)
SELECT
    shifts.shift_id::BIGINT AS shift_id /* When I Work shift id */
    , shifts.wiw_user_id::TEXT AS wiw_user_id /* When I Work user id */
    , shifts.user_id::TEXT AS user_id /* Scribe user id (WIW employee code); null when the code is empty */
    , shifts.start_time::TIMESTAMPTZ AS start_time /* Shift start (UTC); the shift covers [start_time, end_time] */
    , shifts.end_time::TIMESTAMPTZ AS end_time /* Shift end (UTC) */
    , shifts.start_time_est::TIMESTAMP AS start_time_est /* Shift start, Montreal local time (naive) */
    , shifts.end_time_est::TIMESTAMP AS end_time_est /* Shift end, Montreal local time (naive) */
    , shifts.start_day_est::DATE AS start_day_est /* Local day the shift starts */
    , shifts.start_week_est::DATE AS start_week_est /* Local Monday week the shift starts */
    , shifts.start_month_est::DATE AS start_month_est /* Local month the shift starts */
    , shifts.end_day_est::DATE AS end_day_est /* Local day the shift ends */
    , shifts.end_week_est::DATE AS end_week_est /* Local Monday week the shift ends */
    , shifts.end_month_est::DATE AS end_month_est /* Local month the shift ends */
    , shifts.hours::DOUBLE AS hours /* Paid hours: shift length minus the break; null when the shift's times or break are invalid (wiw_shifts) */
    , shifts.break_time::DOUBLE AS break_time /* Unpaid break in hours */
    , shifts.email::TEXT AS email /* [PII] Email of the person */
    , shifts.first_name::TEXT AS first_name /* [PII] First name */
    , shifts.last_name::TEXT AS last_name /* [PII] Last name */
    , shifts.full_name::TEXT AS full_name /* [PII] First and last name */
    , shifts.position_id::BIGINT AS position_id /* When I Work position id */
    , shifts.position_name::TEXT AS position_name /* Position worked (Nurse, Shift Manager, GP, ...) */
    , shifts.position_group::TEXT AS position_group /* Care role of the position (data_wiw_position_groups seed) */
    , shifts.location_id::BIGINT AS location_id /* When I Work location id */
    , shifts.location_name::TEXT AS location_name /* Virtual Care Platform, Admin, Ubisoft or Tech support */
    , shifts.hourly_rate::DOUBLE AS hourly_rate /* Hourly rate applied ($): Sept-2018 snapshot rate before 2018-09-10, else current */
    , shifts.cost::DECIMAL(12, 2) AS cost /* Shift cost (CAD, rounded to the cent so sums are exact on every engine) = hourly rate x paid hours (break subtracted once) */
    , practitioners.main_specialization::TEXT AS main_specialization /* Specialization of the practitioner (Nurse Clinician, Family Physician, ...); null when not a practitioner */
    , practitioners.user_name::TEXT AS user_name /* [PII] First and last name of the practitioner (Scribe) */
    , practitioners.gender::TEXT AS gender /* Practitioner's gender: M, F or N/A */
    , practitioners."language"::TEXT AS "language" /* Practitioner's language: FR, EN or N/A */
    , practitioners.status::TEXT AS status /* Practitioner's Scribe account status */
    , practitioners.created_at::TIMESTAMPTZ AS practitioner_created_at /* When the practitioner's Scribe account was created (UTC) */
FROM shifts
LEFT JOIN practitioners
    ON shifts.user_id = practitioners.user_id
