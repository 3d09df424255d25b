MODEL (
  name analytics.finance_rampup_cost,
  kind SEED (
    path '$root/seeds/data_finance_rampup_costs.csv'
  ),
  columns (
    date_month DATE,
    cost_ae_ramp DOUBLE,
    cost_eae_ramp DOUBLE
  ),
  owner analytics,
  grain date_month,
  tags (base, seed, finance),
  audits (
    unique_values(columns := (
      date_month
    )),
    not_null(columns := (date_month, cost_ae_ramp, cost_eae_ramp)),
    accepted_range("column" := cost_ae_ramp, min_v := 0),
    accepted_range("column" := cost_eae_ramp, min_v := 0)
  ),
  description 'Finance seed data_finance_rampup_costs: one row per month (2024-01 to 2027-12) with the compensation of account executives (AE) and enterprise account executives (EAE) during their first six months, their ramp-up, which finance_ltv_to_cac removes from the acquisition cost. CAD, 0 in months without a rep in ramp-up. Synthetic rows written by scripts/generate_finance_seeds.py in the original sheet''s shape (AE 5 000 to 18 000 in about half of the months, EAE 3 000 to 9 000 in a quarter, else 0). The unique date_month and non-negative audits are additions.',
  column_descriptions (
    date_month = 'First day of the month',
    cost_ae_ramp = 'Compensation of account executives in ramp-up (CAD)',
    cost_eae_ramp = 'Compensation of enterprise account executives in ramp-up (CAD)'
  )
)
