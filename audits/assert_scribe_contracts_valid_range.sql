AUDIT (
    name assert_scribe_contracts_valid_range,
    blocking TRUE
);

/* A contract's validity is a non-empty half-open range: during_start < during_end. */
SELECT
    contract_id
    , during_start
    , during_end
FROM @this_model
WHERE
    NOT during_start < during_end
