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
  tags (base, seed, medops),
  audits (
    unique_values(columns := (
      date_month
    )),
    not_null(
      columns := (date_month, nurse_consultations, gp_consultations, mental_health_consultations)
    )
  ),
  description 'Reference seed data_ubisoft_clinic_consultation_count: monthly in-person consultation volumes of one client on-site clinic (nurse, general practitioner, mental health), January to September 2018. Dates are stored as ISO first days of the month (the original CSV wrote them M/D/YYYY).',
  column_descriptions (
    date_month = 'First day of the month',
    nurse_consultations = 'In-person nurse consultations in the month',
    gp_consultations = 'In-person general-practitioner consultations in the month',
    mental_health_consultations = 'In-person mental-health consultations in the month'
  )
)
