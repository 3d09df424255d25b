AUDIT (
    name assert_scribe_contracts_have_plan,
    blocking TRUE
);

/* Relationship contract -> plan: every contract's plan exists and belongs to the contract's organization. */
SELECT
    contracts.contract_id
    , contracts.plan_id
    , contracts.organization_id
FROM @this_model AS contracts
LEFT JOIN analytics.scribe_plans_detailed AS plans
    ON contracts.plan_id = plans.plan_id AND contracts.organization_id = plans.organization_id
WHERE
    plans.plan_id IS NULL
