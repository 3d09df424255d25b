AUDIT (
    name assert_scribe_organizations_billing_start_date,
    blocking TRUE
);

/* Domain 11.2: every organization has a billing start date, and none is before 2016-01-01. */
SELECT
    organization_id
    , billing_start_date
FROM @this_model
WHERE
    billing_start_date IS NULL OR billing_start_date < '2016-01-01'::DATE
