MODEL (
    name analytics.metabase_medops_daily_cost_per_episode_7_days,
    kind FULL,
    cron '0 7 * * *',
    owner analytics,
    grain date_day_est,
    tags (meta, metabase, medops),
    audits (
        assert_exactly_one_row
        , not_null(columns := (
            date_day_est
        ))
        , not_null(columns := (
            costs_7_days_avg
        ), blocking := FALSE)
    ),
    description 'Daily Metabase KPI, one row: the average staff cost of an episode over its first 7 days, for the episodes whose first patient message (episodes.first_message_patient, Montreal local time) fell on the local day 8 days before the day of the run (the last day whose episodes have had 7 full days). Per episode, total_cost of costs_by_episode_daily is summed over its cost days whose local midnight (date_day_est) is earlier than the first patient message + 7 days; episodes without any cost row do not enter the average. costs_7_days_avg is null when no such episode had a cost (the non-blocking not-null audit then warns). FULL, rebuilt by the 07:00 UTC run.'
);

WITH target_day AS (
    SELECT
        (
            @execution_ds::DATE - INTERVAL '8' DAY
        )::DATE AS date_day_est
), episodes AS (
    SELECT
        episode_id
        , first_message_patient
    FROM analytics.episodes
    WHERE
        NOT first_message_patient IS NULL
), costs AS (
    SELECT
        episode_id
        , date_day_est
        , total_cost
    FROM analytics.costs_by_episode_daily
), episode_costs AS (
    SELECT
        episodes.episode_id
        , SUM(costs.total_cost) AS costs_7_days
    FROM episodes
    INNER JOIN target_day
        ON episodes.first_message_patient::DATE = target_day.date_day_est
    INNER JOIN costs
        ON episodes.episode_id = costs.episode_id
        AND costs.date_day_est::TIMESTAMP < episodes.first_message_patient + INTERVAL '7' DAY
    GROUP BY
        episodes.episode_id
)
SELECT
    target_day.date_day_est::DATE AS date_day_est /* Local day of the episodes' first patient message: the run day minus 8 days */
    , COUNT(episode_costs.episode_id)::BIGINT AS episodes_count /* Episodes of that day with at least one cost row */
    , AVG(episode_costs.costs_7_days)::DOUBLE AS costs_7_days_avg /* Average staff cost of those episodes over their first 7 days (CAD); null without any */
FROM target_day
LEFT JOIN episode_costs
    ON TRUE
GROUP BY
    target_day.date_day_est
