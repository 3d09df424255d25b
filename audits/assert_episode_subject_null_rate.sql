AUDIT (
    name assert_episode_subject_null_rate,
    blocking FALSE
);

/* Monitored rate: per week, at most 20% of the
   episodes have no subject. Returns the failing weeks. */
SELECT
    date_week
    , COUNT(*) AS episode_count
    , COUNT(*) - COUNT(episode_subject) AS episode_subject_null_count
FROM @this_model
GROUP BY
    date_week
HAVING
    COUNT(*) - COUNT(episode_subject) > 0.2 * COUNT(*)
