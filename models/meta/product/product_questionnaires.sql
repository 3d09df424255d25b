MODEL (
    name analytics.product_questionnaires,
    kind FULL,
    cron '0 7 * * *',
    owner analytics,
    grain qnaire_tid,
    tags (meta, product, countdown),
    audits (
        unique_values(columns := (
            qnaire_tid
        ))
        , not_null(columns := (qnaire_tid, qnaire, is_completed, resume_count))
    ),
    description 'One row per Countdown questionnaire instance (countdown_qnaire_completion_stats): when it started and was completed, how long completion took, whether it was completed and resumed, with the issue type and outcome of its episode (episodes; null when the episode is unknown). The original''s questionnaire_completed, questionnaire_completion_time and questionnaire_resumed are is_completed, completion_time (seconds) and resume_count here. FULL, rebuilt by the daily 07:00 UTC run.'
);

WITH questionnaires AS (
    SELECT
        qnaire_tid
        , qnaire
        , episode_id
        , user_id
        , started_at
        , started_at_est
        , completed_at
        , completed_at_est
        , completion_time
        , is_completed
        , resume_count
        , first_resumed_at
        , first_resumed_at_est
        , last_resumed_at
        , last_resumed_at_est
    FROM analytics.countdown_qnaire_completion_stats
), episodes AS (
    SELECT
        episode_id
        , issue_type
        , outcome
    FROM analytics.episodes
)
SELECT
    questionnaires.qnaire_tid::TEXT AS qnaire_tid /* Questionnaire instance id */
    , questionnaires.qnaire::TEXT AS qnaire /* Questionnaire name (top_level_greeting, dxa, channel_selection, ...) */
    , questionnaires.episode_id::TEXT AS episode_id /* Episode (messaging channel) the questionnaire ran in */
    , questionnaires.user_id::TEXT AS user_id /* Scribe user id of the patient */
    , questionnaires.started_at::TIMESTAMPTZ AS started_at /* Start of the instance (UTC); null when only later events were tracked */
    , questionnaires.started_at_est::TIMESTAMP AS started_at_est /* Start of the instance, Montreal local time (naive) */
    , questionnaires.completed_at::TIMESTAMPTZ AS completed_at /* First completion of the instance (UTC); null while not completed */
    , questionnaires.completed_at_est::TIMESTAMP AS completed_at_est /* First completion, Montreal local time (naive) */
    , questionnaires.completion_time::DOUBLE AS completion_time /* Seconds from start to completion (null unless both are known and in order) */
    , questionnaires.is_completed::BOOLEAN AS is_completed /* The instance was completed */
    , questionnaires.resume_count::BIGINT AS resume_count /* Times the patient resumed the instance after pausing it */
    , questionnaires.first_resumed_at::TIMESTAMPTZ AS first_resumed_at /* First resume (UTC) */
    , questionnaires.first_resumed_at_est::TIMESTAMP AS first_resumed_at_est /* First resume, Montreal local time (naive) */
    , questionnaires.last_resumed_at::TIMESTAMPTZ AS last_resumed_at /* Last resume (UTC) */
    , questionnaires.last_resumed_at_est::TIMESTAMP AS last_resumed_at_est /* Last resume, Montreal local time (naive) */
    , episodes.issue_type::TEXT AS issue_type /* Latest issue type of the episode */
    , episodes.outcome::TEXT AS outcome /* Outcome of the episode (latest valid, else latest of any kind) */
FROM questionnaires
LEFT JOIN episodes
    ON questionnaires.episode_id = episodes.episode_id
