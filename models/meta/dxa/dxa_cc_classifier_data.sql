MODEL (
    name analytics.dxa_cc_classifier_data,
    kind FULL,
    cron '0 7 * * *',
    owner analytics,
    grain episode_id,
    tags (meta, dxa, care, pii),
    audits (
        unique_values(columns := (
            episode_id
        ))
        , not_null(columns := (episode_id, descript, replied_at))
    ),
    description 'One row per episode with a symptom description typed in Countdown (countdown_symptoms_replied, the latest of the episode): the data to train and evaluate the chief-complaint classifier. Labels: shift_manager_label = the chief complaint of the first manual DXA launch of the episode (episodes_chief_complaint.cc_code_manual); patient_confirmation_label = the latest answer label of the episode to the chief-complaint confirmation question (countdown_cc_confirmed; only answers after 2019-02-18, when the confirmation flow changed); doctor_label = the chief complaint a physician validated for exactly the same description text (seed dxa_cc_classifier_data_validated). The three most confident chief complaints the NLP parser found in the episode (countdown_chief_complaint_parsed; each complaint once with its best confidence, ties by earlier parse then code) are cc_name_rank_1..3 with their confidences. lang is the language of the Scribe user who typed the description. descript is the patient''s own words, hence the pii tag. FULL, rebuilt by the daily 07:00 UTC run.'
);

WITH descriptions AS (
    SELECT
        episode_id
        , user_id
        , descript
        , "timestamp"
    FROM analytics.countdown_symptoms_replied
    WHERE
        rank_desc = 1
), manual_launches AS (
    SELECT
        episode_id
        , cc_code_manual
    FROM analytics.episodes_chief_complaint
    WHERE
        NOT cc_code_manual IS NULL
), confirmations AS (
    SELECT
        episode_id
        , cc_code
    FROM analytics.countdown_cc_confirmed
    WHERE
        "timestamp" > '2019-02-18'::TIMESTAMPTZ AND NOT episode_id IS NULL
    QUALIFY
        ROW_NUMBER() OVER (PARTITION BY episode_id ORDER BY "timestamp" DESC, question_tid DESC) = 1
), validated AS (
    SELECT
        descript
        , doctor_label
    FROM analytics.dxa_cc_classifier_data_validated
), users AS (
    SELECT
        user_id
        , "language"
    FROM analytics.scribe_users
), parsed_complaints AS (
    SELECT
        episode_id
        , cc_name
        , MAX(cc_confidence) AS cc_confidence
        , MIN("timestamp") AS first_parsed_at
    FROM analytics.countdown_chief_complaint_parsed
    WHERE
        NOT episode_id IS NULL AND NOT cc_name IS NULL
    GROUP BY
        episode_id
        , cc_name
), ranked_complaints AS (
    SELECT
        episode_id
        , cc_name
        , cc_confidence
        , ROW_NUMBER() OVER (PARTITION BY episode_id ORDER BY cc_confidence DESC, first_parsed_at, cc_name) AS confidence_rank
    FROM parsed_complaints
), top_complaints AS (
    SELECT
        episode_id
        , MAX(CASE WHEN confidence_rank = 1 THEN cc_name END) AS cc_name_rank_1
        , MAX(CASE WHEN confidence_rank = 2 THEN cc_name END) AS cc_name_rank_2
        , MAX(CASE WHEN confidence_rank = 3 THEN cc_name END) AS cc_name_rank_3
        , MAX(CASE WHEN confidence_rank = 1 THEN cc_confidence END) AS cc_confidence_rank_1
        , MAX(CASE WHEN confidence_rank = 2 THEN cc_confidence END) AS cc_confidence_rank_2
        , MAX(CASE WHEN confidence_rank = 3 THEN cc_confidence END) AS cc_confidence_rank_3
    FROM ranked_complaints
    WHERE
        confidence_rank <= 3
    GROUP BY
        episode_id
)
SELECT
    descriptions.episode_id::TEXT AS episode_id /* Episode (messaging channel) the description was typed in */
    , manual_launches.cc_code_manual::TEXT AS shift_manager_label /* Chief complaint of the first manual DXA launch (/q dxa) of the episode */
    , confirmations.cc_code::TEXT AS patient_confirmation_label /* Latest answer label to the chief-complaint confirmation: a cc code, or cc_confirmation_other */
    , validated.doctor_label::TEXT AS doctor_label /* Chief complaint a physician validated for this description (null when not validated) */
    , descriptions.descript::TEXT AS descript /* [PII] The symptoms as the patient described them (the episode's latest description) */
    , descriptions."timestamp"::TIMESTAMPTZ AS replied_at /* When the description was typed (UTC) */
    , users."language"::TEXT AS lang /* Language of the patient (FR, EN or N/A) */
    , top_complaints.cc_name_rank_1::TEXT AS cc_name_rank_1 /* Most confident chief complaint of the NLP parser */
    , top_complaints.cc_name_rank_2::TEXT AS cc_name_rank_2 /* Second most confident chief complaint */
    , top_complaints.cc_name_rank_3::TEXT AS cc_name_rank_3 /* Third most confident chief complaint */
    , top_complaints.cc_confidence_rank_1::DOUBLE AS cc_confidence_rank_1 /* Parser confidence of cc_name_rank_1, 0 to 1 */
    , top_complaints.cc_confidence_rank_2::DOUBLE AS cc_confidence_rank_2 /* Parser confidence of cc_name_rank_2, 0 to 1 */
    , top_complaints.cc_confidence_rank_3::DOUBLE AS cc_confidence_rank_3 /* Parser confidence of cc_name_rank_3, 0 to 1 */
FROM descriptions
LEFT JOIN manual_launches
    ON descriptions.episode_id = manual_launches.episode_id
LEFT JOIN confirmations
    ON descriptions.episode_id = confirmations.episode_id
LEFT JOIN validated
    ON descriptions.descript = validated.descript
LEFT JOIN users
    ON descriptions.user_id = users.user_id
LEFT JOIN top_complaints
    ON descriptions.episode_id = top_complaints.episode_id
