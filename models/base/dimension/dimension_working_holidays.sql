MODEL (
  name analytics.dimension_working_holidays,
  kind SEED (
    path '$root/seeds/data_dimension_working_holidays.csv'
  ),
  columns (
    date_day DATE,
    holiday TEXT
  ),
  owner analytics,
  grain date_day,
  tags (base, seed, dimension, calendar),
  audits (
    unique_values(columns := (
      date_day
    )),
    not_null(columns := (date_day, holiday))
  ),
  description 'Reference seed data_dimension_working_holidays: the Quebec statutory holidays on which no business minute counts (New Year, Good Friday, Easter Monday, National Patriots Day, Saint-Jean-Baptiste, Canada Day, Labour Day, Thanksgiving, Christmas), 2018 to 2030, on their calendar date (a holiday falling on a weekend is not moved to a weekday, as in the original 2018 list). Extend it before 2030 so the business-minute calendar keeps covering the year after the run.',
  column_descriptions (
    date_day = 'Local (Montreal) day of the holiday',
    holiday = 'Name of the holiday'
  )
)
