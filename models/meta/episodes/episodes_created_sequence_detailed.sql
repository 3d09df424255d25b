MODEL (
    name analytics.episodes_created_sequence_detailed,
    kind FULL,
    cron '0 7 * * *',
    owner analytics,
    grain episode_id,
    tags (meta, episodes, care),
    audits (
        unique_values(columns := (
            episode_id
        ))
        , not_null(columns := (
            episode_id
        ))
        , forall(criteria := (
            dxa_completion_time IS NULL OR dxa_completion_time >= 0
        ))
        , forall(
            criteria := (
                dxa_completed_at IS NULL OR dxa_started_at IS NULL OR dxa_completed_at >= dxa_started_at
            ),
            blocking := FALSE
        )
    ),
    description 'How each episode started: one row per episode with a Countdown questionnaire sequence, a triage video or a triage phone call. Carries countdown_episode_started_sequence (channel selection answers, top-level greeting, DXA and channel-selection start and completion, DXA resumes), the DXA completion time in minutes, and the first triage video (videos_detailed) and first phone call (telephone_calls_detailed) by a Care Coordinator or Nurse Clinician, with their end. Differs from the original: the specialization filter misspelled Nurse Clinician, so only Care Coordinator videos and calls were found; Nurse Clinician ones now count. FULL, refreshed by the 07:00 UTC run (every consumer is rebuilt at 07:00 only): it joins three per-episode sources whose rows complete at different times (a video or call can come days after the questionnaire), and holds one small row per episode. The DXA completion time is null, never negative, when the first completion precedes the first tracked start (a DXA restarted after a completion can order its events that way); such episodes are monitored by a non-blocking audit.'
);

WITH started_sequence AS (
    SELECT
        episode_id
        , channel_selected
        , appointment_preference
        , top_level_greeting_started_at
        , top_level_greeting_completed_at
        , dxa_started_at
        , is_dxa_started
        , dxa_completed_at
        , is_dxa_completed
        , channel_select_started_at
        , channel_select_completed_at
        , dxa_resume_count
        , is_dxa_resumed
    FROM analytics.countdown_episode_started_sequence
), videos AS (
    SELECT
        episode_id
        , started_at
        , ended_at
    FROM analytics.videos_detailed
    WHERE
        main_specialization IN ('Care Coordinator', 'Nurse Clinician')
), phone_calls AS (
    SELECT
        episode_id
        , started_at
        , ended_at
    FROM analytics.telephone_calls_detailed
    WHERE
        main_specialization IN ('Care Coordinator', 'Nurse Clinician') AND NOT episode_id IS NULL
), first_videos AS (
    SELECT
        episode_id
        , started_at
        , ended_at
    FROM videos
    QUALIFY
        ROW_NUMBER() OVER (PARTITION BY episode_id ORDER BY started_at, ended_at) = 1
), first_phone_calls AS (
    SELECT
        episode_id
        , started_at
        , ended_at
    FROM phone_calls
    QUALIFY
        ROW_NUMBER() OVER (PARTITION BY episode_id ORDER BY started_at, ended_at) = 1
), episodes AS (
    SELECT
        episode_id
    FROM started_sequence
    UNION
    SELECT
        episode_id
    FROM first_videos
    UNION
    SELECT
        episode_id
    FROM first_phone_calls
)
SELECT
    episodes.episode_id::TEXT AS episode_id /* Episode (messaging channel) */
    , started_sequence.channel_selected::TEXT AS channel_selected /* First answer to the channel-selection question */
    , started_sequence.appointment_preference::TEXT AS appointment_preference /* First answer to the appointment_preference question */
    , started_sequence.top_level_greeting_started_at::TIMESTAMPTZ AS top_level_greeting_started_at /* First start of top_level_greeting (UTC) */
    , started_sequence.top_level_greeting_completed_at::TIMESTAMPTZ AS top_level_greeting_completed_at /* First completion of top_level_greeting (UTC) */
    , started_sequence.dxa_started_at::TIMESTAMPTZ AS dxa_started_at /* First DXA start (UTC) */
    , @to_est(started_sequence.dxa_started_at)::TIMESTAMP AS dxa_started_at_est /* First DXA start, Montreal local time (naive) */
    , COALESCE(started_sequence.is_dxa_started, FALSE)::BOOLEAN AS is_dxa_started /* DXA was started */
    , started_sequence.dxa_completed_at::TIMESTAMPTZ AS dxa_completed_at /* First DXA completion (UTC) */
    , @to_est(started_sequence.dxa_completed_at)::TIMESTAMP AS dxa_completed_at_est /* First DXA completion, Montreal local time (naive) */
    , COALESCE(started_sequence.is_dxa_completed, FALSE)::BOOLEAN AS is_dxa_completed /* A DXA was completed */
    , CASE
        WHEN started_sequence.dxa_completed_at >= started_sequence.dxa_started_at
        THEN @minutes_between(started_sequence.dxa_started_at, started_sequence.dxa_completed_at)
    END::DOUBLE AS dxa_completion_time /* Minutes from the first DXA start to the first DXA completion; null when the first completion precedes the first tracked start */
    , started_sequence.channel_select_started_at::TIMESTAMPTZ AS channel_select_started_at /* First channel-selection start (UTC) */
    , @to_est(started_sequence.channel_select_started_at)::TIMESTAMP AS channel_select_started_at_est /* First channel-selection start, Montreal local time (naive) */
    , started_sequence.channel_select_completed_at::TIMESTAMPTZ AS channel_select_completed_at /* First channel-selection completion (UTC) */
    , @to_est(started_sequence.channel_select_completed_at)::TIMESTAMP AS channel_select_completed_at_est /* First channel-selection completion, Montreal local time (naive) */
    , COALESCE(started_sequence.dxa_resume_count, 0)::BIGINT AS dxa_resume_count /* DXA resumes plus DXA instances beyond the first */
    , COALESCE(started_sequence.is_dxa_resumed, FALSE)::BOOLEAN AS is_dxa_resumed /* DXA was resumed or restarted */
    , first_videos.started_at::TIMESTAMPTZ AS first_video_cc_nc_started_at /* First completed video by a Care Coordinator or Nurse Clinician (UTC) */
    , @to_est(first_videos.started_at)::TIMESTAMP AS first_video_cc_nc_started_at_est /* Same, Montreal local time (naive) */
    , first_videos.ended_at::TIMESTAMPTZ AS first_video_cc_nc_ended_at /* End of that video (UTC) */
    , @to_est(first_videos.ended_at)::TIMESTAMP AS first_video_cc_nc_ended_at_est /* Same, Montreal local time (naive) */
    , first_phone_calls.started_at::TIMESTAMPTZ AS first_phone_call_cc_nc_started_at /* First phone call by a Care Coordinator or Nurse Clinician (UTC) */
    , @to_est(first_phone_calls.started_at)::TIMESTAMP AS first_phone_call_cc_nc_started_at_est /* Same, Montreal local time (naive) */
    , first_phone_calls.ended_at::TIMESTAMPTZ AS first_phone_call_cc_nc_ended_at /* End of that call (UTC); null while unknown */
    , @to_est(first_phone_calls.ended_at)::TIMESTAMP AS first_phone_call_cc_nc_ended_at_est /* Same, Montreal local time (naive) */
FROM episodes
LEFT JOIN started_sequence
    ON episodes.episode_id = started_sequence.episode_id
LEFT JOIN first_videos
    ON episodes.episode_id = first_videos.episode_id
LEFT JOIN first_phone_calls
    ON episodes.episode_id = first_phone_calls.episode_id
