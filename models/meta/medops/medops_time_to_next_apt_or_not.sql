MODEL (
    name analytics.medops_time_to_next_apt_or_not,
    kind FULL,
    cron '0 7 * * *',
    owner analytics,
    grain episode_id,
    tags (meta, medops, care),
    audits (
        unique_combination_of_columns(columns := (episode_id, triggered_at))
        , unique_values(columns := (
            episode_id
        ))
        , not_null(columns := (episode_id, triggered_at, triggered_at_day))
        , accepted_values("column" := main_specialization, is_in := ('Family Physician', 'Nurse Practitioner'))
    ),
    description 'One row per episode where a GP/NP appointment booking started (careplatform_appointment_booking_started: the Appointment Virtual template), for the episode''s first booking (earliest time; the booking model has no rank, so it is computed here, ties broken by practitioner id), with the first video of the same episode that started strictly after it with a Family Physician or a Nurse Practitioner (videos_started; ties broken by event id). An episode whose booking was not followed by such a video is kept with empty video columns ("or not"): the share of bookings honoured, and how fast. time_to_next_apt_hr is the delay in hours between the instants; the month, week (Monday) and day truncations are UTC. FULL, rebuilt by the 07:00 UTC run after its inputs.'
);

WITH bookings AS (
    SELECT
        episode_id
        , user_id
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
), first_bookings AS (
    SELECT
        episode_id
        , triggered_at
    FROM bookings
    QUALIFY
        ROW_NUMBER() OVER (PARTITION BY episode_id ORDER BY triggered_at, user_id) = 1
), next_videos AS (
    SELECT
        first_bookings.episode_id
        , videos.video_started
        , videos.main_specialization
    FROM first_bookings
    INNER JOIN videos
        ON first_bookings.episode_id = videos.episode_id AND videos.video_started > first_bookings.triggered_at
    QUALIFY
        ROW_NUMBER() OVER (PARTITION BY first_bookings.episode_id ORDER BY videos.video_started, videos.event_id) = 1
)
SELECT
    first_bookings.episode_id::TEXT AS episode_id /* Episode where the booking started */
    , first_bookings.triggered_at::TIMESTAMPTZ AS triggered_at /* First time the Appointment Virtual template was sent in the episode (UTC) */
    , DATE_TRUNC('MONTH', @to_utc(first_bookings.triggered_at))::DATE AS triggered_at_month /* UTC month of the booking */
    , DATE_TRUNC('WEEK', @to_utc(first_bookings.triggered_at))::DATE AS triggered_at_week /* Monday of the UTC week of the booking */
    , @to_utc(first_bookings.triggered_at)::DATE AS triggered_at_day /* UTC day of the booking */
    , next_videos.video_started::TIMESTAMPTZ AS video_started /* Start of the first GP/NP video of the episode after the booking (UTC); null when none */
    , DATE_TRUNC('MONTH', @to_utc(next_videos.video_started))::DATE AS video_started_month /* UTC month of the video; null when none */
    , DATE_TRUNC('WEEK', @to_utc(next_videos.video_started))::DATE AS video_started_week /* Monday of the UTC week of the video; null when none */
    , @to_utc(next_videos.video_started)::DATE AS video_started_day /* UTC day of the video; null when none */
    , (
        @seconds_between(first_bookings.triggered_at, next_videos.video_started) / 3600
    )::DOUBLE AS time_to_next_apt_hr /* Hours from the booking to the video; null when none */
    , next_videos.main_specialization::TEXT AS main_specialization /* Family Physician or Nurse Practitioner (the video's practitioner); null when none */
FROM first_bookings
LEFT JOIN next_videos
    ON first_bookings.episode_id = next_videos.episode_id
