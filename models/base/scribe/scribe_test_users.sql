MODEL (
  name analytics.scribe_test_users,
  kind SEED (
    path '$root/seeds/data_scribe_test_users.csv'
  ),
  columns (
    user_id TEXT
  ),
  owner analytics,
  grain user_id,
  tags (base, seed, scribe, membership),
  audits (unique_values(columns := (
      user_id
    )), not_null(columns := (
      user_id
  ))),
  description 'Reference seed data_scribe_test_users: one row per QA account living in the production Scribe. Excluded wherever a test account could enter a business table (posts, slash commands, scribe_contracts participants, scribe_users_detailed, episodes, videos, calls).',
  column_descriptions (
    user_id = 'Scribe user id of the QA account'
  )
)
