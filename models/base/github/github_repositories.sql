MODEL (
    name analytics.github_repositories,
    kind FULL,
    cron '0 7 * * *',
    owner analytics,
    grain name,
    tags (base, github, product),
    audits (unique_values(columns := (
            name
    )), not_null(columns := (name, created_at, pushed_at))),
    description 'One row per GitHub repository (deprecated custom extract github.repositories) with its creation and last push times. When a repository was extracted more than once, the row of the latest push is kept. FULL (small), rebuilt by the daily 07:00 UTC run.'
);

WITH repositories AS (
    SELECT
        name
        , created_at
        , pushed_at
    FROM github.repositories
    WHERE
        NOT name IS NULL
    QUALIFY
        ROW_NUMBER() OVER (PARTITION BY name ORDER BY pushed_at DESC) = 1
)
SELECT
    name::TEXT AS name /* Repository name */
    , created_at::TIMESTAMPTZ AS created_at /* Time the repository was created (UTC) */
    , pushed_at::TIMESTAMPTZ AS pushed_at /* Time of the last push (UTC) */
FROM repositories
