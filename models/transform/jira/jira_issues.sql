MODEL (
    name analytics.jira_issues,
    kind FULL,
    cron '0 7 * * *',
    owner analytics,
    grain issue_id,
    depends_on (
        analytics.valid_jira_issue_types
    ),
    tags (transform, jira, product),
    audits (
        unique_values(columns := (
            issue_id
        ))
        , not_null(columns := (issue_id, status, created_at, issue_type, project_name))
        , assert_jira_issue_type_in_seed
    ),
    description 'One row per Jira issue in its latest state: the creation and every update of the issue are stacked, each field taking the update value when the update carries one, else the creation value, and the latest event (by time) wins; updated_at is the time of that event. is_bug is true for P1, P2 and P3 Bug issues, is_sub_bug for Sub-bug. A blocking audit checks every issue type is one of the valid_jira_issue_types seed (declared a dependency so the audit reads the seed of the same plan). FULL (a few issues a week), rebuilt by the daily 07:00 UTC run.'
);

WITH events AS (
    SELECT
        issue_id
        , "timestamp"
        , event_id
        , 0 AS is_update
        , status
        , created_at
        , issue_type
        , squad
        , sprint
        , summary
        , discovered_by
        , description
        , project_name
        , feature
        , NULL::TIMESTAMPTZ AS resolved_at
        , NULL::TEXT AS resolution
    FROM analytics.jira_issue_created
    UNION ALL
    SELECT
        updates.issue_id
        , updates."timestamp"
        , updates.event_id
        , 1 AS is_update
        , COALESCE(updates.status, created.status) AS status
        , COALESCE(updates.created_at, created.created_at) AS created_at
        , COALESCE(updates.issue_type, created.issue_type) AS issue_type
        , COALESCE(updates.squad, created.squad) AS squad
        , COALESCE(updates.sprint, created.sprint) AS sprint
        , COALESCE(updates.summary, created.summary) AS summary
        , COALESCE(updates.discovered_by, created.discovered_by) AS discovered_by
        , COALESCE(updates.description, created.description) AS description
        , COALESCE(updates.project_name, created.project_name) AS project_name
        , COALESCE(updates.feature, created.feature) AS feature
        , updates.resolved_at
        , updates.resolution
    FROM analytics.jira_issue_updated AS updates
    LEFT JOIN analytics.jira_issue_created AS created
        ON updates.issue_id = created.issue_id
), latest AS (
    SELECT
        *
    FROM events
    QUALIFY
        ROW_NUMBER() OVER (PARTITION BY issue_id ORDER BY "timestamp" DESC, is_update DESC, event_id DESC) = 1
)
SELECT
    issue_id::TEXT AS issue_id /* Jira issue key, e.g. DP-1042 */
    , status::TEXT AS status /* Latest status (To Do, In Progress, Done, ...) */
    , "timestamp"::TIMESTAMPTZ AS updated_at /* Time of the latest event of the issue (UTC) */
    , created_at::TIMESTAMPTZ AS created_at /* Time the issue was created (UTC) */
    , issue_type::TEXT AS issue_type /* Issue type (P1 Bug, P2 Bug, P3 Bug, Sub-bug, Story, Task, ...) */
    , squad::TEXT AS squad /* Squad owning the issue */
    , sprint::TEXT AS sprint /* Sprint of the issue */
    , summary::TEXT AS summary /* Summary (title) of the issue */
    , discovered_by::TEXT AS discovered_by /* Who found the issue: Tech or Users */
    , description::TEXT AS description /* Description of the issue */
    , project_name::TEXT AS project_name /* Jira project (e.g. Dialogue Product) */
    , resolved_at::TIMESTAMPTZ AS resolved_at /* Time the issue was resolved (UTC), null while unresolved */
    , resolution::TEXT AS resolution /* Resolution (Done, Duplicate, Cannot Reproduce, ...), null while unresolved */
    , feature::TEXT AS feature /* Product feature affected */
    , issue_type IN ('P1 Bug', 'P2 Bug', 'P3 Bug') AS is_bug /* The issue is a P1, P2 or P3 bug */
    , issue_type = 'Sub-bug' AS is_sub_bug /* The issue is a sub-bug */
FROM latest
