MODEL (
  name analytics.finance_revenue_and_costs_monthly,
  kind SEED (
    path '$root/seeds/data_finance_revenue_and_costs_monthly.csv'
  ),
  columns (
    date_month DATE,
    telehealth_revenue DECIMAL(14, 2),
    mrr DECIMAL(14, 2),
    fl_gp_cost DECIMAL(14, 2),
    fl_np_cost DECIMAL(14, 2),
    fl_nc_cost DECIMAL(14, 2),
    fl_cc_cost DECIMAL(14, 2),
    bonjour_sante_cost DECIMAL(14, 2),
    adjustments_np DECIMAL(14, 2),
    adjustments_nc DECIMAL(14, 2),
    adjustments_cc DECIMAL(14, 2),
    licenses_cost DECIMAL(14, 2),
    saas_cost DECIMAL(14, 2)
  ),
  owner analytics,
  grain date_month,
  tags (base, seed, finance),
  audits (
    unique_values(columns := (
      date_month
    )),
    not_null(columns := (
      date_month
    )),
    forall(
      criteria := (
        EXTRACT(DAY FROM date_month) = 1,
        COALESCE(fl_gp_cost, 0) >= 0,
        COALESCE(fl_np_cost, 0) >= 0,
        COALESCE(fl_nc_cost, 0) >= 0,
        COALESCE(fl_cc_cost, 0) >= 0,
        COALESCE(bonjour_sante_cost, 0) >= 0,
        COALESCE(saas_cost, 0) >= 0
      )
    )
  ),
  description 'Finance seed data_finance_revenue_and_costs_monthly: one row per month of actual telehealth revenue and front-line ("fl") staffing costs by role, as maintained by finance. Drives the hourly rates per role, the cost per video, the SaaS and Bonjour Santé allocations and GM1. Money in Canadian dollars. Differs from the original: the stale column names of the dbt config (other_cost, licence_cost) are gone; the columns are those of the CSV, typed as decimals.',
  column_descriptions (
    date_month = 'First day of the month',
    telehealth_revenue = 'Telehealth revenue recognised in the month (CAD)',
    mrr = 'Monthly recurring revenue at month end (CAD)',
    fl_gp_cost = 'Front-line cost of General Practitioners in the month (CAD)',
    fl_np_cost = 'Front-line cost of Nurse Practitioners in the month (CAD)',
    fl_nc_cost = 'Front-line cost of Nurse Clinicians in the month (CAD)',
    fl_cc_cost = 'Front-line cost of Care Coordinators in the month (CAD)',
    bonjour_sante_cost = 'Bonjour Santé third-party appointment booking cost in the month (CAD)',
    adjustments_np = 'Operational cost adjustments of Nurse Practitioners (CAD), added to the ops hourly rate',
    adjustments_nc = 'Operational cost adjustments of Nurse Clinicians (CAD), added to the ops hourly rate',
    adjustments_cc = 'Operational cost adjustments of Care Coordinators (CAD), added to the ops hourly rate',
    licenses_cost = 'Professional licence costs (CAD), added to the Nurse Clinician ops hourly rate',
    saas_cost = 'Software-as-a-service cost of the month (CAD), allocated to activated episodes'
  )
)
