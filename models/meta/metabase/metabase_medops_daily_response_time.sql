MODEL (
    name analytics.metabase_medops_daily_response_time,
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
        , not_null(columns := (frt_care_team_90p, time_to_resolved_pending_median), blocking := FALSE)
    ),
    description 'Daily Metabase KPI, one row: over yesterday''s chats (chats whose Montreal local day is the day before the day of the run), the 90th percentile of the first response time frt_care_team and the median of time_to_resolved_pending, both in minutes and discrete (an observed value, as QUANTILE_DISC computes it on every engine). Null when yesterday had no value (the non-blocking not-null audit then warns). FULL, rebuilt by the 07:00 UTC run.'
);

WITH yesterday AS (
    SELECT
        (
            @execution_ds::DATE - INTERVAL '1' DAY
        )::DATE AS date_day_est
), chats AS (
    SELECT
        date_day_est
        , frt_care_team
        , time_to_resolved_pending
    FROM analytics.chats
), yesterday_chats AS (
    SELECT
        chats.frt_care_team
        , chats.time_to_resolved_pending
    FROM chats
    INNER JOIN yesterday
        ON chats.date_day_est = yesterday.date_day_est
), percentiles AS (
    SELECT
        @discrete_percentile(frt_care_team, 0.9) AS frt_care_team_90p
        , @discrete_percentile(time_to_resolved_pending, 0.5) AS time_to_resolved_pending_median
    FROM yesterday_chats
)
SELECT
    yesterday.date_day_est::DATE AS date_day_est /* Yesterday: the local day before the day of the run */
    , percentiles.frt_care_team_90p::DOUBLE AS frt_care_team_90p /* 90th percentile (discrete) of yesterday's first response times, minutes */
    , percentiles.time_to_resolved_pending_median::DOUBLE AS time_to_resolved_pending_median /* Median (discrete) of yesterday's times to resolve or pending, minutes */
FROM yesterday
CROSS JOIN percentiles
