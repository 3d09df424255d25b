MODEL (
    name analytics.github_pull_requests,
    kind FULL,
    cron '0 7 * * *',
    owner analytics,
    grain html_url,
    tags (base, github, product),
    audits (unique_values(columns := (
            html_url
    )), not_null(columns := (html_url, base_branch, created_at))),
    description 'One row per GitHub pull request (deprecated custom extract github.pull_requests), identified by its URL; merged pull requests into the release branches are the deploys. description is the body and author_name the GitHub login of the author. When a pull request was extracted more than once, one row is kept (the latest merge time). FULL (small), rebuilt by the daily 07:00 UTC run.'
);

WITH pull_requests AS (
    SELECT
        *
    FROM github.pull_requests
    WHERE
        NOT html_url IS NULL
    QUALIFY
        ROW_NUMBER() OVER (PARTITION BY html_url ORDER BY merged_at DESC, created_at DESC) = 1
)
SELECT
    "number"::INT AS "number" /* Pull request number within its repository */
    , title::TEXT AS title /* Title of the pull request */
    , state::TEXT AS state /* open or closed */
    , html_url::TEXT AS html_url /* URL of the pull request (https://github.com/<org>/<repo>/pull/<number>) */
    , created_at::TIMESTAMPTZ AS created_at /* Time the pull request was opened (UTC) */
    , merged_at::TIMESTAMPTZ AS merged_at /* Time the pull request was merged (UTC), null if not merged */
    , base_branch::TEXT AS base_branch /* Branch merged into (master, beta, ...) */
    , body::TEXT AS body /* Body of the pull request */
    , body::TEXT AS description /* Body of the pull request (the original name) */
    , username::TEXT AS username /* GitHub login of the author */
    , username::TEXT AS author_name /* GitHub login of the author (the original name) */
    , repo_name::TEXT AS repo_name /* Repository name, null when the extract missed it (the URL names it) */
FROM pull_requests
