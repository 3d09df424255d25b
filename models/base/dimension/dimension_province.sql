MODEL (
  name analytics.dimension_province,
  kind SEED (
    path '$root/seeds/data_dimension_province.csv'
  ),
  columns (
    province_name TEXT,
    province_code TEXT,
    region TEXT
  ),
  owner analytics,
  grain province_code,
  tags (base, seed, dimension, membership),
  audits (
    unique_values(columns := (province_code, province_name)),
    not_null(columns := (province_name, province_code, region)),
    accepted_values(
      "column" := region,
      is_in := ('Central Canada', 'Atlantic Canada', 'Western Canada', 'Northern Canada')
    )
  ),
  description 'Reference seed data_dimension_province: one row per Canadian province or territory with its two-letter code and region. Note: Yukon is coded YK here while Scribe uses YT; models that map Scribe codes translate YT to YK before joining.',
  column_descriptions (
    province_name = 'Full province or territory name (e.g. Ontario)',
    province_code = 'Two-letter code (Yukon is YK, not YT)',
    region = 'Central, Atlantic, Western or Northern Canada'
  )
)
