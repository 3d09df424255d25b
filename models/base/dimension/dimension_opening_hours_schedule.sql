MODEL (
  name analytics.dimension_opening_hours_schedule,
  kind SEED (
    path '$root/seeds/data_opening_hours_schedule.csv'
  ),
  columns (
    iso_day_of_week INT,
    valid_from DATE,
    valid_to DATE,
    opening_hour INT,
    closing_hour INT,
    rule TEXT
  ),
  owner analytics,
  grain (iso_day_of_week, valid_from),
  tags (base, seed, dimension, staffing),
  audits (
    unique_combination_of_columns(columns := (iso_day_of_week, valid_from)),
    not_null(columns := (iso_day_of_week, valid_from, opening_hour, closing_hour)),
    accepted_range("column" := iso_day_of_week, min_v := 1, max_v := 7)
  ),
  description 'Reference seed data_opening_hours_schedule: the dated weekly opening-hours rules of the care team, one row per ISO weekday and validity period [valid_from, valid_to) (valid_to empty = still valid). A weekday without a valid row is closed (Sundays before 2017-11-01). Dated changes: Friday 08:00-17:00 became 08:00-20:00 on 2017-08-01; Sunday opened 10:00-16:00 on 2017-11-01. Read by wiw_opening_hours.',
  column_descriptions (
    iso_day_of_week = 'ISO weekday: 1 = Monday ... 7 = Sunday',
    valid_from = 'First local day the rule applies (inclusive)',
    valid_to = 'Local day the rule stops applying (exclusive); null = still valid',
    opening_hour = 'Opening hour, local time (whole hours)',
    closing_hour = 'Closing hour, local time (whole hours)',
    rule = 'The rule in words'
  )
)
