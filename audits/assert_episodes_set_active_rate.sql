AUDIT (
    name assert_episodes_set_active_rate,
    blocking FALSE
);

/* Monitored rate: per Monday week
   of episode creation (UTC) since 2018, at most 25% of the episodes were never set active.
   Returns the failing weeks. */
SELECT
    DATE_TRUNC('WEEK', @to_utc(created_at))::DATE AS created_week
    , COUNT(*) AS episode_count
    , COUNT(*) - COUNT(first_set_active) AS never_active_count
FROM @this_model
WHERE
    created_at >= '2018-01-01 00:00:00+00'::TIMESTAMPTZ
GROUP BY
    DATE_TRUNC('WEEK', @to_utc(created_at))::DATE
HAVING
    COUNT(*) - COUNT(first_set_active) > 0.25 * COUNT(*)
