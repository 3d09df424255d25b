MODEL (
  name analytics.finance_rebate_monthly,
  kind SEED (
    path '$root/seeds/data_finance_rebate_monthly.csv'
  ),
  columns (
    date_month DATE,
    rebate_percentage DECIMAL(6, 4)
  ),
  owner analytics,
  grain date_month,
  tags (base, seed, finance),
  audits (
    unique_values(columns := (
      date_month
    )),
    not_null(columns := (date_month, rebate_percentage)),
    accepted_range("column" := rebate_percentage, min_v := 0, max_v := 1)
  ),
  description 'Finance seed data_finance_rebate_monthly: one row per month with the cost rebate finance applied to front-line costs in GM1 (a fraction, e.g. 0.05 = 5%). GM1 uses no rebate for months without a row.',
  column_descriptions (
    date_month = 'First day of the month',
    rebate_percentage = 'Rebate on front-line costs as a fraction between 0 and 1'
  )
)
