MODEL (
  name analytics.scribe_plan_pricing_exceptions,
  kind SEED (
    path '$root/seeds/data_scribe_plan_pricing_exceptions.csv'
  ),
  columns (
    organization_id BIGINT,
    charge_strategy TEXT,
    charge_price DOUBLE,
    reason TEXT
  ),
  owner analytics,
  grain organization_id,
  tags (base, seed, scribe, membership),
  audits (
    unique_values(columns := (
      organization_id
    )),
    not_null(columns := (organization_id, charge_strategy, charge_price)),
    accepted_values("column" := charge_strategy, is_in := ('free', 'fixed', 'dynamic', 'auto_dynamic'))
  ),
  description 'Per-organization plan pricing exceptions, in one seed instead of hard-coded CASE branches: org 230 fixed at 0.10; internal Dialogue orgs 61, 18 and 251 free; orgs 47 and 84 dynamic at 9; org 56 dynamic at 15. Applied to every plan of the organization in scribe_plans_detailed. New seed of Catwalk (the original hard-coded these rules in the plans base model).',
  column_descriptions (
    organization_id = 'Scribe organization id whose plans are overridden',
    charge_strategy = 'Forced charge strategy: free, fixed, dynamic or auto_dynamic',
    charge_price = 'Forced price in CAD (per employee per month for dynamic, per month for fixed)',
    reason = 'Why the organization is priced by hand'
  )
)
