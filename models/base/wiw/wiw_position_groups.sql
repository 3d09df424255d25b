MODEL (
  name analytics.wiw_position_groups,
  kind SEED (
    path '$root/seeds/data_wiw_position_groups.csv',
    csv_settings (keep_default_na = FALSE)
  ),
  columns (
    position_name TEXT,
    position_group TEXT
  ),
  owner analytics,
  grain position_name,
  tags (base, seed, wiw, staffing),
  audits (
    unique_values(columns := (
      position_name
    )),
    not_null(columns := (position_name, position_group))
  ),
  description 'Reference seed data_wiw_position_groups: one row per When I Work position name, mapped to the care role it staffs (Nurse Clinician, Care Coordinator, General Practitioner, ... or N/A). Read with keep_default_na false so the literal N/A group is not loaded as null.',
  column_descriptions (
    position_name = 'When I Work position name',
    position_group = 'Care role the position belongs to (N/A for non-care positions)'
  )
)
