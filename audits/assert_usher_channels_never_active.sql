AUDIT (
    name assert_usher_channels_never_active,
    blocking FALSE
);

/* The original's data test on usher_episode_state_summary: for every completed UTC week since
   2018-01-01, at most 25 % of the messaging channels created that week have no Usher state.
   Returns the weeks over the limit. Models using it list messaging_channels in depends_on. */
WITH channels AS (
    SELECT
        channels.episode_id
        , DATE_TRUNC('WEEK', @to_utc(channels.created_at))::DATE AS date_week
        , audited.episode_id IS NULL AS is_never_active
    FROM analytics.messaging_channels AS channels
    LEFT JOIN @this_model AS audited
        ON channels.episode_id = audited.episode_id
    WHERE
        channels.created_at >= '2018-01-01 00:00:00+00'::TIMESTAMPTZ
)
SELECT
    date_week
    , COUNT(*) AS channels
    , SUM(CASE WHEN is_never_active THEN 1 ELSE 0 END) AS never_active
FROM channels
WHERE
    date_week < DATE_TRUNC('WEEK', @to_utc(@execution_tstz::TIMESTAMPTZ))::DATE
GROUP BY
    date_week
HAVING
    SUM(CASE WHEN is_never_active THEN 1 ELSE 0 END) > 0.25 * COUNT(*)
