MODEL (
  name analytics.eae_compensation_percentage_monthly,
  kind SEED (
    path '$root/seeds/data_eae_compensation_percentage_monthly.csv'
  ),
  columns (
    date_month DATE,
    eae_compensation_percentage DOUBLE
  ),
  owner analytics,
  grain date_month,
  tags (base, seed, xero, finance),
  audits (
    unique_values(columns := (
      date_month
    )),
    not_null(columns := (date_month, eae_compensation_percentage)),
    accepted_range("column" := eae_compensation_percentage, min_v := 0, max_v := 1)
  ),
  description 'Finance seed data_eae_compensation_percentage_monthly: one row per month (2024-01 to 2027-12, every month of the Xero history, since the CAC model inner-joins it) with the share of account-executive compensation attributable to the enterprise segment (Enterprise Account Executives), a fraction between 0 and 1 (synthetic values between 0.25 and 0.70, the original''s range). Keeps its original unprefixed name.',
  column_descriptions (
    date_month = 'First day of the month',
    eae_compensation_percentage = 'Share of account-executive compensation attributable to the enterprise segment (0 to 1)'
  )
)
