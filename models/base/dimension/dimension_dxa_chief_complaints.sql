MODEL (
  name analytics.dimension_dxa_chief_complaints,
  kind SEED (
    path '$root/seeds/data_dimension_dxa_chief_complaints.csv'
  ),
  columns (
    chief_complaint TEXT,
    description_fr TEXT,
    description_en TEXT
  ),
  owner analytics,
  grain chief_complaint,
  tags (base, seed, countdown, care),
  audits (
    unique_values(columns := (
      chief_complaint
    )),
    not_null(columns := (chief_complaint, description_en))
  ),
  description 'Reference seed data_dimension_dxa_chief_complaints: one row per chief complaint (cc code) that can launch the DXA diagnostic questionnaire, with its French and English labels.',
  column_descriptions (
    chief_complaint = 'Chief complaint code (cc1 ... cc33) as sent by the NLP parser and typed in /q dxa launches',
    description_fr = 'Label in French',
    description_en = 'Label in English'
  )
)
