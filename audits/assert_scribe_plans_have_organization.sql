AUDIT (
    name assert_scribe_plans_have_organization,
    blocking TRUE
);

/* Relationship plan -> organization: every plan belongs to an organization present in scribe_organizations. */
SELECT
    plans.plan_id
    , plans.organization_id
FROM @this_model AS plans
LEFT JOIN analytics.scribe_organizations AS organizations
    ON plans.organization_id = organizations.organization_id
WHERE
    organizations.organization_id IS NULL
