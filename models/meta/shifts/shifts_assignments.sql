MODEL (
    name analytics.shifts_assignments,
    kind INCREMENTAL_BY_TIME_RANGE (
        time_column date_day_est,
        lookback 2
    ),
    cron '0 7 * * *',
    owner analytics,
    grain shift_id,
    tags (meta, shifts, staffing),
    audits (
        unique_values(columns := (
            shift_id
        ))
        , not_null(
            columns := (
                shift_id
                , date_day_est
                , frt_count
                , assigned_time_count
                , rt_count
                , videos_count
                , phone_calls_count
                , new_episode_count
                , count_promoters
                , count_detractors
                , count_scores
                , filtered_assigned_time_count
            )
        )
    ),
    description 'Productivity of each past Virtual Care Platform shift: one row per When I Work shift (wiw_shifts_detailed, location Virtual Care Platform) that ended before the local day of the run, with 16 measures summed over the episode assignments (assigned_time_detailed) of the shift''s employee (the assignee) made inside the shift (local assignment time within the closed interval [shift start, shift end]). Per assignment: the first response time and the assigned time (sum and count of the non-null values), the response times (rt_sum, rt_count), the videos (videos_detailed) of the assignee in the episode started inside the assignment span [span_start, span_end) (count and sum of their length in minutes), the phone calls (telephone_calls) likewise (count and sum of their duration in minutes), the episode''s NPS (promoters, detractors, scored responses: the episode''s latest score in episodes), and whether the episode is new that day (its first patient message falls on the assignment''s local day; new_episode_count counts those episodes once per shift). The filtered assigned time sums and counts the assigned time of the assignments with more than 3 posts, a video or a call. Videos and calls are aggregated per assignment before the sums, so an assignment with several videos or calls counts its response and assigned times once (the original joined them row by row and multiplied those sums). Counts are 0 and sums null for a shift without any matching assignment. The shift''s local start day is date_day_est (the original''s date_day). Daily intervals on that day computed by the 07:00 UTC run with a 2-day lookback, so a night shift that ends after the run is picked up by the next run.'
);

WITH shifts AS (
    SELECT
        shift_id
        , user_id
        , start_time_est
        , end_time_est
        , start_day_est
    FROM analytics.wiw_shifts_detailed
    WHERE
        location_name = 'Virtual Care Platform'
        AND start_day_est BETWEEN @start_ds AND @end_ds
        AND end_day_est < @to_est(@execution_tstz::TIMESTAMPTZ)::DATE
), assignments AS (
    SELECT
        assignment_id
        , episode_id
        , assigned_user_id
        , assigned_at_est
        , date_day_est
        , span_start
        , span_end
        , first_response_time_min
        , assigned_time_min
        , rt_sum
        , rt_count
        , count_posts
    FROM analytics.assigned_time_detailed
    WHERE
        date_day_est BETWEEN @start_ds AND @end_ds::DATE + 2
), videos AS (
    SELECT
        episode_id
        , careplatform_user_id AS user_id
        , started_at
        , video_length
    FROM analytics.videos_detailed
    WHERE
        started_at_est::DATE BETWEEN @start_ds AND @end_ds::DATE + 2
), calls AS (
    SELECT
        episode_id
        , user_id
        , started_at
        , call_duration
    FROM analytics.telephone_calls
    WHERE
        date_day_est BETWEEN @start_ds AND @end_ds::DATE + 2
), episodes AS (
    SELECT
        episode_id
        , first_message_patient
        , score
        , category
    FROM analytics.episodes
), assignment_videos AS (
    SELECT
        assignments.assignment_id
        , COUNT(*) AS videos_count
        , SUM(videos.video_length) AS video_length_sum
    FROM assignments
    INNER JOIN videos
        ON assignments.episode_id = videos.episode_id
        AND assignments.assigned_user_id = videos.user_id
        AND videos.started_at >= assignments.span_start
        AND videos.started_at < assignments.span_end
    GROUP BY
        assignments.assignment_id
), assignment_calls AS (
    SELECT
        assignments.assignment_id
        , COUNT(*) AS phone_calls_count
        , SUM(calls.call_duration) AS phone_calls_length_sum
    FROM assignments
    INNER JOIN calls
        ON assignments.episode_id = calls.episode_id
        AND assignments.assigned_user_id = calls.user_id
        AND calls.started_at >= assignments.span_start
        AND calls.started_at < assignments.span_end
    GROUP BY
        assignments.assignment_id
), assignment_measures AS (
    SELECT
        assignments.assignment_id
        , assignments.episode_id
        , assignments.assigned_user_id
        , assignments.assigned_at_est
        , assignments.first_response_time_min
        , assignments.assigned_time_min
        , assignments.rt_sum
        , assignments.rt_count
        , COALESCE(assignment_videos.videos_count, 0) AS videos_count
        , assignment_videos.video_length_sum
        , COALESCE(assignment_calls.phone_calls_count, 0) AS phone_calls_count
        , assignment_calls.phone_calls_length_sum
        , episodes.first_message_patient::DATE = assignments.date_day_est AS is_new_episode
        , episodes.category = 'promoter' AS is_promoter
        , episodes.category = 'detractor' AS is_detractor
        , NOT episodes.score IS NULL AS is_scored
        , assignments.count_posts > 3
        OR NOT assignment_videos.assignment_id IS NULL
        OR NOT assignment_calls.assignment_id IS NULL AS is_filtered
    FROM assignments
    LEFT JOIN assignment_videos
        ON assignments.assignment_id = assignment_videos.assignment_id
    LEFT JOIN assignment_calls
        ON assignments.assignment_id = assignment_calls.assignment_id
    LEFT JOIN episodes
        ON assignments.episode_id = episodes.episode_id
)
SELECT
    shifts.start_day_est::DATE AS date_day_est /* Local (Montreal) day the shift starts */
    , shifts.shift_id::BIGINT AS shift_id /* When I Work shift id */
    , SUM(measures.first_response_time_min)::DOUBLE AS frt_sum /* Sum of the first response times of the shift's assignments, minutes */
    , COUNT(measures.first_response_time_min)::BIGINT AS frt_count /* Assignments with a first response time */
    , SUM(measures.assigned_time_min)::DOUBLE AS assigned_time_sum /* Sum of the assigned times, minutes */
    , COUNT(measures.assigned_time_min)::BIGINT AS assigned_time_count /* Assignments with an assigned time */
    , SUM(measures.rt_sum)::DOUBLE AS rt_sum /* Sum of the response times inside the assignments, minutes */
    , COALESCE(SUM(measures.rt_count), 0)::BIGINT AS rt_count /* Responses inside the assignments */
    , COALESCE(SUM(measures.videos_count), 0)::BIGINT AS videos_count /* Videos of the employee in the assigned episodes during the assignments */
    , SUM(measures.video_length_sum)::DOUBLE AS video_length_sum /* Total length of those videos, minutes */
    , COALESCE(SUM(measures.phone_calls_count), 0)::BIGINT AS phone_calls_count /* Phone calls of the employee in the assigned episodes during the assignments */
    , SUM(measures.phone_calls_length_sum)::DOUBLE AS phone_calls_length_sum /* Total duration of those calls, minutes */
    , COUNT(DISTINCT CASE WHEN measures.is_new_episode THEN measures.episode_id END)::BIGINT AS new_episode_count /* Assigned episodes whose first patient message was on the assignment's local day */
    , COUNT(CASE WHEN measures.is_promoter THEN 1 END)::BIGINT AS count_promoters /* Assignments whose episode was rated a promoter (NPS 9-10) */
    , COUNT(CASE WHEN measures.is_detractor THEN 1 END)::BIGINT AS count_detractors /* Assignments whose episode was rated a detractor (NPS 0-6) */
    , COUNT(CASE WHEN measures.is_scored THEN 1 END)::BIGINT AS count_scores /* Assignments whose episode has an NPS score */
    , SUM(CASE WHEN measures.is_filtered THEN measures.assigned_time_min END)::DOUBLE AS filtered_assigned_time_sum /* Assigned time of the assignments with more than 3 posts, a video or a call, minutes */
    , COUNT(CASE WHEN measures.is_filtered THEN measures.assigned_time_min END)::BIGINT AS filtered_assigned_time_count /* Number of those assignments with an assigned time */
FROM shifts
LEFT JOIN assignment_measures AS measures
    ON shifts.user_id = measures.assigned_user_id
    AND measures.assigned_at_est >= shifts.start_time_est
    AND measures.assigned_at_est <= shifts.end_time_est
GROUP BY
    shifts.start_day_est
    , shifts.shift_id
