MODEL (
    name analytics.dxa_dx,
    kind FULL,
    cron '0 7 * * *',
    owner analytics,
    grain qnaire_tid,
    tags (meta, dxa, care),
    audits (
        unique_values(columns := (
            qnaire_tid
        ))
        , not_null(columns := (qnaire_tid, cc, dx_1, dx_label_1, dx_score_1))
    ),
    description 'One row per DXA questionnaire instance of the differential-diagnosis export (seed model dxa_dx_export): its chief complaint and up to five ranked diagnoses, each split from its label|score text into dx_label_n (the text before the bar) and dx_score_n (the text after it, as a number; null when it is not a number). An empty diagnosis gives null label and score. FULL, rebuilt by the daily 07:00 UTC run (the export is a seed).'
);

WITH export AS (
    SELECT
        qnaire_tid
        , cc
        , NULLIF(TRIM(dx_1), '') AS dx_1
        , NULLIF(TRIM(dx_2), '') AS dx_2
        , NULLIF(TRIM(dx_3), '') AS dx_3
        , NULLIF(TRIM(dx_4), '') AS dx_4
        , NULLIF(TRIM(dx_5), '') AS dx_5
    FROM analytics.dxa_dx_export
), split AS (
    SELECT
        qnaire_tid
        , cc
        , dx_1
        , dx_2
        , dx_3
        , dx_4
        , dx_5
        , NULLIF(TRIM(SPLIT_PART(dx_1, '|', 1)), '') AS dx_label_1
        , NULLIF(TRIM(SPLIT_PART(dx_2, '|', 1)), '') AS dx_label_2
        , NULLIF(TRIM(SPLIT_PART(dx_3, '|', 1)), '') AS dx_label_3
        , NULLIF(TRIM(SPLIT_PART(dx_4, '|', 1)), '') AS dx_label_4
        , NULLIF(TRIM(SPLIT_PART(dx_5, '|', 1)), '') AS dx_label_5
        , TRIM(SPLIT_PART(dx_1, '|', 2)) AS dx_score_text_1
        , TRIM(SPLIT_PART(dx_2, '|', 2)) AS dx_score_text_2
        , TRIM(SPLIT_PART(dx_3, '|', 2)) AS dx_score_text_3
        , TRIM(SPLIT_PART(dx_4, '|', 2)) AS dx_score_text_4
        , TRIM(SPLIT_PART(dx_5, '|', 2)) AS dx_score_text_5
    FROM export
)
SELECT
    qnaire_tid::TEXT AS qnaire_tid /* DXA questionnaire instance id */
    , cc::TEXT AS cc /* Chief complaint code the DXA ran for */
    , dx_1::TEXT AS dx_1 /* Most likely diagnosis as exported, label|score */
    , dx_2::TEXT AS dx_2 /* Second diagnosis as exported, label|score (null when none) */
    , dx_3::TEXT AS dx_3 /* Third diagnosis as exported, label|score (null when none) */
    , dx_4::TEXT AS dx_4 /* Fourth diagnosis as exported, label|score (null when none) */
    , dx_5::TEXT AS dx_5 /* Fifth diagnosis as exported, label|score (null when none) */
    , dx_label_1::TEXT AS dx_label_1 /* Label of the most likely diagnosis (text before the bar) */
    , dx_label_2::TEXT AS dx_label_2 /* Label of the second diagnosis */
    , dx_label_3::TEXT AS dx_label_3 /* Label of the third diagnosis */
    , dx_label_4::TEXT AS dx_label_4 /* Label of the fourth diagnosis */
    , dx_label_5::TEXT AS dx_label_5 /* Label of the fifth diagnosis */
    , CASE WHEN REGEXP_MATCHES(dx_score_text_1, '^-?[0-9]+(\.[0-9]+)?$') THEN dx_score_text_1::DOUBLE END AS dx_score_1 /* Score of the most likely diagnosis (text after the bar, as a number) */
    , CASE WHEN REGEXP_MATCHES(dx_score_text_2, '^-?[0-9]+(\.[0-9]+)?$') THEN dx_score_text_2::DOUBLE END AS dx_score_2 /* Score of the second diagnosis */
    , CASE WHEN REGEXP_MATCHES(dx_score_text_3, '^-?[0-9]+(\.[0-9]+)?$') THEN dx_score_text_3::DOUBLE END AS dx_score_3 /* Score of the third diagnosis */
    , CASE WHEN REGEXP_MATCHES(dx_score_text_4, '^-?[0-9]+(\.[0-9]+)?$') THEN dx_score_text_4::DOUBLE END AS dx_score_4 /* Score of the fourth diagnosis */
    , CASE WHEN REGEXP_MATCHES(dx_score_text_5, '^-?[0-9]+(\.[0-9]+)?$') THEN dx_score_text_5::DOUBLE END AS dx_score_5 /* Score of the fifth diagnosis */
FROM split
