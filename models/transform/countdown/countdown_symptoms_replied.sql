MODEL (
    name analytics.countdown_symptoms_replied,
    kind FULL,
    cron '0 7 * * *',
    owner analytics,
    grain question_tid,
    tags (transform, countdown, care, pii),
    audits (
        unique_values(columns := (
            question_tid
        ))
        , not_null(columns := (question_tid, episode_id, descript, "timestamp", rank_desc))
    ),
    description 'One row per free-text description of symptoms a patient typed in Countdown: replies to the question symptoms of the questionnaires feeling_sick, chronic, ask_symptoms or chief_complaint whose reply value is not null (the patient''s own words about their health, hence the pii tag). rank_desc orders the descriptions of an episode from the latest (1) to the earliest (ties on the reply time broken by the question instance id). FULL, rebuilt by the daily 07:00 UTC run: the rank looks at every description of the episode.'
);

WITH replies AS (
    SELECT
        question_tid
        , qnaire_tid
        , qnaire
        , episode_id
        , user_id
        , "timestamp"
        , reply_value
    FROM analytics.countdown_question_replied
    WHERE
        question_id = 'symptoms'
        AND qnaire IN ('feeling_sick', 'chronic', 'ask_symptoms', 'chief_complaint')
        AND NOT reply_value IS NULL
        AND NOT episode_id IS NULL
)
SELECT
    question_tid::TEXT AS question_tid /* Question instance id of the symptoms question */
    , qnaire_tid::TEXT AS qnaire_tid /* Questionnaire instance id */
    , qnaire::TEXT AS qnaire /* Questionnaire the question was asked in (feeling_sick, chronic, ask_symptoms, chief_complaint) */
    , episode_id::TEXT AS episode_id /* Episode (messaging channel) */
    , user_id::TEXT AS user_id /* Scribe user id of the patient who typed the description */
    , "timestamp"::TIMESTAMPTZ AS "timestamp" /* Time of the reply (UTC) */
    , reply_value::TEXT AS descript /* [PII] The description of the symptoms, in the patient's own words */
    , ROW_NUMBER() OVER (PARTITION BY episode_id ORDER BY "timestamp" DESC, question_tid DESC)::INT AS rank_desc /* Order of the description within the episode, 1 = the latest */
FROM replies
