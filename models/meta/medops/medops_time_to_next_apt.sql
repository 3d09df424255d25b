MODEL (
    name analytics.medops_time_to_next_apt,
    kind FULL,
    cron '0 7 * * *',
    owner analytics,
    grain (episode_id, triggered_at),
    tags (meta, medops, care),
    audits (
        unique_combination_of_columns(columns := (episode_id, triggered_at))
        , not_null(columns := (episode_id, triggered_at, video_started, time_to_next_apt_hr, main_specialization))
        , accepted_values("column" := main_specialization, is_in := ('Family Physician', 'Nurse Practitioner'))
    ),
    description 'One row per GP/NP appointment booking (careplatform_appointment_booking_started: every time the Appointment Virtual template was sent) that was followed by a video: the first video of the same episode that started strictly after the booking with a Family Physician or a Nurse Practitioner (videos_started; ties broken by event id). Bookings without such a video are left out (medops_time_to_next_apt_or_not keeps each episode''s first booking either way). Two bookings of an episode before one video both lead to it. time_to_next_apt_hr is the delay in hours between the instants; the month, week (Monday) and day truncations are UTC. FULL, rebuilt by the 07:00 UTC run after its inputs.'
);

WITH bookings AS (
    SELECT
        episode_id
        , "timestamp" AS triggered_at
    FROM analytics.careplatform_appointment_booking_started
), videos AS (
    SELECT
        event_id
        , episode_id
        , "timestamp" AS video_started
        , main_specialization
    FROM analytics.videos_started
    WHERE
        main_specialization IN ('Family Physician', 'Nurse Practitioner') AND NOT episode_id IS NULL
), next_videos AS (
    SELECT
        bookings.episode_id
        , bookings.triggered_at
        , videos.video_started
        , videos.main_specialization
    FROM bookings
    INNER JOIN videos
        ON bookings.episode_id = videos.episode_id AND videos.video_started > bookings.triggered_at
    QUALIFY
        ROW_NUMBER() OVER (
            PARTITION BY bookings.episode_id, bookings.triggered_at
            ORDER BY videos.video_started, videos.event_id
        ) = 1
)
SELECT
    episode_id::TEXT AS episode_id /* Episode where the booking started */
    , DATE_TRUNC('MONTH', @to_utc(triggered_at))::DATE AS triggered_at_month /* UTC month of the booking */
    , DATE_TRUNC('WEEK', @to_utc(triggered_at))::DATE AS triggered_at_week /* Monday of the UTC week of the booking */
    , @to_utc(triggered_at)::DATE AS triggered_at_day /* UTC day of the booking */
    , triggered_at::TIMESTAMPTZ AS triggered_at /* Time the Appointment Virtual template was sent (UTC) */
    , DATE_TRUNC('MONTH', @to_utc(video_started))::DATE AS video_started_month /* UTC month of the video */
    , DATE_TRUNC('WEEK', @to_utc(video_started))::DATE AS video_started_week /* Monday of the UTC week of the video */
    , @to_utc(video_started)::DATE AS video_started_day /* UTC day of the video */
    , video_started::TIMESTAMPTZ AS video_started /* Start of the first GP/NP video of the episode after the booking (UTC) */
    , (
        @seconds_between(triggered_at, video_started) / 3600
    )::DOUBLE AS time_to_next_apt_hr /* Hours from the booking to the video */
    , main_specialization::TEXT AS main_specialization /* Family Physician or Nurse Practitioner (the video's practitioner) */
FROM next_videos
