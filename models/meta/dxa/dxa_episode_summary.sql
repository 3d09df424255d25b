MODEL (
    name analytics.dxa_episode_summary,
    kind FULL,
    cron '0 7 * * *',
    owner analytics,
    grain episode_id,
    tags (meta, dxa, care),
    audits (
        unique_values(columns := (
            episode_id
        ))
        , not_null(columns := (episode_id, dxa_completed, invocations_count))
        , forall(criteria := (
            completion_time >= 0
        ))
    ),
    description 'One row per episode with a DXA instance in dxa_invocations: the first start and last completion of its DXA instances, whether any was completed, invocations_count = the instances plus their resumes (each resume invokes DXA again), and completion_time = the seconds from the first start to the last completion (null when none was completed or the completion is timed before the start). user_id is the patient of the first instance started; the episode context (age, gender, language, outcome, issue type, reason for visit, chief complaint) is the one of dxa_invocations. FULL, rebuilt by the daily 07:00 UTC run.'
);

WITH invocations AS (
    SELECT
        episode_id
        , qnaire_tid
        , user_id
        , age
        , gender
        , "language"
        , outcome
        , issue_type
        , reason_for_visit
        , cc_code
        , started_at
        , completed_at
        , questionnaire_completed
        , resume_count
        , ROW_NUMBER() OVER (PARTITION BY episode_id ORDER BY started_at, qnaire_tid) AS start_rank
    FROM analytics.dxa_invocations
), episodes AS (
    SELECT
        episode_id
        , MIN(started_at) AS started_at
        , MAX(completed_at) AS completed_at
        , BOOL_OR(questionnaire_completed::BOOLEAN) AS dxa_completed
        , COUNT(*) + SUM(resume_count) AS invocations_count
    FROM invocations
    GROUP BY
        episode_id
)
SELECT
    episodes.episode_id::TEXT AS episode_id /* Episode (messaging channel) the DXA ran in */
    , first_invocations.user_id::TEXT AS user_id /* Scribe user id of the patient of the first DXA instance */
    , first_invocations.age::INT AS age /* Age of the episode subject in years at the first message */
    , first_invocations.gender::TEXT AS gender /* Gender of the episode subject (M, F or N/A) */
    , first_invocations."language"::TEXT AS "language" /* Language of the episode subject (FR, EN or N/A) */
    , first_invocations.outcome::TEXT AS outcome /* Outcome of the episode */
    , first_invocations.issue_type::TEXT AS issue_type /* Issue type of the episode */
    , first_invocations.reason_for_visit::TEXT AS reason_for_visit /* Reason for visit answered at the start of the episode */
    , first_invocations.cc_code::TEXT AS cc_code /* Chief complaint that launched DXA in the episode */
    , episodes.started_at::TIMESTAMPTZ AS started_at /* Start of the first DXA instance (UTC) */
    , episodes.completed_at::TIMESTAMPTZ AS completed_at /* Last completion of a DXA instance (UTC); null when none was completed */
    , episodes.dxa_completed::BOOLEAN AS dxa_completed /* A DXA instance of the episode was completed */
    , episodes.invocations_count::BIGINT AS invocations_count /* DXA instances plus their resumes */
    , CASE
        WHEN episodes.completed_at >= episodes.started_at
        THEN @seconds_between(episodes.started_at, episodes.completed_at)
    END::DOUBLE AS completion_time /* Seconds from the first start to the last completion (null when not completed) */
FROM episodes
INNER JOIN invocations AS first_invocations
    ON episodes.episode_id = first_invocations.episode_id AND first_invocations.start_rank = 1
