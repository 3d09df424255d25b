MODEL (
    name analytics.tableau_scorecard_slas,
    kind FULL,
    cron '0 7 * * *',
    owner analytics,
    grain date_week,
    tags (tableau, care, company_scorecard),
    audits (
        unique_values(columns := (
            date_week
        ))
        , not_null(columns := (date_week, is_completed))
        , assert_tableau_only_completed_periods_filled(
            columns := (
                chats_in_opening_hours_count
                , frt_care_team_p90
                , frt_nurse_new_episode_p90
                , time_to_resolved_pending_median
            )
        )
    ),
    description 'Company Scorecard (Tableau), service levels: one row per Monday week of the scorecard window (dimension_scorecard_weeks). Completed weeks carry, over the chats whose first message is in opening hours: the 90th percentile of the first response time of the care team, the 90th percentile of the first nurse response on New Episode chats, and the median time to resolved/pending (minutes, linear interpolation: percentile_cont, identical on DuckDB and Postgres). The week in progress and future weeks are kept with empty values. FULL, rebuilt by the daily 07:00 UTC run. A dashboard contract: names and types are stable.'
);

WITH weeks AS (
    SELECT
        date_week
        , is_completed
    FROM analytics.dimension_scorecard_weeks
), chats AS (
    SELECT
        date_week_est
        , chat_type
        , frt_care_team
        , frt_nurse
        , time_to_resolved_pending
    FROM analytics.chats
    WHERE
        is_first_message_in_opening_hours
), weekly AS (
    SELECT
        date_week_est AS date_week
        , COUNT(*) AS chats_count
        , @continuous_percentile(frt_care_team, 0.9) AS frt_care_team_p90
        , @continuous_percentile(CASE WHEN chat_type = 'New Episode' THEN frt_nurse END, 0.9) AS frt_nurse_new_episode_p90
        , @continuous_percentile(time_to_resolved_pending, 0.5) AS time_to_resolved_pending_median
    FROM chats
    GROUP BY
        date_week_est
)
SELECT
    weeks.date_week::DATE AS date_week /* Monday of the scorecard week */
    , weeks.is_completed::BOOLEAN AS is_completed /* The week ended before the day of the run; only completed weeks carry values */
    , CASE WHEN weeks.is_completed THEN COALESCE(weekly.chats_count, 0) END::BIGINT AS chats_in_opening_hours_count /* Chats whose first message is in opening hours */
    , CASE WHEN weeks.is_completed THEN weekly.frt_care_team_p90 END::DECIMAL(10, 2) AS frt_care_team_p90 /* 90th percentile of the care team's first response time (minutes) */
    , CASE WHEN weeks.is_completed THEN weekly.frt_nurse_new_episode_p90 END::DECIMAL(10, 2) AS frt_nurse_new_episode_p90 /* 90th percentile of the first nurse response time on New Episode chats (minutes) */
    , CASE WHEN weeks.is_completed THEN weekly.time_to_resolved_pending_median END::DECIMAL(10, 2) AS time_to_resolved_pending_median /* Median minutes from the first message to resolved/pending */
FROM weeks
LEFT JOIN weekly
    ON weeks.date_week = weekly.date_week
