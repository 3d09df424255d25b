MODEL (
  name analytics.dxa_cc_classifier_data_validated,
  kind SEED (
    path '$root/seeds/data_dxa_cc_classifier_data_validated.csv'
  ),
  columns (
    descript TEXT,
    doctor_label TEXT,
    patient_label TEXT,
    episode_id TEXT,
    shift_manager_label TEXT
  ),
  owner analytics,
  grain descript,
  tags (base, seed, dxa, pii),
  audits (
    unique_values(columns := (
      descript
    )),
    not_null(columns := (descript, doctor_label))
  ),
  description 'Reference seed data_dxa_cc_classifier_data_validated: the training set of the chief-complaint classifier, one row per patient symptom description with the chief complaint a physician validated for it (doctor_label), and the label the shift manager had launched DXA with when there was one. The original held patients'' own words; this project ships synthetic descriptions reusing the generated Countdown symptom replies (the same made-up sentences), so it holds no real patient text. descript is free text about health, hence the pii tag.',
  column_descriptions (
    descript = '[PII] Symptom description typed by the patient (synthetic text here)',
    doctor_label = 'Chief complaint code (cc1 ... cc33) a physician validated for the description',
    patient_label = 'Chief complaint the patient chose (always empty, as in the original)',
    episode_id = 'Episode the description was typed in',
    shift_manager_label = 'Chief complaint code the shift manager launched DXA with (empty when none)'
  )
)
