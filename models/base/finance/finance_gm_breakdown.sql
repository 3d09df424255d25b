MODEL (
  name analytics.finance_gm_breakdown,
  kind SEED (
    path '$root/seeds/data_finance_gm_breakdown.csv'
  ),
  columns (
    date_month DATE,
    gm_source TEXT,
    value DOUBLE
  ),
  owner analytics,
  grain (date_month, gm_source),
  tags (base, seed, finance),
  audits (
    unique_combination_of_columns(columns := (date_month, gm_source)),
    not_null(columns := (date_month, gm_source, value)),
    accepted_values("column" := gm_source, is_in := ('Related to Sales', 'Related to GM1'))
  ),
  description 'Finance seed data_finance_gm_breakdown: two rows per month (2024-01 to 2027-12), the contribution to the burn of the gross margin GM1 (Related to GM1) and of sales (Related to Sales), in CAD. Read by finance dashboards directly; no model reads it. Synthetic rows written by scripts/generate_finance_seeds.py at the original''s order of magnitude (sales -2 000 to 6 000, GM1 around 0 within about 40 000).',
  column_descriptions (
    date_month = 'First day of the month',
    gm_source = 'Related to Sales or Related to GM1',
    value = 'Contribution to the burn (CAD)'
  )
)
