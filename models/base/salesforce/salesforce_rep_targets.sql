MODEL (
  name analytics.salesforce_rep_targets,
  kind SEED (
    path '$root/seeds/data_salesforce_rep_targets.csv'
  ),
  columns (
    user_id TEXT,
    user_name TEXT,
    mrr_target DOUBLE
  ),
  owner analytics,
  grain user_id,
  tags (base, seed, salesforce, sales, pii),
  audits (
    unique_values(columns := (
      user_id
    )),
    not_null(columns := (user_id, mrr_target)),
    accepted_range("column" := mrr_target, min_v := 0)
  ),
  description 'Sales rule seed data_salesforce_rep_targets: one row per sales rep with a monthly MRR target other than the default (every rep without a row has the documented default of 4200 CAD, applied in SQL by the targets model). Replaces the targets the original hard-coded by rep name (15000, 10000, 8000). Synthetic rows: users 0 and 1 exist at every scale, the third only at larger scales.',
  column_descriptions (
    user_id = 'Salesforce user id of the rep',
    user_name = '[PII] Name of the rep (a label in the synthetic seed)',
    mrr_target = 'Monthly signed-MRR target of the rep (CAD)'
  )
)
