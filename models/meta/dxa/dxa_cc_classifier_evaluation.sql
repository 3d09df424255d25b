MODEL (
    name analytics.dxa_cc_classifier_evaluation,
    kind FULL,
    cron '0 7 * * *',
    owner analytics,
    grain date_day,
    tags (meta, dxa, care),
    audits (
        unique_values(columns := (
            date_day
        ))
        , not_null(
            columns := (
                date_day
                , doctor_label_detected_count
                , detected_label_used_count
                , shift_manager_label_detected_count
                , patient_confirmed_count
                , cc_parsed_count
                , count_dxa_launched
                , total_count
            )
        )
        , forall(
            criteria := (
                doctor_label_detected_count <= total_count
                , detected_label_used_count <= count_dxa_launched
                , count_dxa_launched <= total_count
                , cc_parsed_count <= total_count
            )
        )
    ),
    description 'How well the NLP chief-complaint parser finds the chief complaint, per UTC day of the symptom description, over the episodes of dxa_cc_classifier_data. "Among the top 3" means equal to one of the three most confident parsed chief complaints (cc_name_rank_1..3). doctor_label_detected_count: the physician-validated label is among the top 3; shift_manager_label_detected_count: the shift manager''s DXA launch label is; patient_confirmed_count: the chief complaint the patient confirmed is; detected_label_used_count: the shift manager''s or the patient''s label is; cc_parsed_count: the parser found at least one chief complaint; count_dxa_launched: a shift-manager label or a patient confirmation exists; total_count: the descriptions of the day. FULL, rebuilt by the daily 07:00 UTC run.'
);

WITH descriptions AS (
    SELECT
        @to_utc(replied_at)::DATE AS date_day
        , doctor_label
        , shift_manager_label
        , patient_confirmation_label
        , cc_name_rank_1
        , COALESCE(doctor_label IN (cc_name_rank_1, cc_name_rank_2, cc_name_rank_3), FALSE) AS is_doctor_label_detected
        , COALESCE(shift_manager_label IN (cc_name_rank_1, cc_name_rank_2, cc_name_rank_3), FALSE) AS is_shift_manager_label_detected
        , COALESCE(patient_confirmation_label IN (cc_name_rank_1, cc_name_rank_2, cc_name_rank_3), FALSE) AS is_patient_label_detected
    FROM analytics.dxa_cc_classifier_data
)
SELECT
    date_day::DATE AS date_day /* UTC day the descriptions were typed */
    , SUM(CASE WHEN is_doctor_label_detected THEN 1 ELSE 0 END)::BIGINT AS doctor_label_detected_count /* Descriptions whose physician-validated label is among the top 3 parsed */
    , SUM(CASE WHEN is_shift_manager_label_detected OR is_patient_label_detected THEN 1 ELSE 0 END)::BIGINT AS detected_label_used_count /* Descriptions whose shift-manager or patient-confirmed label is among the top 3 parsed */
    , SUM(CASE WHEN is_shift_manager_label_detected THEN 1 ELSE 0 END)::BIGINT AS shift_manager_label_detected_count /* Descriptions whose shift-manager label is among the top 3 parsed */
    , SUM(CASE WHEN is_patient_label_detected THEN 1 ELSE 0 END)::BIGINT AS patient_confirmed_count /* Descriptions whose patient-confirmed label is among the top 3 parsed */
    , SUM(CASE WHEN NOT cc_name_rank_1 IS NULL THEN 1 ELSE 0 END)::BIGINT AS cc_parsed_count /* Descriptions of episodes where the parser found a chief complaint */
    , SUM(
        CASE WHEN NOT shift_manager_label IS NULL OR NOT patient_confirmation_label IS NULL THEN 1 ELSE 0 END
    )::BIGINT AS count_dxa_launched /* Descriptions of episodes with a shift-manager DXA launch or a patient confirmation */
    , COUNT(*)::BIGINT AS total_count /* Descriptions typed that day */
FROM descriptions
GROUP BY
    date_day
