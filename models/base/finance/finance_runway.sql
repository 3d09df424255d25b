MODEL (
  name analytics.finance_runway,
  kind SEED (
    path '$root/seeds/data_finance_runway.csv'
  ),
  columns (
    date_month DATE,
    forecast DOUBLE
  ),
  owner analytics,
  grain date_month,
  tags (base, seed, finance),
  audits (
    unique_values(columns := (
      date_month
    )),
    not_null(columns := (date_month, forecast))
  ),
  description 'Finance seed data_finance_runway: one row per month (2024-01 to 2027-12) with the cash position finance tracks for the runway, actuals for past months and forecast after (CAD; negative once the cash would run out). Read by finance dashboards directly; no model reads it. Synthetic rows written by scripts/generate_finance_seeds.py: 14.5 M CAD in 2024-01, burning 0.3 to 0.6 M a month, negative from 2026-10.',
  column_descriptions (
    date_month = 'First day of the month',
    forecast = 'Cash position at the month (CAD): actual for past months, forecast after'
  )
)
