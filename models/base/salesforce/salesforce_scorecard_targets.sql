MODEL (
  name analytics.salesforce_scorecard_targets,
  kind SEED (
    path '$root/seeds/data_salesforce_scorecard_targets.csv'
  ),
  columns (
    date_quarter DATE,
    weekly_target_mrr DOUBLE,
    weekly_target_mrr_roc DOUBLE,
    weekly_target_mrr_partnership DOUBLE
  ),
  owner analytics,
  grain date_quarter,
  tags (base, seed, salesforce, sales),
  audits (
    unique_values(columns := (
      date_quarter
    )),
    not_null(
      columns := (
        date_quarter,
        weekly_target_mrr,
        weekly_target_mrr_roc,
        weekly_target_mrr_partnership
      )
    )
  ),
  description 'Sales rule seed data_salesforce_scorecard_targets: one row per quarter (first day, 2024-Q1 to 2027-Q4) with the weekly won-MRR targets of the Company Scorecard: overall, rest of Canada (reps outside Quebec) and partnerships. The scorecard target of a week is its index in the quarter times the weekly rate. Replaces the original''s constants (11860, 3846, 2724 per ISO week after week 39), valid for 2018-Q4 only; the synthetic rows keep those rates for every quarter.',
  column_descriptions (
    date_quarter = 'First day of the quarter',
    weekly_target_mrr = 'Won MRR target per week of the quarter (CAD)',
    weekly_target_mrr_roc = 'Won MRR target per week for reps outside Quebec (CAD)',
    weekly_target_mrr_partnership = 'Won MRR target per week for partnership deals (CAD)'
  )
)
