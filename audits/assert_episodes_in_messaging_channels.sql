AUDIT (
    name assert_episodes_in_messaging_channels,
    blocking TRUE
);

/* Relationship: every episode_id of the audited model is an episode of the
   spine messaging_channels. Models using it list messaging_channels in depends_on so the spine is
   built first. Returns the orphan rows. */
SELECT
    audited.episode_id
FROM @this_model AS audited
LEFT JOIN analytics.messaging_channels AS channels
    ON audited.episode_id = channels.episode_id
WHERE
    channels.episode_id IS NULL
