MODEL (
    name analytics.dxa_invocations,
    kind FULL,
    cron '0 7 * * *',
    owner analytics,
    grain qnaire_tid,
    tags (meta, dxa, care),
    audits (
        unique_values(columns := (
            qnaire_tid
        ))
        , not_null(
            columns := (
                qnaire_tid
                , episode_id
                , respondent_type
                , questionnaire_completed
                , questionnaire_completed_on_first_try
                , resume_count
                , questions_asked_count
                , drop_off_free_text
                , completion_type
            )
        )
        , accepted_values("column" := respondent_type, is_in := ('first_dxa', 'repeat'))
        , accepted_values("column" := completion_type, is_in := ('completed on first try', 'completed', 'interrupted', 'error'))
        , forall(criteria := (
            completion_time >= 0
        ))
    ),
    description 'One row per DXA questionnaire instance that asked at least one question (dxa_questions) and has completion statistics (countdown_qnaire_completion_stats, same instance and episode). respondent_type is first_dxa for the instance of its patient (user_id) completed first, and repeat for the others; never-completed instances rank after the completed ones (then by start time), so a patient who never completed one still has a first_dxa. questionnaire_completed_on_first_try: completed and never resumed. drop_off_free_text: the questionnaire was paused on one of its questions (the patient typed free text). completion_type, first that applies: completed on first try, completed, interrupted (paused), error (neither completed nor paused). completion_time: the seconds from start to completion of the statistics, else the seconds from the first question asked to the last reply (null when there is no reply or it is timed before the first question). Episode context (age, gender, language, outcome, issue type, chief complaint, reason for visit) comes from episodes. FULL, rebuilt by the daily 07:00 UTC run.'
);

WITH questions AS (
    SELECT
        qnaire_tid
        , episode_id
        , COUNT(*) AS questions_asked_count
        , BOOL_OR(CAST(response_type = 'interrupted' AS BOOLEAN)) AS drop_off_free_text
        , MIN(asked_at) AS first_asked_at
        , MAX(replied_at) AS last_replied_at
    FROM analytics.dxa_questions
    GROUP BY
        qnaire_tid
        , episode_id
), stats AS (
    SELECT
        qnaire_tid
        , episode_id
        , user_id
        , started_at
        , completed_at
        , completion_time
        , is_completed
        , resume_count
    FROM analytics.countdown_qnaire_completion_stats
    WHERE
        qnaire = 'dxa'
), episodes AS (
    SELECT
        episode_id
        , age
        , gender
        , "language"
        , outcome
        , issue_type
        , cc_code
        , reason_for_visit
        , cc_label_en
    FROM analytics.episodes
), invocations AS (
    SELECT
        stats.qnaire_tid
        , stats.episode_id
        , stats.user_id
        , stats.started_at
        , stats.completed_at
        , stats.is_completed
        , stats.resume_count
        , questions.questions_asked_count
        , questions.drop_off_free_text
        , COALESCE(
            stats.completion_time,
            CASE
                WHEN questions.last_replied_at >= questions.first_asked_at
                THEN @seconds_between(questions.first_asked_at, questions.last_replied_at)
            END
        ) AS completion_time
        , ROW_NUMBER() OVER (PARTITION BY stats.user_id ORDER BY stats.completed_at, stats.started_at, stats.qnaire_tid) AS respondent_rank
    FROM stats
    INNER JOIN questions
        ON stats.qnaire_tid = questions.qnaire_tid AND stats.episode_id = questions.episode_id
)
SELECT
    invocations.qnaire_tid::TEXT AS qnaire_tid /* DXA questionnaire instance id */
    , invocations.episode_id::TEXT AS episode_id /* Episode (messaging channel) the DXA ran in */
    , invocations.user_id::TEXT AS user_id /* Scribe user id of the patient who answered */
    , invocations.started_at::TIMESTAMPTZ AS started_at /* Start of the instance (UTC) */
    , invocations.completed_at::TIMESTAMPTZ AS completed_at /* Completion of the instance (UTC); null when not completed */
    , CASE WHEN invocations.respondent_rank = 1 THEN 'first_dxa' ELSE 'repeat' END::TEXT AS respondent_type /* first_dxa for the patient's first completed instance (or first started, when none was completed), else repeat */
    , episodes.age::INT AS age /* Age of the episode subject in years at the first message */
    , episodes.gender::TEXT AS gender /* Gender of the episode subject (M, F or N/A) */
    , episodes."language"::TEXT AS "language" /* Language of the episode subject (FR, EN or N/A) */
    , episodes.outcome::TEXT AS outcome /* Outcome of the episode */
    , episodes.issue_type::TEXT AS issue_type /* Issue type of the episode */
    , episodes.cc_code::TEXT AS cc_code /* Chief complaint that launched DXA in the episode */
    , episodes.reason_for_visit::TEXT AS reason_for_visit /* Reason for visit answered at the start of the episode */
    , episodes.cc_label_en::TEXT AS cc_label_en /* English label of the chief complaint */
    , invocations.is_completed::BOOLEAN AS questionnaire_completed /* The instance was completed */
    , (
        invocations.is_completed AND invocations.resume_count = 0
    )::BOOLEAN AS questionnaire_completed_on_first_try /* Completed without ever being resumed */
    , invocations.resume_count::BIGINT AS resume_count /* Times the patient resumed the instance */
    , invocations.questions_asked_count::BIGINT AS questions_asked_count /* Questions asked in the instance */
    , invocations.drop_off_free_text::BOOLEAN AS drop_off_free_text /* The instance was paused on a question because the patient typed free text */
    , CASE
        WHEN invocations.is_completed AND invocations.resume_count = 0
        THEN 'completed on first try'
        WHEN invocations.is_completed
        THEN 'completed'
        WHEN invocations.drop_off_free_text
        THEN 'interrupted'
        ELSE 'error'
    END::TEXT AS completion_type /* completed on first try, completed, interrupted or error (first that applies) */
    , invocations.completion_time::DOUBLE AS completion_time /* Seconds to complete: start to completion, else first question to last reply */
FROM invocations
LEFT JOIN episodes
    ON invocations.episode_id = episodes.episode_id
