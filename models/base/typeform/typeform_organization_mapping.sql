MODEL (
  name analytics.typeform_organization_mapping,
  kind SEED (
    path '$root/seeds/data_typeform_organization_mapping.csv'
  ),
  columns (
    response_id TEXT,
    organization_id BIGINT,
    specialist_name TEXT
  ),
  owner analytics,
  grain response_id,
  tags (base, seed, typeform, cs, pii),
  audits (
    unique_values(columns := (
      response_id
    )),
    not_null(columns := (response_id, organization_id))
  ),
  description 'Reference seed data_typeform_organization_mapping: back-fill of the organization (and of the customer-success specialist who ran the onboarding) for onboarding-survey responses collected before the form captured the organization id in its hidden fields. Synthetic content: specialist names are made up.',
  column_descriptions (
    response_id = 'Typeform response id',
    organization_id = 'Scribe organization the response belongs to',
    specialist_name = '[PII] Name of the customer-success specialist who ran the onboarding (empty when unknown)'
  )
)
