AUDIT (
    name assert_episodes_outcome_in_outcome_seed,
    blocking TRUE
);

/* Relationship: the (outcome, outcome_category) of every row of the audited
   model exists in the outcome seed careplatform_dimension_outcome. Rows without outcome pass, and
   so do rows in the unknown bucket (outcome unknown, category Other: a raw value missing from the
   seed, reported by the non-blocking audit assert_outcomes_known). */
SELECT
    audited.outcome
    , audited.outcome_category
FROM @this_model AS audited
LEFT JOIN (
    SELECT DISTINCT
        outcome
        , outcome_category
    FROM analytics.careplatform_dimension_outcome
) AS seed
    ON audited.outcome = seed.outcome AND audited.outcome_category = seed.outcome_category
WHERE
    NOT audited.outcome IS NULL
    AND seed.outcome IS NULL
    AND NOT (
        audited.outcome = 'unknown' AND audited.outcome_category = 'Other'
    )
