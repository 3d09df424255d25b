AUDIT (
    name assert_scribe_contracts_have_organization,
    blocking TRUE
);

/* Relationship contract -> organization: every contract's organization is a (non-test) organization of scribe_organizations_detailed. */
SELECT
    contracts.contract_id
    , contracts.organization_id
FROM @this_model AS contracts
LEFT JOIN analytics.scribe_organizations_detailed AS organizations
    ON contracts.organization_id = organizations.organization_id
WHERE
    organizations.organization_id IS NULL
