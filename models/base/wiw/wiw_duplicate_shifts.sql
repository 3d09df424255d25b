MODEL (
  name analytics.wiw_duplicate_shifts,
  kind SEED (
    path '$root/seeds/data_wiw_duplicate_shifts.csv'
  ),
  columns (
    shift_id BIGINT
  ),
  owner analytics,
  grain shift_id,
  tags (base, seed, wiw, staffing),
  audits (unique_values(columns := (
      shift_id
    )), not_null(columns := (
      shift_id
  ))),
  description 'Reference seed data_wiw_duplicate_shifts: the When I Work shift ids known to duplicate another shift, hard-excluded by wiw_shifts (the original hard-coded eight ids in SQL; they live here instead). The ids of the original are not part of the domain description: the rows hold eight placeholder ids outside the generated id range until the real ones are known.',
  column_descriptions (
    shift_id = 'When I Work shift id to exclude'
  )
)
