AUDIT (
    name assert_salesforce_pipeline_weighted,
    blocking TRUE
);

/* Every pipeline row has a weighted amount unless its segment group is N/A (which matches no
   probability). Returns the rows without one. */
SELECT
    date_month
    , opportunity_id
    , segment_group
FROM @this_model
WHERE
    segment_group <> 'N/A' AND amount_weighted IS NULL
