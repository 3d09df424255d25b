MODEL (
  name analytics.salesforce_inbound_lead_sources,
  kind SEED (
    path '$root/seeds/data_salesforce_inbound_lead_sources.csv'
  ),
  columns (
    lead_source TEXT
  ),
  owner analytics,
  grain lead_source,
  tags (base, seed, salesforce, sales),
  audits (
    unique_values(columns := (
      lead_source
    )),
    not_null(columns := (
      lead_source
    ))
  ),
  description 'Sales seed data_salesforce_inbound_lead_sources: one row per lead source that counts as inbound (the 14 original values: Adwords, Website, Webinar, Linkedin Ads, ...). An account whose account_source is in this list is an inbound account.',
  column_descriptions (
    lead_source = 'Salesforce lead source value that counts as inbound'
  )
)
