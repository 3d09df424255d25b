MODEL (
    name analytics.dxa_summary_pivot,
    kind FULL,
    cron '0 7 * * *',
    owner analytics,
    grain qnaire_tid,
    tags (meta, dxa, care, pii),
    audits (
        unique_values(columns := (
            qnaire_tid
        ))
        , not_null(
            columns := (
                qnaire_tid
                , episode_id
                , dispatch_recommendation_simplified
                , dispatch_recommendation_merged
                , dxa_completed
                , flagged_as_dangerous
            )
        )
        , accepted_values(
            "column" := dispatch_recommendation_simplified,
            is_in := ('referral', 'virtual', 'Outcome ER', 'Outcome Navigation', 'N/A')
        )
        , assert_dxa_completions_per_episode
    ),
    description 'One row per DXA questionnaire instance of dxa_bool_pivoted whose episode is in episodes: the episode''s outcome, dispatch and triage, its latest symptom description, the answers to the pivoted DXA questions and DXA''s differential diagnosis. dispatch_recommendation_simplified: Outcome WIC... gives referral; Outcome Rx..., Outcome Nurse Counselling and Outcome NP or MD / OC give virtual; Outcome ER and Outcome Navigation stay as they are; without one of these, the triage outcome decides: treated by a GP, an NP or a nurse gives virtual, referral to a walk-in clinic or the ER, navigation and treatment at the Ubisoft clinic give referral, else N/A. dispatch_recommendation_merged: Outcome WIC... gives Outcome WIC, Outcome Rx... gives Outcome Rx, any other recommendation stays; without one, the triage outcome maps to Outcome NP or MD / OC (GP, NP), Outcome WIC (walk-in), Outcome ER, Outcome Navigation, Outcome WIC Ubisoft clinic or Outcome Nurse Counselling, else Other. flagged_as_dangerous: pain in the abdomen, head or face, thorax or back and buttocks with an intensity of 7 or more, or a yes to a dangerous symptom of the chief complaint. symptoms_duration and menses_duration are the instance''s typed answers to those questions (the largest in text order when answered twice). dxa_completed: the instance has a completion event. The pivoted columns follow the seed data_dxa_pivot_questions (see dxa_bool_pivoted and dxa_multi_pivoted); descript and the durations are the patient''s own words, hence the pii tag. The non-blocking audit assert_dxa_completions_per_episode names the weeks where fewer than 98 % of the episodes with a completed DXA have exactly one (the original pointed this check at a table of a personal development schema, so it could not run elsewhere). FULL, rebuilt by the daily 07:00 UTC run.'
);

WITH bool_pivoted AS (
    SELECT
        episode_id
        , qnaire_tid
        , flagged_as_dangerous_bool
        , @dxa_pivot_columns('bool', dxa_bool_pivoted)
    FROM analytics.dxa_bool_pivoted
), episodes AS (
    SELECT
        episode_id
        , triage_outcome
        , dispatch_recommendation
        , outcome
        , outcomes_ordered
        , cc_code
        , reason_for_visit
        , first_message_patient
        , gender
        , age
    FROM analytics.episodes
), descriptions AS (
    SELECT
        episode_id
        , descript
    FROM analytics.countdown_symptoms_replied
    WHERE
        rank_desc = 1
), multi_pivoted AS (
    SELECT
        qnaire_tid
        , @dxa_pivot_columns('multi', dxa_multi_pivoted)
    FROM analytics.dxa_multi_pivoted
), durations AS (
    SELECT
        qnaire_tid
        , MAX(symptoms_duration) AS symptoms_duration
        , MAX(menses_duration) AS menses_duration
    FROM analytics.dxa_questions_free
    GROUP BY
        qnaire_tid
), completions AS (
    SELECT DISTINCT
        qnaire_tid
    FROM analytics.countdown_qnaire_completed
    WHERE
        qnaire = 'dxa'
), diagnoses AS (
    SELECT
        qnaire_tid
        , dx_label_1
        , dx_label_2
        , dx_label_3
        , dx_label_4
        , dx_label_5
        , dx_score_1
        , dx_score_2
        , dx_score_3
        , dx_score_4
        , dx_score_5
    FROM analytics.dxa_dx
), instances AS (
    SELECT
        bool_pivoted.qnaire_tid
        , bool_pivoted.episode_id
        , bool_pivoted.flagged_as_dangerous_bool
        , episodes.triage_outcome
        , episodes.dispatch_recommendation
        , episodes.outcome
        , episodes.outcomes_ordered
        , episodes.cc_code
        , episodes.reason_for_visit
        , episodes.first_message_patient
        , episodes.gender
        , episodes.age
        , descriptions.descript
        , durations.symptoms_duration
        , durations.menses_duration
        , NOT completions.qnaire_tid IS NULL AS dxa_completed
        , @dxa_pivot_columns('multi', multi_pivoted)
        , @dxa_pivot_columns('bool', bool_pivoted)
        , CASE
            WHEN REGEXP_MATCHES(multi_pivoted.iqr_doul_intense, '^[0-9]+$')
            THEN multi_pivoted.iqr_doul_intense::INT
        END AS pain_intensity
    FROM bool_pivoted
    INNER JOIN episodes
        ON bool_pivoted.episode_id = episodes.episode_id
    LEFT JOIN descriptions
        ON bool_pivoted.episode_id = descriptions.episode_id
    LEFT JOIN multi_pivoted
        ON bool_pivoted.qnaire_tid = multi_pivoted.qnaire_tid
    LEFT JOIN durations
        ON bool_pivoted.qnaire_tid = durations.qnaire_tid
    LEFT JOIN completions
        ON bool_pivoted.qnaire_tid = completions.qnaire_tid
)
SELECT
    instances.triage_outcome::TEXT AS triage_outcome /* Triage label of the episode, N/A when missing */
    , CASE
        WHEN instances.dispatch_recommendation LIKE 'Outcome WIC%'
        THEN 'referral'
        WHEN instances.dispatch_recommendation LIKE 'Outcome Rx%'
        THEN 'virtual'
        WHEN instances.dispatch_recommendation IN ('Outcome Nurse Counselling', 'Outcome NP or MD / OC')
        THEN 'virtual'
        WHEN instances.dispatch_recommendation IN ('Outcome ER', 'Outcome Navigation')
        THEN instances.dispatch_recommendation
        WHEN instances.triage_outcome IN ('treated_by_gp', 'treated_by_np', 'treated_by_nurse')
        THEN 'virtual'
        WHEN instances.triage_outcome IN ('referral_walk_in', 'referral_er', 'navigation', 'treated_at_ubisoft_clinic')
        THEN 'referral'
        ELSE 'N/A'
    END::TEXT AS dispatch_recommendation_simplified /* referral, virtual, Outcome ER, Outcome Navigation or N/A: from the dispatch recommendation, else from the triage outcome */
    , CASE
        WHEN instances.dispatch_recommendation LIKE 'Outcome WIC%'
        THEN 'Outcome WIC'
        WHEN instances.dispatch_recommendation LIKE 'Outcome Rx%'
        THEN 'Outcome Rx'
        WHEN NOT instances.dispatch_recommendation IS NULL
        THEN instances.dispatch_recommendation
        WHEN instances.triage_outcome IN ('treated_by_gp', 'treated_by_np')
        THEN 'Outcome NP or MD / OC'
        WHEN instances.triage_outcome = 'referral_walk_in'
        THEN 'Outcome WIC'
        WHEN instances.triage_outcome = 'referral_er'
        THEN 'Outcome ER'
        WHEN instances.triage_outcome = 'navigation'
        THEN 'Outcome Navigation'
        WHEN instances.triage_outcome = 'treated_at_ubisoft_clinic'
        THEN 'Outcome WIC Ubisoft clinic'
        WHEN instances.triage_outcome = 'treated_by_nurse'
        THEN 'Outcome Nurse Counselling'
        ELSE 'Other'
    END::TEXT AS dispatch_recommendation_merged /* The dispatch recommendation with the WIC and Rx variants merged, else the one the triage outcome implies, else Other */
    , instances.dispatch_recommendation::TEXT AS dispatch_recommendation /* Normalised first Outcome slash command of the episode (null when none) */
    , instances.episode_id::TEXT AS episode_id /* Episode (messaging channel) the DXA ran in */
    , instances.outcome::TEXT AS outcome /* Outcome of the episode */
    , instances.outcomes_ordered::TEXT AS outcomes_ordered /* Outcomes of the episode in time order, comma-separated */
    , instances.descript::TEXT AS descript /* [PII] The episode's latest description of symptoms, in the patient's words */
    , instances.cc_code::TEXT AS cc_code /* Chief complaint that launched DXA in the episode */
    , instances.reason_for_visit::TEXT AS reason_for_visit /* Reason for visit answered at the start of the episode */
    , instances.first_message_patient::TIMESTAMP AS "timestamp" /* First patient message of the episode, Montreal local time (naive) */
    , instances.gender::TEXT AS gender /* Gender of the episode subject (M, F or N/A) */
    , instances.age::INT AS age /* Age of the episode subject in years at the first message */
    , instances.qnaire_tid::TEXT AS qnaire_tid /* DXA questionnaire instance id */
    , instances.dxa_completed::BOOLEAN AS dxa_completed /* The DXA instance was completed */
    , (
        instances.flagged_as_dangerous_bool
        OR COALESCE(
            instances.iqr_doul_endroits IN ('abdo', 'headface', 'tho', 'backbutt')
            AND instances.pain_intensity >= 7,
            FALSE
        )
    )::BOOLEAN AS flagged_as_dangerous /* Pain in the abdomen, head or face, thorax or back with intensity 7 or more, or a yes to a dangerous symptom */
    , instances.symptoms_duration::TEXT AS symptoms_duration /* [PII] When the symptoms began, as typed by the patient */
    , instances.menses_duration::TEXT AS menses_duration /* [PII] Date of the last menstrual period, as typed by the patient */
    , @dxa_pivot_columns('multi', instances)
    , @dxa_pivot_columns('bool', instances)
    , diagnoses.dx_label_1::TEXT AS dx_label_1 /* Label of DXA's most likely diagnosis (null without an exported diagnosis) */
    , diagnoses.dx_label_2::TEXT AS dx_label_2 /* Label of the second diagnosis */
    , diagnoses.dx_label_3::TEXT AS dx_label_3 /* Label of the third diagnosis */
    , diagnoses.dx_label_4::TEXT AS dx_label_4 /* Label of the fourth diagnosis */
    , diagnoses.dx_label_5::TEXT AS dx_label_5 /* Label of the fifth diagnosis */
    , diagnoses.dx_score_1::DOUBLE AS dx_score_1 /* Score of the most likely diagnosis */
    , diagnoses.dx_score_2::DOUBLE AS dx_score_2 /* Score of the second diagnosis */
    , diagnoses.dx_score_3::DOUBLE AS dx_score_3 /* Score of the third diagnosis */
    , diagnoses.dx_score_4::DOUBLE AS dx_score_4 /* Score of the fourth diagnosis */
    , diagnoses.dx_score_5::DOUBLE AS dx_score_5 /* Score of the fifth diagnosis */
FROM instances
LEFT JOIN diagnoses
    ON instances.qnaire_tid = diagnoses.qnaire_tid
