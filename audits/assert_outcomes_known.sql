AUDIT (
    name assert_outcomes_known,
    blocking FALSE
);

/* Every raw outcome value set in the Care Platform is listed in the outcome seed
   careplatform_dimension_outcome. Non-blocking: an unlisted value is kept in the unknown bucket
   (outcome unknown, category Other, not valid) so no outcome event is lost and prod keeps
   running; the warning names each unknown raw value with its number of events and a sample
   episode, so the seed can be completed. */
SELECT
    audited.outcome_raw
    , COUNT(*) AS events
    , MIN(audited.episode_id) AS sample_episode_id
FROM @this_model AS audited
LEFT JOIN analytics.careplatform_dimension_outcome AS seed
    ON audited.outcome_raw = seed.outcome_raw
WHERE
    seed.outcome_raw IS NULL
GROUP BY
    audited.outcome_raw
