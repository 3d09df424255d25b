MODEL (
  name analytics.dimension_dispatch_recommendation,
  kind SEED (
    path '$root/seeds/data_dimension_dispatch_recommendation.csv'
  ),
  columns (
    dispatch_recommendation_raw TEXT,
    dispatch_recommendation TEXT
  ),
  owner analytics,
  grain dispatch_recommendation_raw,
  tags (base, seed, careplatform, care),
  audits (
    unique_values(columns := (
      dispatch_recommendation_raw
    )),
    not_null(columns := (dispatch_recommendation_raw, dispatch_recommendation))
  ),
  description 'Reference seed data_dimension_dispatch_recommendation: one row per "Outcome ..." slash command id a nurse sends after DXA, mapped to its normalised dispatch recommendation.',
  column_descriptions (
    dispatch_recommendation_raw = 'Slash command id as triggered in the Care Platform (executed_command.command_id)',
    dispatch_recommendation = 'Normalised dispatch recommendation'
  )
)
