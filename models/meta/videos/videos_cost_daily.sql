MODEL (
    name analytics.videos_cost_daily,
    kind FULL,
    cron '0 7 * * *',
    owner analytics,
    grain "date",
    tags (meta, videos, costs),
    audits (
        unique_values(columns := (
            "date"
        ))
        , not_null(columns := ("date", cost, count_videos, cost_per_video))
    ),
    description 'Cost per GP or NP video per Montreal local day: the cost of the When I Work shifts at the Virtual Care Platform in positions GP or Nurse Practitioner (wiw_shifts_detailed, by local day of shift start), over the number of video starts by a Family Physician or a Nurse Practitioner that local day (videos_started, counting starts with an episode id, as the original). Only days before the Monday of the run''s week (UTC day of the run) are kept. As in the original, days with shift cost but no video disappear (inner join), and the column keeps the original name date. Differs from the original: videos are matched on their local day (the original compared the local shift day with the UTC day of the video start); a day whose starts all lack an episode id is dropped (the original would divide by zero). FULL, refreshed by the 07:00 UTC run like its FULL parents.'
);

WITH shifts AS (
    SELECT
        start_day_est
        , position_name
        , location_name
        , cost
    FROM analytics.wiw_shifts_detailed
), video_starts AS (
    SELECT
        date_day_est
        , episode_id
        , main_specialization
    FROM analytics.videos_started
), daily_cost AS (
    SELECT
        start_day_est AS date_day_est
        , SUM(COALESCE(cost, 0)) AS cost
    FROM shifts
    WHERE
        position_name IN ('GP', 'Nurse Practitioner')
        AND location_name = 'Virtual Care Platform'
        AND start_day_est < DATE_TRUNC('WEEK', @execution_ds::DATE)::DATE
    GROUP BY
        start_day_est
), daily_videos AS (
    SELECT
        date_day_est
        , COUNT(episode_id) AS count_videos
    FROM video_starts
    WHERE
        main_specialization IN ('Family Physician', 'Nurse Practitioner')
    GROUP BY
        date_day_est
    HAVING
        COUNT(episode_id) > 0
)
SELECT
    daily_cost.date_day_est::DATE AS "date" /* Montreal local day */
    , daily_cost.cost::DOUBLE AS cost /* Cost of the GP and Nurse Practitioner shifts at the Virtual Care Platform that day (CAD) */
    , daily_videos.count_videos::BIGINT AS count_videos /* Video starts by a Family Physician or a Nurse Practitioner that day (with an episode id) */
    , (
        daily_cost.cost / daily_videos.count_videos
    )::DOUBLE AS cost_per_video /* Shift cost over video starts (CAD per video) */
FROM daily_cost
INNER JOIN daily_videos
    ON daily_cost.date_day_est = daily_videos.date_day_est
