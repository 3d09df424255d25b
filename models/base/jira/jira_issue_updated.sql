MODEL (
    name analytics.jira_issue_updated,
    kind FULL,
    cron '0 7 * * *',
    owner analytics,
    grain event_id,
    tags (base, jira, product),
    audits (
        unique_values(columns := (
            event_id
        ))
        , not_null(columns := (event_id, issue_id, status, created_at, issue_type, project_name))
    ),
    description 'One row per update of a Jira issue (Segment source jira, table issue_updated, fed by a Jira webhook) with the fields of the issue after the update; an issue has many rows. Duplicate Segment deliveries are dropped (first received kept). incident_count arrives as text and is cast to an integer (null when not a whole number). FULL (a few issues a week), rebuilt by the daily 07:00 UTC run.'
);

WITH events AS (
    SELECT
        id
        , issue_key
        , status
        , "timestamp"
        , created_at
        , issue_type
        , squad
        , sprint
        , summary
        , discovered_by
        , description
        , project_name
        , incident_count
        , feature
        , resolved_at
        , resolution
        , received_at
    FROM jira.issue_updated
    WHERE
        NOT issue_key IS NULL
), deduplicated AS (
    SELECT
        *
    FROM events
    QUALIFY
        ROW_NUMBER() OVER (PARTITION BY id ORDER BY received_at, "timestamp") = 1
)
SELECT
    id::TEXT AS event_id /* Segment event id */
    , issue_key::TEXT AS issue_key /* Jira issue key, e.g. DP-1042 */
    , issue_key::TEXT AS issue_id /* Issue id: the issue key */
    , status::TEXT AS status /* Status of the issue (To Do, In Progress, Done, ...) */
    , "timestamp"::TIMESTAMPTZ AS "timestamp" /* Time of the event (UTC) */
    , created_at::TIMESTAMPTZ AS created_at /* Time the issue was created (UTC) */
    , issue_type::TEXT AS issue_type /* Issue type (P1 Bug, P2 Bug, P3 Bug, Sub-bug, Story, Task, ...) */
    , squad::TEXT AS squad /* Squad owning the issue */
    , sprint::TEXT AS sprint /* Sprint of the issue */
    , summary::TEXT AS summary /* Summary (title) of the issue */
    , discovered_by::TEXT AS discovered_by /* Who found the issue: Tech or Users */
    , description::TEXT AS description /* Description of the issue */
    , project_name::TEXT AS project_name /* Jira project (e.g. Dialogue Product) */
    , CASE WHEN REGEXP_MATCHES(TRIM(incident_count), '^[0-9]+$') THEN TRIM(incident_count)::INT END AS incident_count /* Number of incidents reported on the issue */
    , feature::TEXT AS feature /* Product feature affected */
    , resolved_at::TIMESTAMPTZ AS resolved_at /* Time the issue was resolved (UTC), null while unresolved */
    , resolution::TEXT AS resolution /* Resolution (Done, Duplicate, Cannot Reproduce, Won't Do), null while unresolved */
    , DATE_TRUNC('DAY', "timestamp")::DATE AS date_day /* UTC day of the update */
FROM deduplicated
