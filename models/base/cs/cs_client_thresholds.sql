MODEL (
  name analytics.cs_client_thresholds,
  kind SEED (
    path '$root/seeds/data_cs_client_thresholds.csv'
  ),
  columns (
    days_since_launch INT,
    invited_employee_count INT,
    signed_up_employee_rate DOUBLE,
    activated_employee_rate DOUBLE,
    survey_count_cum INT,
    average_score DECIMAL(4, 2),
    total_consults INT
  ),
  owner analytics,
  grain days_since_launch,
  tags (base, seed, cs),
  audits (
    unique_values(columns := (
      days_since_launch
    )),
    not_null(
      columns := (
        days_since_launch,
        invited_employee_count,
        signed_up_employee_rate,
        activated_employee_rate,
        survey_count_cum,
        average_score,
        total_consults
      )
    ),
    accepted_range("column" := signed_up_employee_rate, min_v := 0, max_v := 1),
    accepted_range("column" := activated_employee_rate, min_v := 0, max_v := 1)
  ),
  description 'Reference seed data_cs_client_thresholds: the targets a client organization should reach 30, 60 and 90 days after its launch (invited employees, sign-up and activation rates, cumulative NPS surveys, average score, consultations), read by the client dashboard. Rates are stored as fractions (0.20), not as the percent text (20%) of the original seed, which could not be compared with computed rates.',
  column_descriptions (
    days_since_launch = 'Days since the organization launched (30, 60 or 90)',
    invited_employee_count = 'Target number of invited employees',
    signed_up_employee_rate = 'Target share of invited employees signed up (fraction 0-1)',
    activated_employee_rate = 'Target share of invited employees activated (fraction 0-1)',
    survey_count_cum = 'Target cumulative number of NPS survey responses',
    average_score = 'Target average NPS score (0-10)',
    total_consults = 'Target cumulative number of consultations'
  )
)
