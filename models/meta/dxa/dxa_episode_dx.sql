MODEL (
    name analytics.dxa_episode_dx,
    kind FULL,
    cron '0 7 * * *',
    owner analytics,
    grain qnaire_tid,
    tags (meta, dxa, care),
    audits (
        unique_values(columns := (
            qnaire_tid
        ))
        , not_null(columns := (qnaire_tid, episode_id, "timestamp", dx_1, dx_label_1, dx_score_1))
    ),
    description 'One row per DXA questionnaire instance of dxa_dx that started in Countdown (inner join with countdown_qnaire_started on the instance id): the differential diagnosis with the episode it ran in and its start time (the first start when the instance has several start events). Instances of the export without a start event are left out. FULL, rebuilt by the daily 07:00 UTC run.'
);

WITH diagnoses AS (
    SELECT
        qnaire_tid
        , cc
        , dx_1
        , dx_2
        , dx_3
        , dx_4
        , dx_5
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
), starts AS (
    SELECT
        qnaire_tid
        , episode_id
        , "timestamp"
    FROM analytics.countdown_qnaire_started
    QUALIFY
        ROW_NUMBER() OVER (PARTITION BY qnaire_tid ORDER BY "timestamp", event_id) = 1
)
SELECT
    diagnoses.qnaire_tid::TEXT AS qnaire_tid /* DXA questionnaire instance id */
    , starts.episode_id::TEXT AS episode_id /* Episode (messaging channel) the DXA ran in */
    , starts."timestamp"::TIMESTAMPTZ AS "timestamp" /* When the DXA instance started (UTC) */
    , diagnoses.cc::TEXT AS cc /* Chief complaint code the DXA ran for */
    , diagnoses.dx_1::TEXT AS dx_1 /* Most likely diagnosis as exported, label|score */
    , diagnoses.dx_2::TEXT AS dx_2 /* Second diagnosis as exported (null when none) */
    , diagnoses.dx_3::TEXT AS dx_3 /* Third diagnosis as exported (null when none) */
    , diagnoses.dx_4::TEXT AS dx_4 /* Fourth diagnosis as exported (null when none) */
    , diagnoses.dx_5::TEXT AS dx_5 /* Fifth diagnosis as exported (null when none) */
    , diagnoses.dx_label_1::TEXT AS dx_label_1 /* Label of the most likely diagnosis */
    , diagnoses.dx_label_2::TEXT AS dx_label_2 /* Label of the second diagnosis */
    , diagnoses.dx_label_3::TEXT AS dx_label_3 /* Label of the third diagnosis */
    , diagnoses.dx_label_4::TEXT AS dx_label_4 /* Label of the fourth diagnosis */
    , diagnoses.dx_label_5::TEXT AS dx_label_5 /* Label of the fifth diagnosis */
    , diagnoses.dx_score_1::DOUBLE AS dx_score_1 /* Score of the most likely diagnosis */
    , diagnoses.dx_score_2::DOUBLE AS dx_score_2 /* Score of the second diagnosis */
    , diagnoses.dx_score_3::DOUBLE AS dx_score_3 /* Score of the third diagnosis */
    , diagnoses.dx_score_4::DOUBLE AS dx_score_4 /* Score of the fourth diagnosis */
    , diagnoses.dx_score_5::DOUBLE AS dx_score_5 /* Score of the fifth diagnosis */
FROM diagnoses
INNER JOIN starts
    ON diagnoses.qnaire_tid = starts.qnaire_tid
