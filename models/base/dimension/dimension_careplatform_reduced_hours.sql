MODEL (
  name analytics.dimension_careplatform_reduced_hours,
  kind SEED (
    path '$root/seeds/data_dimension_careplatform_reduced_hours.csv'
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
  description 'Reference seed data_dimension_careplatform_reduced_hours: the local days on which the care team works reduced hours (10:00-16:00 local, whatever the weekday): Christmas and New Year''s Day.',
  column_descriptions (
    date_day = 'Montreal local day with reduced 10:00-16:00 service'
  )
)
