MODEL (
    name analytics.github_deploys,
    kind FULL,
    cron '0 7 * * *',
    owner analytics,
    grain (created_at, repo_name),
    tags (transform, github, product),
    audits (
        unique_combination_of_columns(columns := (created_at, repo_name))
        , not_null(columns := ("number", repo_name, created_at))
        , accepted_values("column" := type_development, is_in := ('Production', 'Non-Prod', 'Data-Infrastructure', 'Other'))
    ),
    description 'One row per deploy: a GitHub pull request merged into master, or into beta for the care-platform repository. repo_name is the pull request repository name, else the first path segment after https://github.com/dialoguemd/ in its URL. type_development comes from the engineering repository whitelist, matched on the repository name the pull request carries (a pull request without one is Other): Production for stage Production and type Code merged on or after the whitelist date, Non-Prod for stage Development and type Code merged on or after the date, Data-Infrastructure for stage Data-Infrastructure, else Other (merge times compared as UTC instants with the whitelist date at 00:00 UTC). FULL (a few deploys a day), rebuilt by the daily 07:00 UTC run.'
);

WITH merged AS (
    SELECT
        pull_requests."number"
        , pull_requests.title
        , pull_requests.state
        , pull_requests.html_url
        , pull_requests.created_at
        , pull_requests.merged_at
        , pull_requests.base_branch
        , pull_requests.description
        , pull_requests.author_name
        , pull_requests.repo_name AS pr_repo_name
        , COALESCE(
            pull_requests.repo_name,
            SPLIT_PART(REPLACE(pull_requests.html_url, 'https://github.com/dialoguemd/', ''), '/', 1)
        ) AS repo_name
    FROM analytics.github_pull_requests AS pull_requests
    WHERE
        NOT pull_requests.merged_at IS NULL
), deploys AS (
    SELECT
        *
    FROM merged
    WHERE
        base_branch = 'master' OR (
            base_branch = 'beta' AND repo_name = 'care-platform'
        )
)
SELECT
    deploys."number"::INT AS "number" /* Pull request number */
    , deploys.title::TEXT AS title /* Title of the pull request */
    , deploys.state::TEXT AS state /* State of the pull request */
    , deploys.html_url::TEXT AS html_url /* URL of the pull request */
    , deploys.created_at::TIMESTAMPTZ AS created_at /* Time the pull request was opened (UTC) */
    , deploys.merged_at::TIMESTAMPTZ AS merged_at /* Time of the merge, i.e. the deploy (UTC) */
    , deploys.base_branch::TEXT AS base_branch /* Branch merged into: master, or beta for care-platform */
    , deploys.description::TEXT AS description /* Body of the pull request */
    , deploys.author_name::TEXT AS author_name /* GitHub login of the author */
    , deploys.repo_name::TEXT AS repo_name /* Repository, from the pull request or its URL */
    , CASE
        WHEN whitelist.stage = 'Production'
        AND whitelist.type = 'Code'
        AND @to_utc(deploys.merged_at) >= whitelist.whitelist_date::TIMESTAMP
        THEN 'Production'
        WHEN whitelist.stage = 'Development'
        AND whitelist.type = 'Code'
        AND @to_utc(deploys.merged_at) >= whitelist.whitelist_date::TIMESTAMP
        THEN 'Non-Prod'
        WHEN whitelist.stage = 'Data-Infrastructure'
        THEN 'Data-Infrastructure'
        ELSE 'Other'
    END::TEXT AS type_development /* Production, Non-Prod, Data-Infrastructure or Other (rule in the model description) */
FROM deploys
LEFT JOIN analytics.github_repo_whitelist AS whitelist
    ON deploys.pr_repo_name = whitelist.repo_name
