MODEL (
    name analytics.scribe_plans_detailed,
    kind FULL,
    cron '0 7,18 * * *',
    owner analytics,
    grain plan_id,
    tags (table, scribe, membership),
    audits (
        unique_values(columns := (
            plan_id
        ))
        , not_null(
            columns := (
                plan_id
                , organization_id
                , charge_strategy
                , charge_price
                , has_24_7
                , has_mental_health
                , charge_price_mental_health
                , charge_price_24_7
                , is_pricing_exception
            )
        )
        , accepted_values("column" := charge_strategy, is_in := ('free', 'fixed', 'dynamic', 'auto_dynamic'))
        , assert_scribe_plans_have_organization
    ),
    description 'One row per Scribe plan of an existing organization, with its effective pricing and its features. Pricing rules, in order: the per-organization exceptions of seed scribe_plan_pricing_exceptions override strategy and price; a missing strategy is labelled free but keeps its price; auto_dynamic is priced 15; otherwise the price is COALESCE(charge_price, 0), whatever the strategy (as in the original, there is no rule pricing free at 0: a plan with no strategy and a price of 9 is labelled free and stays priced 9). features is the comma-separated feature list; charge_price_mental_health is 5 when the plan has mental_health or mental_health_family; charge_price_24_7 is the 24/7 uplift embedded in the price (17/117 of it) when the plan has 24_7. Plans of organizations deleted from Scribe are dropped. FULL: small, rebuilt on every 07:00 and 18:00 UTC run. Differs from the original: the exceptions live in a seed instead of hard-coded SQL.'
);

WITH plans AS (
    SELECT
        plan_id
        , organization_id
        , plan_name
        , created_at
        , during_start
        , during_end
        , charge_strategy
        , charge_price
    FROM analytics.scribe_plans
), organizations AS (
    SELECT
        organization_id
    FROM analytics.scribe_organizations
), pricing_exceptions AS (
    SELECT
        organization_id
        , charge_strategy
        , charge_price
    FROM analytics.scribe_plan_pricing_exceptions
), plan_features AS (
    SELECT
        plan_id
        , feature_id
    FROM analytics.scribe_plan_features
), features AS (
    SELECT
        feature_id
        , feature_name
    FROM analytics.scribe_features
), plan_feature_lists AS (
    SELECT
        plan_features.plan_id
        , @ordered_string_agg(features.feature_name, ',', features.feature_name) AS features
        , MAX(CASE WHEN features.feature_name = '24_7' THEN 1 ELSE 0 END) = 1 AS has_24_7
        , MAX(CASE WHEN features.feature_name IN ('mental_health', 'mental_health_family') THEN 1 ELSE 0 END) = 1 AS has_mental_health
    FROM plan_features
    INNER JOIN features
        ON plan_features.feature_id = features.feature_id
    GROUP BY
        plan_features.plan_id
), priced AS (
    SELECT
        plans.plan_id
        , plans.organization_id
        , plans.plan_name
        , plans.created_at
        , plans.during_start
        , plans.during_end
        , plans.charge_strategy AS scribe_charge_strategy
        , plans.charge_price AS scribe_charge_price
        , NOT pricing_exceptions.organization_id IS NULL AS is_pricing_exception
        , COALESCE(pricing_exceptions.charge_strategy, plans.charge_strategy, 'free') AS charge_strategy
        , CASE
            WHEN NOT pricing_exceptions.organization_id IS NULL
            THEN pricing_exceptions.charge_price
            WHEN plans.charge_strategy = 'auto_dynamic'
            THEN 15
            ELSE COALESCE(plans.charge_price, 0)
        END AS charge_price
        , plan_feature_lists.features
        , COALESCE(plan_feature_lists.has_24_7, FALSE) AS has_24_7
        , COALESCE(plan_feature_lists.has_mental_health, FALSE) AS has_mental_health
    FROM plans
    INNER JOIN organizations
        ON plans.organization_id = organizations.organization_id
    LEFT JOIN pricing_exceptions
        ON plans.organization_id = pricing_exceptions.organization_id
    LEFT JOIN plan_feature_lists
        ON plans.plan_id = plan_feature_lists.plan_id
)
SELECT
    plan_id::BIGINT AS plan_id /* Scribe plan id */
    , organization_id::BIGINT AS organization_id /* Organization that owns the plan */
    , plan_name::TEXT AS plan_name /* English name of the plan */
    , created_at::TIMESTAMPTZ AS created_at /* When the plan was created (UTC) */
    , during_start::TIMESTAMPTZ AS during_start /* Start of validity, inclusive (UTC) */
    , during_end::TIMESTAMPTZ AS during_end /* End of validity, exclusive (UTC); 9999-12-31 23:59:59.999999+00 when open-ended */
    , scribe_charge_strategy::TEXT AS scribe_charge_strategy /* Charge strategy as stored in Scribe, before the pricing rules */
    , scribe_charge_price::DOUBLE AS scribe_charge_price /* Price as stored in Scribe, before the pricing rules, CAD */
    , is_pricing_exception::BOOLEAN AS is_pricing_exception /* The organization is priced by hand (seed scribe_plan_pricing_exceptions) */
    , charge_strategy::TEXT AS charge_strategy /* Effective charge strategy: free, fixed, dynamic or auto_dynamic */
    , charge_price::DOUBLE AS charge_price /* Effective price, CAD: per month for fixed, per active employee per month for dynamic, 15 for auto_dynamic, else the Scribe price (0 when missing), free included */
    , features::TEXT AS features /* Comma-separated feature names of the plan, alphabetical; null when the plan has none */
    , has_24_7::BOOLEAN AS has_24_7 /* The plan includes 24/7 care */
    , has_mental_health::BOOLEAN AS has_mental_health /* The plan includes mental_health or mental_health_family */
    , (
        CASE WHEN has_mental_health THEN 5 ELSE 0 END
    )::DOUBLE AS charge_price_mental_health /* Mental-health add-on price per employee per month, CAD (5 when included) */
    , (
        CASE WHEN has_24_7 THEN charge_price * 17.0 / 117.0 ELSE 0 END
    )::DOUBLE AS charge_price_24_7 /* 24/7 uplift embedded in the price (17/117 of it) when included, CAD */
FROM priced
