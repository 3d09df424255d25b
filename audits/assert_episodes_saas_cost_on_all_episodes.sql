AUDIT (
    name assert_episodes_saas_cost_on_all_episodes,
    blocking TRUE
);

/* Every episode of the spine that Usher set active since 2018 (before the day of
   the run) has an episodes_costs row with a positive SaaS cost. Blocking invariant of
   episodes_costs (which lists usher_episode_state_updated and messaging_channels in depends_on).
   Returns the activated episodes without a SaaS cost. */
WITH activated AS (
    SELECT DISTINCT
        states.episode_id
    FROM analytics.usher_episode_state_updated AS states
    INNER JOIN analytics.messaging_channels AS channels
        ON states.episode_id = channels.episode_id
    WHERE
        states.episode_state = 'active'
        AND @to_est(states."timestamp")::DATE >= '2018-01-01'
        AND @to_est(states."timestamp")::DATE < @to_est(@execution_tstz::TIMESTAMPTZ)::DATE
)
SELECT
    activated.episode_id
FROM activated
LEFT JOIN @this_model AS costs
    ON activated.episode_id = costs.episode_id
WHERE
    costs.episode_id IS NULL OR NOT costs.saas_cost > 0
