MODEL (
  name analytics.salesforce_partnership_owners,
  kind SEED (
    path '$root/seeds/data_salesforce_partnership_owners.csv'
  ),
  columns (
    user_id TEXT,
    user_name TEXT
  ),
  owner analytics,
  grain user_id,
  tags (base, seed, salesforce, sales, pii),
  audits (unique_values(columns := (
      user_id
    )), not_null(columns := (
      user_id
  ))),
  description 'Sales rule seed data_salesforce_partnership_owners: one row per Salesforce user of the partnership team; their opportunities are partnership deals, not direct sales. Replaces the two user ids the original hard-coded in salesforce_opportunities_detailed_direct. Synthetic rows: the two fixed-id partnership users of the generator.',
  column_descriptions (
    user_id = 'Salesforce user id of a partnership-team member',
    user_name = '[PII] Name of the partnership-team member (a label in the synthetic seed)'
  )
)
