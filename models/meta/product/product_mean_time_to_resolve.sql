MODEL (
    name analytics.product_mean_time_to_resolve,
    kind FULL,
    cron '0 7 * * *',
    owner analytics,
    grain date_week,
    tags (meta, product),
    audits (
        unique_values(columns := (
            date_week
        ))
        , not_null(columns := (date_week, p1_bugs_count, p2_bugs_count))
    ),
    description 'One row per Saturday-to-Friday week (dimension_weeks_saturday_start) in which Jira P1 or P2 bugs (jira_issues) were resolved, with the number of such bugs per priority and the sums of their times to resolve in business minutes (dimension_working_minutes: Montreal local minutes 09:00-17:00 on working days, counted in [creation, resolution) with both converted to local time) and in business days (minutes / 480, exact division). The week of a bug is the one whose Saturday start is on or before its local resolution day and less than 7 days before it. Unresolved bugs have no week and are not counted, as in the original. The original placed weekend resolutions in the wrong week, divided days as integers and compared local minutes with UTC times. FULL, rebuilt by the daily 07:00 UTC run.'
);

WITH bugs AS (
    SELECT
        issue_id
        , issue_type
        , @to_est(created_at) AS created_at_est
        , @to_est(resolved_at) AS resolved_at_est
    FROM analytics.jira_issues
    WHERE
        issue_type IN ('P1 Bug', 'P2 Bug') AND NOT resolved_at IS NULL
), resolve_times AS (
    SELECT
        bugs.issue_id
        , bugs.issue_type
        , bugs.resolved_at_est
        , COUNT(minutes.date_minute) AS ttr_working_min
    FROM bugs
    LEFT JOIN analytics.dimension_working_minutes AS minutes
        ON minutes.date_minute >= bugs.created_at_est AND minutes.date_minute < bugs.resolved_at_est
    GROUP BY
        bugs.issue_id
        , bugs.issue_type
        , bugs.resolved_at_est
)
SELECT
    weeks.date_week::TIMESTAMP AS date_week /* Saturday starting the week, local midnight */
    , COUNT(CASE WHEN resolve_times.issue_type = 'P1 Bug' THEN 1 END)::BIGINT AS p1_bugs_count /* P1 bugs resolved in the week */
    , COUNT(CASE WHEN resolve_times.issue_type = 'P2 Bug' THEN 1 END)::BIGINT AS p2_bugs_count /* P2 bugs resolved in the week */
    , SUM(CASE WHEN resolve_times.issue_type = 'P1 Bug' THEN resolve_times.ttr_working_min ELSE 0 END)::BIGINT AS p1_ttr_working_min /* Sum of the P1 times to resolve, business minutes */
    , SUM(CASE WHEN resolve_times.issue_type = 'P2 Bug' THEN resolve_times.ttr_working_min ELSE 0 END)::BIGINT AS p2_ttr_working_min /* Sum of the P2 times to resolve, business minutes */
    , SUM(
        CASE
            WHEN resolve_times.issue_type = 'P1 Bug'
            THEN @decimal_as_double(resolve_times.ttr_working_min) / 480.0
            ELSE 0
        END
    )::DOUBLE AS p1_ttr_working_day /* Sum of the P1 times to resolve, business days of 480 minutes */
    , SUM(
        CASE
            WHEN resolve_times.issue_type = 'P2 Bug'
            THEN @decimal_as_double(resolve_times.ttr_working_min) / 480.0
            ELSE 0
        END
    )::DOUBLE AS p2_ttr_working_day /* Sum of the P2 times to resolve, business days of 480 minutes */
FROM resolve_times
INNER JOIN analytics.dimension_weeks_saturday_start AS weeks
    ON weeks.week_start <= resolve_times.resolved_at_est::DATE::TIMESTAMP
    AND resolve_times.resolved_at_est::DATE::TIMESTAMP < weeks.week_end
GROUP BY
    weeks.date_week
