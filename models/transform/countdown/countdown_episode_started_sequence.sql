MODEL (
    name analytics.countdown_episode_started_sequence,
    kind INCREMENTAL_BY_UNIQUE_KEY (
        unique_key episode_id,
        lookback 72
    ),
    cron '0 6 * * *',
    interval_unit 'hour',
    owner analytics,
    grain episode_id,
    tags (transform, countdown, care),
    audits (
        unique_values(columns := (
            episode_id
        ))
        , not_null(columns := (episode_id, is_dxa_started, is_dxa_completed, dxa_resume_count, is_dxa_resumed))
    ),
    description 'How Countdown opened each episode: one row per episode with a questionnaire event. The first channel-selection answers (channel_selected, appointment_preference), the first start and first completion of the top_level_greeting, dxa and channel_selection questionnaires (UTC and Montreal local time), and dxa_resume_count = the smallest resume count over the episode''s DXA instances plus the number of distinct DXA instances minus one (the original''s rule; 0 without a DXA). Incremental by unique key: each run recomputes only the episodes with a questionnaire start, finish, resume or reply in the interval (72-hour lookback for late Segment events), over their whole history, and merges them on episode_id.'
);

WITH instances AS (
    SELECT
        qnaire_tid
        , qnaire
        , episode_id
        , started_at
        , completed_at
        , resume_count
    FROM analytics.countdown_qnaire_completion_stats
    WHERE
        NOT episode_id IS NULL
), replies AS (
    SELECT
        episode_id
        , "timestamp"
        , question_tid
        , CASE
            WHEN question_id IN ('select_channel', 'select_channel_audio_video')
            THEN 'channel_selected'
            ELSE question_id
        END AS answer_type
        , COALESCE(reply_label_first, reply_value) AS answer
    FROM analytics.countdown_question_replied
    WHERE
        question_id IN ('select_channel', 'select_channel_audio_video', 'appointment_preference')
        AND NOT episode_id IS NULL
), started AS (
    SELECT
        episode_id
        , "timestamp"
    FROM analytics.countdown_qnaire_started
), completed AS (
    SELECT
        episode_id
        , "timestamp"
    FROM analytics.countdown_qnaire_completed
), resumed AS (
    SELECT
        episode_id
        , "timestamp"
    FROM analytics.countdown_qnaire_resumed
), touched_episodes AS (
    SELECT
        episode_id
    FROM started
    WHERE
        "timestamp" BETWEEN @start_ts AND @end_ts
    UNION
    SELECT
        episode_id
    FROM completed
    WHERE
        "timestamp" BETWEEN @start_ts AND @end_ts
    UNION
    SELECT
        episode_id
    FROM resumed
    WHERE
        "timestamp" BETWEEN @start_ts AND @end_ts
    UNION
    SELECT
        episode_id
    FROM replies
    WHERE
        "timestamp" BETWEEN @start_ts AND @end_ts
), questionnaires AS (
    SELECT
        instances.episode_id
        , MIN(CASE WHEN instances.qnaire = 'top_level_greeting' THEN instances.started_at END) AS top_level_greeting_started_at
        , MIN(CASE WHEN instances.qnaire = 'top_level_greeting' THEN instances.completed_at END) AS top_level_greeting_completed_at
        , MIN(CASE WHEN instances.qnaire = 'dxa' THEN instances.started_at END) AS dxa_started_at
        , MIN(CASE WHEN instances.qnaire = 'dxa' THEN instances.completed_at END) AS dxa_completed_at
        , MIN(CASE WHEN instances.qnaire = 'dxa' THEN instances.resume_count END) AS dxa_resumes
        , COUNT(DISTINCT CASE WHEN instances.qnaire = 'dxa' THEN instances.qnaire_tid END) AS dxa_instances
        , MIN(
            CASE
                WHEN instances.qnaire IN ('channel_selection', 'channel_selection_audio_video')
                THEN instances.started_at
            END
        ) AS channel_select_started_at
        , MIN(
            CASE
                WHEN instances.qnaire IN ('channel_selection', 'channel_selection_audio_video')
                THEN instances.completed_at
            END
        ) AS channel_select_completed_at
    FROM instances
    INNER JOIN touched_episodes
        ON instances.episode_id = touched_episodes.episode_id
    GROUP BY
        instances.episode_id
), first_answers AS (
    SELECT
        replies.episode_id
        , replies.answer_type
        , replies.answer
    FROM replies
    INNER JOIN touched_episodes
        ON replies.episode_id = touched_episodes.episode_id
    WHERE
        NOT replies.answer IS NULL
    QUALIFY
        ROW_NUMBER() OVER (
            PARTITION BY replies.episode_id, replies.answer_type
            ORDER BY replies."timestamp", replies.question_tid
        ) = 1
), answers AS (
    SELECT
        episode_id
        , MAX(CASE WHEN answer_type = 'channel_selected' THEN answer END) AS channel_selected
        , MAX(CASE WHEN answer_type = 'appointment_preference' THEN answer END) AS appointment_preference
    FROM first_answers
    GROUP BY
        episode_id
), sequence AS (
    SELECT
        touched_episodes.episode_id
        , answers.channel_selected
        , answers.appointment_preference
        , questionnaires.top_level_greeting_started_at
        , questionnaires.top_level_greeting_completed_at
        , questionnaires.dxa_started_at
        , questionnaires.dxa_completed_at
        , questionnaires.channel_select_started_at
        , questionnaires.channel_select_completed_at
        , COALESCE(questionnaires.dxa_resumes, 0) + GREATEST(COALESCE(questionnaires.dxa_instances, 0) - 1, 0) AS dxa_resume_count
    FROM touched_episodes
    LEFT JOIN questionnaires
        ON touched_episodes.episode_id = questionnaires.episode_id
    LEFT JOIN answers
        ON touched_episodes.episode_id = answers.episode_id
    WHERE
        NOT touched_episodes.episode_id IS NULL
)
SELECT
    episode_id::TEXT AS episode_id /* Episode (messaging channel) */
    , channel_selected::TEXT AS channel_selected /* First answer (label) to the channel-selection question (select_channel or select_channel_audio_video) */
    , appointment_preference::TEXT AS appointment_preference /* First answer (label) to the appointment_preference question */
    , top_level_greeting_started_at::TIMESTAMPTZ AS top_level_greeting_started_at /* First start of the top_level_greeting questionnaire (UTC) */
    , @to_est(top_level_greeting_started_at) AS top_level_greeting_started_at_est /* Same, Montreal local time (naive) */
    , top_level_greeting_completed_at::TIMESTAMPTZ AS top_level_greeting_completed_at /* First completion of the top_level_greeting questionnaire (UTC) */
    , @to_est(top_level_greeting_completed_at) AS top_level_greeting_completed_at_est /* Same, Montreal local time (naive) */
    , dxa_started_at::TIMESTAMPTZ AS dxa_started_at /* First start of the DXA diagnostic questionnaire (UTC) */
    , @to_est(dxa_started_at) AS dxa_started_at_est /* Same, Montreal local time (naive) */
    , (
        NOT dxa_started_at IS NULL
    )::BOOLEAN AS is_dxa_started /* DXA was started in the episode */
    , dxa_completed_at::TIMESTAMPTZ AS dxa_completed_at /* First completion of a DXA questionnaire (UTC) */
    , @to_est(dxa_completed_at) AS dxa_completed_at_est /* Same, Montreal local time (naive) */
    , (
        NOT dxa_completed_at IS NULL
    )::BOOLEAN AS is_dxa_completed /* A DXA questionnaire was completed in the episode */
    , channel_select_started_at::TIMESTAMPTZ AS channel_select_started_at /* First start of a channel_selection questionnaire (UTC) */
    , @to_est(channel_select_started_at) AS channel_select_started_at_est /* Same, Montreal local time (naive) */
    , channel_select_completed_at::TIMESTAMPTZ AS channel_select_completed_at /* First completion of a channel_selection questionnaire (UTC) */
    , @to_est(channel_select_completed_at) AS channel_select_completed_at_est /* Same, Montreal local time (naive) */
    , dxa_resume_count::BIGINT AS dxa_resume_count /* Smallest resume count over the DXA instances plus distinct DXA instances minus one (0 without DXA) */
    , (
        dxa_resume_count > 0
    )::BOOLEAN AS is_dxa_resumed /* DXA was resumed or restarted at least once */
FROM sequence
