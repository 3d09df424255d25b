MODEL (
  name analytics.careplatform_dimension_outcome,
  kind SEED (
    path '$root/seeds/data_careplatform_dimension_outcome.csv'
  ),
  columns (
    outcome_raw TEXT,
    outcome TEXT,
    outcome_category TEXT,
    is_valid_outcome BOOLEAN
  ),
  owner analytics,
  grain outcome_raw,
  tags (base, seed, care),
  audits (
    unique_values(columns := (
      outcome_raw
    )),
    not_null(columns := (outcome_raw, outcome, outcome_category, is_valid_outcome)),
    accepted_values(
      "column" := outcome_category,
      is_in := ('Diagnostic', 'Navigation', 'Unsuitable episode', 'Other')
    )
  ),
  description 'Reference seed data_careplatform_dimension_outcome: one row per raw outcome value a practitioner can set in the Care Platform, mapped to its normalised outcome, outcome category and whether it counts as a valid (resolving) outcome.',
  column_descriptions (
    outcome_raw = 'Outcome value as set in the Care Platform (update_episode_properties)',
    outcome = 'Normalised outcome',
    outcome_category = 'Diagnostic, Navigation, Unsuitable episode or Other',
    is_valid_outcome = 'True when the outcome resolves the episode'
  )
)
