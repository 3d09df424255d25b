MODEL (
    name analytics.product_bugs,
    kind FULL,
    cron '0 7 * * *',
    owner analytics,
    grain (title, issue_type),
    tags (meta, product),
    audits (
        unique_combination_of_columns(columns := (title, issue_type))
        , not_null(columns := (title, issue_type, bug_id, created_at))
    ),
    description 'One row per product bug (title and priority), from Jira and from the GitHub issues used before Jira. Jira: P1, P2 and P3 Bug issues of the Dialogue Product project whose resolution is not Duplicate, Cannot Reproduce or Won''t Do (or is still empty), closed_at = resolution time. GitHub: bugs with priority P1 or P2, typed P1 Bug / P2 Bug, closed_at = close time. A bug migrated from GitHub to Jira appears once: per (title, issue type) bug_id is the greatest id (as text), created_at the earliest creation and closed_at the latest close (null while every copy is open). FULL, rebuilt by the daily 07:00 UTC run.'
);

WITH bugs AS (
    SELECT
        issue_id AS bug_id
        , summary AS title
        , issue_type
        , created_at
        , resolved_at AS closed_at
    FROM analytics.jira_issues
    WHERE
        issue_type IN ('P1 Bug', 'P2 Bug', 'P3 Bug')
        AND project_name = 'Dialogue Product'
        AND NOT COALESCE(resolution, '') IN ('Duplicate', 'Cannot Reproduce', 'Won''t Do')
    UNION ALL
    SELECT
        issue_id AS bug_id
        , title
        , priority || ' Bug' AS issue_type
        , created_at
        , closed_at
    FROM analytics.github_issues
    WHERE
        is_bug AND priority IN ('P1', 'P2')
)
SELECT
    title::TEXT AS title /* Title (summary) of the bug */
    , issue_type::TEXT AS issue_type /* P1 Bug, P2 Bug or P3 Bug */
    , MAX(bug_id)::TEXT AS bug_id /* Greatest id of the bug copies (Jira key or GitHub id, as text) */
    , MAX(closed_at)::TIMESTAMPTZ AS closed_at /* Latest close time of the copies (UTC), null while open */
    , MIN(created_at)::TIMESTAMPTZ AS created_at /* Earliest creation time of the copies (UTC) */
FROM bugs
WHERE
    NOT title IS NULL
GROUP BY
    title
    , issue_type
