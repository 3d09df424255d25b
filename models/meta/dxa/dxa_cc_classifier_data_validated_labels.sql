MODEL (
    name analytics.dxa_cc_classifier_data_validated_labels,
    kind FULL,
    cron '0 7 * * *',
    owner analytics,
    grain descript,
    tags (meta, dxa, care, pii),
    audits (unique_values(columns := (
            descript
    )), not_null(columns := (descript, doctor_label))),
    description 'One row per physician-validated symptom description of the seed dxa_cc_classifier_data_validated, with the French and English labels of its chief complaint (dimension_dxa_chief_complaints, matched on doctor_label = the cc code; null labels for a code the dimension does not know). descript is the patient''s words (synthetic text in this project), hence the pii tag. FULL, rebuilt by the daily 07:00 UTC run.'
);

WITH validated AS (
    SELECT
        descript
        , doctor_label
        , patient_label
        , episode_id
        , shift_manager_label
    FROM analytics.dxa_cc_classifier_data_validated
), chief_complaints AS (
    SELECT
        chief_complaint
        , description_fr
        , description_en
    FROM analytics.dimension_dxa_chief_complaints
)
SELECT
    validated.descript::TEXT AS descript /* [PII] The symptoms as the patient described them */
    , validated.doctor_label::TEXT AS doctor_label /* Chief complaint code a physician validated for the description */
    , validated.patient_label::TEXT AS patient_label /* Chief complaint the patient chose (always empty) */
    , validated.episode_id::TEXT AS episode_id /* Episode the description was typed in */
    , validated.shift_manager_label::TEXT AS shift_manager_label /* Chief complaint the shift manager launched DXA with (null when none) */
    , chief_complaints.description_fr::TEXT AS description_fr /* French label of doctor_label */
    , chief_complaints.description_en::TEXT AS description_en /* English label of doctor_label */
FROM validated
LEFT JOIN chief_complaints
    ON validated.doctor_label = chief_complaints.chief_complaint
