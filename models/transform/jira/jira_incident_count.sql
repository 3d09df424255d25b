MODEL (
    name analytics.jira_incident_count,
    kind FULL,
    cron '0 7 * * *',
    owner analytics,
    grain (issue_id, date_day),
    tags (transform, jira, product),
    audits (
        unique_combination_of_columns(columns := (issue_id, date_day))
        , not_null(columns := (issue_id, date_day, incident_count, previous_day_incident_count, new_incidents_count))
        , accepted_range("column" := new_incidents_count, min_v := 0)
    ),
    description 'One row per UTC day of each Jira issue created as a Sub-bug, Polish or P1, P2 or P3 Bug, from its creation day to the day it was resolved (its latest resolved_at), or to the day of the run (execution date) while unresolved. incident_count is the running maximum of the incident counts its updates reported up to that day (0 before the first), previous_day_incident_count the value of the day before (0 on the first day) and new_incidents_count the increase. summary, created_at, issue_type and description are those at creation; feature, resolution, discovered_by, resolved_at and is_resolved the current ones (jira_issues). FULL, rebuilt by the daily 07:00 UTC run.'
);

WITH created AS (
    SELECT
        issue_id
        , summary
        , created_at
        , issue_type
        , description
    FROM analytics.jira_issue_created
    WHERE
        issue_type IN ('Sub-bug', 'Polish', 'P1 Bug', 'P2 Bug', 'P3 Bug')
), daily_reports AS (
    SELECT
        issue_id
        , DATE_TRUNC('DAY', @to_utc("timestamp"))::DATE AS date_day
        , MAX(incident_count) AS reported_count
    FROM analytics.jira_issue_updated
    GROUP BY
        issue_id
        , DATE_TRUNC('DAY', @to_utc("timestamp"))::DATE
), spans AS (
    SELECT
        created.issue_id
        , created.summary
        , created.created_at
        , created.issue_type
        , created.description
        , issues.feature
        , issues.resolution
        , issues.discovered_by
        , issues.resolved_at
        , DATE_TRUNC('DAY', @to_utc(created.created_at))::DATE AS first_day
        , COALESCE(DATE_TRUNC('DAY', @to_utc(issues.resolved_at))::DATE, @execution_ds::DATE) AS last_day
    FROM created
    LEFT JOIN analytics.jira_issues AS issues
        ON created.issue_id = issues.issue_id
), issue_days AS (
    SELECT
        spans.*
        , days.date_day
        , COALESCE(
            MAX(daily_reports.reported_count) OVER (PARTITION BY spans.issue_id ORDER BY days.date_day ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW),
            0
        ) AS incident_count
    FROM spans
    INNER JOIN analytics.dimension_days AS days
        ON days.date_day BETWEEN spans.first_day AND spans.last_day
    LEFT JOIN daily_reports
        ON spans.issue_id = daily_reports.issue_id AND days.date_day = daily_reports.date_day
), with_previous AS (
    SELECT
        *
        , COALESCE(LAG(incident_count) OVER (PARTITION BY issue_id ORDER BY date_day), 0) AS previous_day_incident_count
    FROM issue_days
)
SELECT
    date_day::DATE AS date_day /* UTC day */
    , issue_id::TEXT AS issue_id /* Jira issue key */
    , summary::TEXT AS summary /* Summary at creation */
    , created_at::TIMESTAMPTZ AS created_at /* Time the issue was created (UTC) */
    , issue_type::TEXT AS issue_type /* Issue type at creation */
    , description::TEXT AS description /* Description at creation */
    , incident_count::INT AS incident_count /* Highest incident count reported up to the day (0 before the first report) */
    , feature::TEXT AS feature /* Current product feature affected */
    , resolution::TEXT AS resolution /* Current resolution, null while unresolved */
    , discovered_by::TEXT AS discovered_by /* Who found the issue: Tech or Users */
    , resolved_at::TIMESTAMPTZ AS resolved_at /* Time the issue was resolved (UTC), null while unresolved */
    , NOT resolved_at IS NULL AS is_resolved /* The issue is resolved */
    , previous_day_incident_count::INT AS previous_day_incident_count /* incident_count of the day before (0 on the first day) */
    , (
        incident_count - previous_day_incident_count
    )::INT AS new_incidents_count /* Incidents added on the day */
FROM with_previous
