MODEL (
  name analytics.salesforce_employment_start_dates,
  kind SEED (
    path '$root/seeds/data_salesforce_employment_start_dates.csv'
  ),
  columns (
    user_id TEXT,
    start_date DATE
  ),
  owner analytics,
  grain user_id,
  tags (base, seed, salesforce, sales),
  audits (
    unique_values(columns := (
      user_id
    )),
    not_null(columns := (user_id, start_date))
  ),
  description 'Sales seed data_salesforce_employment_start_dates: one row per sales rep (Account Executive or Enterprise Account Executive) with the first day of the month they started, used to remove their first six months of signed MRR from LTV. Synthetic rows: the generated reps (users 0 and 1 exist at every scale, and start in 2025-09 and 2024-10 so their ramp-up months fall in the finance window that starts in 2024; the others only at larger scales). Differs from the original: dates are plain ISO dates (the original CSV quoted them), and the original''s username column (a person''s name, read by nothing) is left out of the seed.',
  column_descriptions (
    user_id = 'Salesforce user id of the rep',
    start_date = 'First day of the month the rep started'
  )
)
