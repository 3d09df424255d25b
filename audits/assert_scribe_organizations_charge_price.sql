AUDIT (
    name assert_scribe_organizations_charge_price,
    blocking TRUE
);

/* Domain 11.2: a price of 0 if and only if the charge strategy is free. */
SELECT
    organization_id
    , charge_strategy
    , charge_price
FROM @this_model
WHERE
    (
        charge_price = 0
    ) <> (
        charge_strategy = 'free'
    )
