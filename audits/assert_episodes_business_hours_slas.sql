AUDIT (
    name assert_episodes_business_hours_slas,
    blocking FALSE
);

/* Monitored rates: per local Monday week
   of the first message since 2018-06-04, at least 83% of the SLA-evaluable episodes are answered
   within 15 minutes and at least 66% of the in-hours episodes are SLA-evaluable. Returns the
   failing weeks. */
SELECT
    date_week_est
    , COUNT(*) AS in_hours_episode_count
    , COUNT(sla_answered_within_15_minutes) AS evaluable_count
    , COUNT(CASE WHEN sla_answered_within_15_minutes THEN 1 END) AS within_sla_count
FROM @this_model
WHERE
    is_first_message_in_opening_hours AND date_week_est >= '2018-06-04'
GROUP BY
    date_week_est
HAVING
    COUNT(CASE WHEN sla_answered_within_15_minutes THEN 1 END) < 0.83 * COUNT(sla_answered_within_15_minutes)
    OR COUNT(sla_answered_within_15_minutes) < 0.66 * COUNT(*)
