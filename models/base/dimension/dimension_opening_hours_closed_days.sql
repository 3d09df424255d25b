MODEL (
  name analytics.dimension_opening_hours_closed_days,
  kind SEED (
    path '$root/seeds/data_opening_hours_closed_days.csv'
  ),
  columns (
    date_day DATE
  ),
  owner analytics,
  grain date_day,
  tags (base, seed, dimension, staffing),
  audits (unique_values(columns := (
      date_day
    )), not_null(columns := (
      date_day
  ))),
  description 'Reference seed data_opening_hours_closed_days: local days on which the care team was fully closed (Christmas 2017 and New Year 2018 closures); wiw_opening_hours has no row for them.',
  column_descriptions (
    date_day = 'Montreal local day fully closed'
  )
)
