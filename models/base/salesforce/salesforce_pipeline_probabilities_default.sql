MODEL (
  name analytics.salesforce_pipeline_probabilities_default,
  kind SEED (
    path '$root/seeds/data_salesforce_pipeline_probabilities_default.csv'
  ),
  columns (
    segment_group TEXT,
    stage_name TEXT,
    probability DOUBLE
  ),
  owner analytics,
  grain (segment_group, stage_name),
  tags (base, seed, salesforce, sales),
  audits (
    unique_combination_of_columns(columns := (segment_group, stage_name)),
    not_null(columns := (segment_group, stage_name, probability)),
    accepted_values("column" := segment_group, is_in := ('1-99', '100-499', '500+')),
    accepted_values(
      "column" := stage_name,
      is_in := ('Meeting Booked', 'Initiate', 'Educate', 'Validate', 'Justify', 'Decide')
    ),
    accepted_range("column" := probability, min_v := 0, max_v := 1, inclusive := FALSE)
  ),
  description 'Sales seed data_salesforce_pipeline_probabilities_default: one row per (segment group, open stage) with the default probability that a deal at that stage is won (baseline from the April 2019 conversion rates, the 18 original rows), used when no empirical rate exists.',
  column_descriptions (
    segment_group = 'Company-size band of the deal: 1-99, 100-499, 500+',
    stage_name = 'Open stage: Meeting Booked, Initiate, Educate, Validate, Justify, Decide',
    probability = 'Default probability of winning a deal at that stage, strictly between 0 and 1'
  )
)
