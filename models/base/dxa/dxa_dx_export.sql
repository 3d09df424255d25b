MODEL (
  name analytics.dxa_dx_export,
  kind SEED (
    path '$root/seeds/data_dxa_dx.csv'
  ),
  columns (
    qnaire_tid TEXT,
    cc TEXT,
    dx_1 TEXT,
    dx_2 TEXT,
    dx_3 TEXT,
    dx_4 TEXT,
    dx_5 TEXT
  ),
  owner analytics,
  grain qnaire_tid,
  tags (base, seed, dxa),
  audits (
    unique_values(columns := (
      qnaire_tid
    )),
    not_null(columns := (qnaire_tid, cc))
  ),
  description 'Reference seed data_dxa_dx: a one-off export of the differential diagnosis DXA computed for each DXA questionnaire instance, with the chief complaint the instance ran for and up to five ranked diagnoses, each written label|score (later ones often empty). The original held a manual export of clinical research data; this project ships synthetic rows keyed on generated DXA instances (made-up diagnosis labels and scores per chief complaint, no patient data). Read by dxa_dx, which splits labels from scores (a SEED model carries no logic).',
  column_descriptions (
    qnaire_tid = 'DXA questionnaire instance id (qnaire_tid of the Countdown events)',
    cc = 'Chief complaint code the DXA ran for (cc1 ... cc33)',
    dx_1 = 'Most likely diagnosis, label|score',
    dx_2 = 'Second diagnosis, label|score (empty when none)',
    dx_3 = 'Third diagnosis, label|score (empty when none)',
    dx_4 = 'Fourth diagnosis, label|score (empty when none)',
    dx_5 = 'Fifth diagnosis, label|score (empty when none)'
  )
)
