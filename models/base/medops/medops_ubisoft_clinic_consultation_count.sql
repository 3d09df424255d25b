MODEL (
  name analytics.medops_ubisoft_clinic_consultation_count,
  kind SEED (
    path '$root/seeds/data_ubisoft_clinic_consultation_count.csv'
  ),
  columns (
    date_month DATE,
    nurse_consultations INT,
    gp_consultations INT,
    mental_health_consultations INT
  ),
  owner analytics,
  grain date_month,
  tags (base, seed, medops, care),
  audits (
    unique_values(columns := (
      date_month
    )),
    not_null(
      columns := (date_month, nurse_consultations, gp_consultations, mental_health_consultations)
    )
  ),
  description 'Reference seed data_ubisoft_clinic_consultation_count: in-person consultations per month at the clinic of one client (Ubisoft Divertissements Inc., Bureau de Montreal), 2018-01 to 2018-09, by nurses, GPs and mental-health professionals. Read by videos_rate_by_org_monthly for that organization only. The original CSV wrote the months as M/D/YYYY; this one uses ISO dates.',
  column_descriptions (
    date_month = 'First day of the month',
    nurse_consultations = 'In-person nurse consultations at the clinic that month',
    gp_consultations = 'In-person GP consultations at the clinic that month',
    mental_health_consultations = 'In-person mental-health consultations at the clinic that month'
  )
)
