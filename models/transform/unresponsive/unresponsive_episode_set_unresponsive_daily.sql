MODEL (
    name analytics.unresponsive_episode_set_unresponsive_daily,
    kind FULL,
    cron '0 7 * * *',
    owner analytics,
    grain (episode_id, date_day_est),
    tags (transform, unresponsive, care),
    audits (
        unique_combination_of_columns(columns := (date_day_est, episode_id))
        , not_null(columns := (episode_id, date_day_est, first_timestamp_est, last_timestamp_est, nudge_count))
    ),
    description 'One row per episode and Montreal local day on which the unresponsive-patient workflow nudged the patient (unresponsive_nudge): the first and last nudge times of the day (local) and the number of nudges that day, all iterations counted. FULL, refreshed by the 07:00 UTC run: the table is small (a few nudges per waiting episode), and the name (43 characters, kept for compatibility with the original) is over the 40-character limit of incremental models.'
);

WITH nudges AS (
    SELECT
        episode_id
        , timestamp_est
        , date_day_est
    FROM analytics.unresponsive_nudge
)
SELECT
    episode_id::TEXT AS episode_id /* Episode (messaging channel) of the nudged patient */
    , date_day_est::DATE AS date_day_est /* Montreal local day of the nudges */
    , MIN(timestamp_est)::TIMESTAMP AS first_timestamp_est /* First nudge of the day, Montreal local time (naive) */
    , MAX(timestamp_est)::TIMESTAMP AS last_timestamp_est /* Last nudge of the day, Montreal local time (naive) */
    , COUNT(*)::BIGINT AS nudge_count /* Nudges sent that day, all iterations */
FROM nudges
GROUP BY
    episode_id
    , date_day_est
