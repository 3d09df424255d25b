MODEL (
  name analytics.dxa_dangerous_symptoms_by_cc,
  kind SEED (
    path '$root/seeds/data_dxa_dangerous_symptoms_by_cc.csv'
  ),
  columns (
    cc_code TEXT,
    symptom TEXT
  ),
  owner analytics,
  grain (cc_code, symptom),
  tags (base, seed, dxa),
  audits (
    unique_combination_of_columns(columns := (cc_code, symptom)),
    not_null(columns := (cc_code, symptom))
  ),
  description 'Reference seed data_dxa_dangerous_symptoms_by_cc: the chief complaint x DXA symptom pairs a physician flagged as dangerous (2019-02-12); a yes to such a symptom question in a DXA of that chief complaint is a red flag. Symptom names are stored lower-cased (the original lower-cased them in this base).',
  column_descriptions (
    cc_code = 'Chief complaint code (cc1 ... cc33)',
    symptom = 'DXA symptom name, lower-cased (the <name> of the question iQR_<name>__yn)'
  )
)
