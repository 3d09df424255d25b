MODEL (
    name analytics.dxa_cc_classifier_data_not_validated,
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
    description 'The rows of dxa_cc_classifier_data whose description has no physician-validated chief complaint (doctor_label null): the descriptions still to be labelled for the classifier''s training set, one row per episode. descript is the patient''s own words, hence the pii tag. FULL, rebuilt by the daily 07:00 UTC run.'
);

SELECT
    episode_id::TEXT AS episode_id /* Episode (messaging channel) the description was typed in */
    , shift_manager_label::TEXT AS shift_manager_label /* Chief complaint of the first manual DXA launch (/q dxa) of the episode */
    , patient_confirmation_label::TEXT AS patient_confirmation_label /* Latest answer label to the chief-complaint confirmation */
    , descript::TEXT AS descript /* [PII] The symptoms as the patient described them */
    , replied_at::TIMESTAMPTZ AS replied_at /* When the description was typed (UTC) */
    , lang::TEXT AS lang /* Language of the patient (FR, EN or N/A) */
    , cc_name_rank_1::TEXT AS cc_name_rank_1 /* Most confident chief complaint of the NLP parser */
    , cc_name_rank_2::TEXT AS cc_name_rank_2 /* Second most confident chief complaint */
    , cc_name_rank_3::TEXT AS cc_name_rank_3 /* Third most confident chief complaint */
    , cc_confidence_rank_1::DOUBLE AS cc_confidence_rank_1 /* Parser confidence of cc_name_rank_1, 0 to 1 */
    , cc_confidence_rank_2::DOUBLE AS cc_confidence_rank_2 /* Parser confidence of cc_name_rank_2, 0 to 1 */
    , cc_confidence_rank_3::DOUBLE AS cc_confidence_rank_3 /* Parser confidence of cc_name_rank_3, 0 to 1 */
FROM analytics.dxa_cc_classifier_data
WHERE
    doctor_label IS NULL
