MODEL (
    name analytics.usher_episode_state_summary,
    kind FULL,
    cron '0 7 * * *',
    depends_on [analytics.messaging_channels],
    owner analytics,
    grain episode_id,
    tags (transform, usher, care),
    audits (
        unique_values(columns := (
            episode_id
        ))
        , not_null(
            columns := (
                episode_id
                , first_state_updated
                , first_state_updated_est
                , first_state_updated_date_day
                , first_state_updated_date_day_est
            )
        )
        , assert_usher_channels_never_active
    ),
    description 'One row per episode with at least one Usher state change (usher_episode_state_updated, which includes the synthetic waiting_for_patient states derived from nudges before 2019-01-29): when its state first changed, any state (not only active), in UTC and Montreal local time, with both days. FULL, refreshed by the 07:00 UTC run: a minimum over all history, cheap on one small row per episode. The original data test is kept as a non-blocking audit: in every completed UTC week since 2018-01-01, at most 25 % of the messaging channels created that week have no Usher state.'
);

WITH states AS (
    SELECT
        episode_id
        , "timestamp"
        , timestamp_est
        , date_day
        , date_day_est
    FROM analytics.usher_episode_state_updated
)
SELECT
    episode_id::TEXT AS episode_id /* Episode (messaging channel) */
    , MIN("timestamp")::TIMESTAMPTZ AS first_state_updated /* First Usher state change of the episode, any state (UTC) */
    , MIN(timestamp_est)::TIMESTAMP AS first_state_updated_est /* First state change, Montreal local time (naive) */
    , MIN(date_day)::DATE AS first_state_updated_date_day /* UTC day of the first state change */
    , MIN(date_day_est)::DATE AS first_state_updated_date_day_est /* Montreal local day of the first state change */
FROM states
WHERE
    NOT episode_id IS NULL
GROUP BY
    episode_id
