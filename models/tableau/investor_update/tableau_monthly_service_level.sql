MODEL (
    name analytics.tableau_monthly_service_level,
    kind FULL,
    cron '0 7 * * *',
    owner analytics,
    grain date_month,
    tags (tableau, care, investor_update),
    audits (
        unique_values(columns := (
            date_month
        ))
        , not_null(columns := (date_month, is_completed))
        , assert_tableau_only_completed_periods_filled(columns := (new_episodes_count, wait_time_first_care_team_p90, time_to_resolved_pending_median))
    ),
    description 'Investor Update (Tableau), monthly service level: one row per month (Montreal local days) from the first month with chats (and not before 2017-11, the launch of the resolve feature) to the current month. Completed months carry the number of New Episode chats that were set active, the 90th percentile of the wait for the first care-team message and the median time to resolved/pending over chats whose first message is in opening hours (minutes; percentile_cont with linear interpolation, the same on DuckDB and Postgres; the original used a custom median() aggregate). The month in progress is kept with empty values. FULL, rebuilt by the daily 07:00 UTC run. A dashboard contract: names and types are stable.'
);

WITH months AS (
    SELECT
        date_month
    FROM analytics.dimension_months
), chats AS (
    SELECT
        date_month_est
        , chat_type
        , first_set_active
        , is_first_message_in_opening_hours
        , wait_time_first_care_team
        , time_to_resolved_pending
    FROM analytics.chats
    WHERE
        date_day_est >= '2017-11-01'
), monthly AS (
    SELECT
        date_month_est AS date_month
        , COUNT(CASE WHEN chat_type = 'New Episode' AND NOT first_set_active IS NULL THEN 1 END) AS new_episodes_count
        , @continuous_percentile(CASE WHEN is_first_message_in_opening_hours THEN wait_time_first_care_team END, 0.9) AS wait_time_first_care_team_p90
        , @continuous_percentile(CASE WHEN is_first_message_in_opening_hours THEN time_to_resolved_pending END, 0.5) AS time_to_resolved_pending_median
    FROM chats
    GROUP BY
        date_month_est
), bounds AS (
    SELECT
        MIN(date_month) AS first_month
        , DATE_TRUNC('MONTH', @to_est(@execution_tstz::TIMESTAMPTZ))::DATE AS current_month
    FROM monthly
)
SELECT
    months.date_month::DATE AS date_month /* First day of the month (local days) */
    , (
        months.date_month < bounds.current_month
    )::BOOLEAN AS is_completed /* The month ended before the day of the run; only completed months carry values */
    , CASE WHEN months.date_month < bounds.current_month THEN COALESCE(monthly.new_episodes_count, 0) END::BIGINT AS new_episodes_count /* New Episode chats set active by Usher */
    , CASE WHEN months.date_month < bounds.current_month THEN monthly.wait_time_first_care_team_p90 END::DECIMAL(10, 2) AS wait_time_first_care_team_p90 /* 90th percentile of minutes from the first patient message to the first care-team message, chats in opening hours */
    , CASE WHEN months.date_month < bounds.current_month THEN monthly.time_to_resolved_pending_median END::DECIMAL(10, 2) AS time_to_resolved_pending_median /* Median minutes from the first message to resolved/pending, chats in opening hours */
FROM months
CROSS JOIN bounds
LEFT JOIN monthly
    ON months.date_month = monthly.date_month
WHERE
    months.date_month BETWEEN bounds.first_month AND bounds.current_month
