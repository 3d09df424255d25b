MODEL (
    name analytics.scribe_plans,
    kind FULL,
    cron '0 7,18 * * *',
    owner analytics,
    grain plan_id,
    tags (base, scribe, membership),
    audits (
        unique_values(columns := (
            plan_id
        ))
        , not_null(columns := (plan_id, organization_id, during_start, during_end, imported_at))
        , accepted_values("column" := charge_strategy, is_in := ('free', 'fixed', 'dynamic', 'auto_dynamic'))
        , accepted_range("column" := charge_price, min_v := 0)
    ),
    description 'One row per Scribe plan (what an organization buys), from the Lambda replica scribe.plan. FULL: small replica updated in place, rebuilt on every 07:00 and 18:00 UTC run; history in archive.scribe_plans_archived. The validity range (Postgres tstzrange during; its text literal on DuckDB) is parsed from its text form into half-open during_start / during_end (open-ended: 9999-12-31 23:59:59.999999+00) so both engines give identical values. Pricing is kept as Scribe stores it; the pricing rules (per-organization exceptions seed, auto_dynamic at 15, missing strategy = free) are applied in scribe_plans_detailed, not here as in the original.'
);

WITH plans AS (
    SELECT
        id
        , organization_id
        , created
        , during::TEXT AS during_text
        , description_en
        , description_fr
        , name_en
        , name_fr
        , stripe_plan_id
        , charge_strategy
        , charge_price
        , imported_at
    FROM scribe.plan
    WHERE
        NOT id IS NULL
    QUALIFY
        ROW_NUMBER() OVER (PARTITION BY id ORDER BY imported_at DESC) = 1
), parsed AS (
    SELECT
        id
        , organization_id
        , created
        , NULLIF(TRIM(SPLIT_PART(during_text, ',', 1), '[("'), '')::TIMESTAMPTZ AS during_start
        , COALESCE(
            NULLIF(TRIM(SPLIT_PART(during_text, ',', 2), '])"'), '')::TIMESTAMPTZ,
            '9999-12-31 23:59:59.999999+00'::TIMESTAMPTZ
        ) AS during_end
        , description_en
        , description_fr
        , name_en
        , name_fr
        , stripe_plan_id
        , charge_strategy
        , charge_price
        , imported_at
    FROM plans
)
SELECT
    id::BIGINT AS plan_id /* Scribe plan id */
    , organization_id::BIGINT AS organization_id /* Organization that owns the plan */
    , created::TIMESTAMPTZ AS created_at /* When the plan was created (UTC) */
    , COALESCE(during_start, created)::TIMESTAMPTZ AS during_start /* Start of validity, inclusive (UTC; plan creation when the range has no lower bound) */
    , during_end::TIMESTAMPTZ AS during_end /* End of validity, exclusive (UTC); 9999-12-31 23:59:59.999999+00 when open-ended */
    , @to_est(COALESCE(during_start, created))::TIMESTAMP AS during_start_est /* Start of validity, Montreal local time (naive) */
    , @to_est(during_end)::TIMESTAMP AS during_end_est /* End of validity, Montreal local time (naive) */
    , name_en::TEXT AS plan_name /* English name of the plan */
    , name_fr::TEXT AS name_fr /* French name of the plan */
    , description_en::TEXT AS description_en /* English description */
    , description_fr::TEXT AS description_fr /* French description */
    , stripe_plan_id::TEXT AS stripe_plan_id /* Plan id in Stripe (legacy billing) */
    , LOWER(charge_strategy)::TEXT AS charge_strategy /* Charge strategy as stored in Scribe (free, fixed, dynamic, auto_dynamic or null) */
    , charge_price::DOUBLE AS charge_price /* Price as stored in Scribe, CAD (per employee per month for dynamic) */
    , COALESCE(imported_at, created)::TIMESTAMPTZ AS imported_at /* Last Lambda import of this row (UTC), creation time when the loader left it null; archive updated_at */
FROM parsed
