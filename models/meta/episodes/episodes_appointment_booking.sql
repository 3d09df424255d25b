MODEL (
    name analytics.episodes_appointment_booking,
    kind INCREMENTAL_BY_UNIQUE_KEY (
        unique_key episode_id
    ),
    cron '0 6 * * *',
    interval_unit 'hour',
    owner analytics,
    grain episode_id,
    tags (meta, episodes, care),
    audits (
        unique_values(columns := (
            episode_id
        ))
        , not_null(columns := (episode_id, appointment_booking_first_started_at, includes_appointment_booking))
    ),
    description 'Appointment booking of each episode where one started: first local time the Appointment Virtual template was sent. Incremental by unique key: each run recomputes only the episodes that got the template in the run''s interval or the 72 hours before it and merges them on episode_id.'
);

WITH bookings AS (
    SELECT
        episode_id
        , "timestamp"
        , timestamp_est
    FROM analytics.careplatform_appointment_booking_started
), touched_episodes AS (
    SELECT DISTINCT
        episode_id
    FROM bookings
    WHERE
        "timestamp" BETWEEN @start_ts::TIMESTAMPTZ - INTERVAL '72' HOUR AND @end_ts
), episodes AS (
    SELECT
        bookings.episode_id
        , MIN(bookings.timestamp_est) AS appointment_booking_first_started_at
    FROM bookings
    INNER JOIN touched_episodes
        ON bookings.episode_id = touched_episodes.episode_id
    GROUP BY
        bookings.episode_id
)
SELECT
    episode_id::TEXT AS episode_id /* Episode (messaging channel) */
    , appointment_booking_first_started_at::TIMESTAMP AS appointment_booking_first_started_at /* First time the Appointment Virtual template was sent (local) */
    , TRUE AS includes_appointment_booking /* Always true here; false in episodes when no booking */
FROM episodes
