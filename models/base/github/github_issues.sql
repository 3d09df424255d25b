MODEL (
    name analytics.github_issues,
    kind FULL,
    cron '0 7 * * *',
    owner analytics,
    grain issue_id,
    tags (base, github, product),
    audits (unique_values(columns := (
            issue_id
    )), not_null(columns := (issue_id, state, created_at))),
    description 'One row per GitHub issue (deprecated custom extract github.issues): the bugs and requests tracked on GitHub before the product team moved to Jira, with their priority (P1, P2), whether they are bugs, and their open and close times. When an issue was extracted more than once, the row of the latest update is kept. FULL (small, no longer updated), rebuilt by the daily 07:00 UTC run.'
);

WITH issues AS (
    SELECT
        *
    FROM github.issues
    WHERE
        NOT id IS NULL
    QUALIFY
        ROW_NUMBER() OVER (PARTITION BY id ORDER BY updated_at DESC) = 1
)
SELECT
    id::TEXT AS issue_id /* GitHub issue id */
    , "number"::INT AS "number" /* Issue number within its repository */
    , state::TEXT AS state /* open or closed */
    , created_at::TIMESTAMPTZ AS created_at /* Time the issue was opened (UTC) */
    , updated_at::TIMESTAMPTZ AS updated_at /* Time the issue was last updated (UTC) */
    , closed_at::TIMESTAMPTZ AS closed_at /* Time the issue was closed (UTC), null while open */
    , priority::TEXT AS priority /* Bug priority label: P1 or P2 (null for non-bugs) */
    , feature_affected::TEXT AS feature_affected /* Product feature affected */
    , is_bug::BOOLEAN AS is_bug /* The issue is a bug */
    , source::TEXT AS source /* Who found the issue (Tech, Users) */
    , labels::TEXT AS labels /* Comma-separated labels */
    , pull_request_url::TEXT AS pull_request_url /* Pull request fixing the issue */
    , assignee::TEXT AS assignee /* GitHub login of the assignee */
    , issue_user::TEXT AS issue_user /* GitHub login of the reporter */
    , title::TEXT AS title /* Title of the issue */
    , repo::TEXT AS repo /* Repository of the issue */
    , milestone::TEXT AS milestone /* Milestone of the issue */
FROM issues
