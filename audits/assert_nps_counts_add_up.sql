AUDIT (
    name assert_nps_counts_add_up,
    blocking TRUE
);

/* Promoters + passives + detractors = responses, and the NPS is consistent with the counts.
   Blocking: an invariant of every NPS aggregate (columns responses_count, promoters_count,
   passives_count, detractors_count, nps). */
SELECT
    responses_count
    , promoters_count
    , passives_count
    , detractors_count
    , nps
FROM @this_model
WHERE
    promoters_count + passives_count + detractors_count <> responses_count
    OR (
        responses_count = 0 AND NOT nps IS NULL
    )
    OR (
        responses_count > 0
        AND ABS(nps - 100.0 * (
            promoters_count - detractors_count
        ) / responses_count) > 0.5
    )
