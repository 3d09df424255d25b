MODEL (
    name analytics.github_deploys_daily,
    kind FULL,
    cron '0 7 * * *',
    owner analytics,
    grain merged_at_date,
    tags (transform, github, product),
    audits (
        unique_values(columns := (
            merged_at_date
        ))
        , not_null(
            columns := (merged_at_date, deploys_count, prod_dev_deploys_count, dev_deploys_count, data_deploys_count)
        )
    ),
    description 'One row per UTC day with at least one deploy (github_deploys: merged pull requests into master, or beta for care-platform): prod_dev_deploys_count counts the Production deploys, dev_deploys_count the Production or Non-Prod ones, data_deploys_count the Data-Infrastructure ones and deploys_count all. FULL, rebuilt by the daily 07:00 UTC run.'
);

SELECT
    DATE_TRUNC('DAY', @to_utc(merged_at))::DATE AS merged_at_date /* UTC day of the merges */
    , COUNT(CASE WHEN type_development = 'Production' THEN 1 END)::BIGINT AS prod_dev_deploys_count /* Production deploys */
    , COUNT(CASE WHEN type_development IN ('Production', 'Non-Prod') THEN 1 END)::BIGINT AS dev_deploys_count /* Production or Non-Prod deploys */
    , COUNT(CASE WHEN type_development = 'Data-Infrastructure' THEN 1 END)::BIGINT AS data_deploys_count /* Data-Infrastructure deploys */
    , COUNT(*)::BIGINT AS deploys_count /* All deploys */
FROM analytics.github_deploys
GROUP BY
    DATE_TRUNC('DAY', @to_utc(merged_at))::DATE
