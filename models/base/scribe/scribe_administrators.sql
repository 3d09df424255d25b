MODEL (
  name analytics.scribe_administrators,
  kind SEED (
    path '$root/seeds/data_scribe_administrators.csv'
  ),
  columns (
    administrator_id BIGINT,
    email TEXT,
    created_at TIMESTAMPTZ,
    first_name TEXT,
    last_name TEXT,
    phone_number TEXT
  ),
  owner analytics,
  grain administrator_id,
  tags (base, seed, scribe, membership, pii),
  audits (
    unique_values(columns := (
      administrator_id
    )),
    not_null(columns := (
      administrator_id
    ))
  ),
  description 'Reference seed data_scribe_administrators: one row per Scribe administrator (HR administrators of client organizations), a manual extract of the Scribe administrator table taken in December 2018 (created 2017-04 to 2018-11). The people are synthetic (the original extract holds real people). The CSV columns carry the house names (the original id and created). Phone numbers are mostly empty (null), one holds the literal test, as in the original. No consumer; the unique and not-null audits on administrator_id are additions.',
  column_descriptions (
    administrator_id = 'Scribe administrator id',
    email = '[PII] Email address of the administrator',
    created_at = 'When the administrator account was created (UTC)',
    first_name = '[PII] First name',
    last_name = '[PII] Last name',
    phone_number = '[PII] Phone number as entered; null when empty'
  )
)
