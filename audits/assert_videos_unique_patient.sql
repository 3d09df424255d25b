AUDIT (
    name assert_videos_unique_patient,
    blocking TRUE
);

/* An episode's video starts never involve more than one patient. */
SELECT
    episode_id
    , COUNT(DISTINCT patient_id) AS patients
FROM @this_model
WHERE
    NOT episode_id IS NULL
GROUP BY
    episode_id
HAVING
    COUNT(DISTINCT patient_id) > 1
