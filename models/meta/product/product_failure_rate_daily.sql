MODEL (
    name analytics.product_failure_rate_daily,
    kind FULL,
    cron '0 7 * * *',
    owner analytics,
    grain date_day,
    tags (meta, product),
    audits (
        unique_values(columns := (
            date_day
        ))
        , not_null(columns := (date_day, all_bugs, p1_bugs, p2_bugs, p3_bugs, deploys_count))
    ),
    description 'One row per day of dimension_days (up to the day of the run) with the product bugs created that UTC day (product_bugs_daily, by priority) and the production deploys of that UTC day (github_deploys_daily prod_dev_deploys_count: merges of Production code repositories); 0 when none. The ratio of the two is the failure rate of the dashboard. FULL, rebuilt by the daily 07:00 UTC run.'
);

SELECT
    days.date_day::DATE AS date_day /* Day */
    , COALESCE(bugs.all_bugs, 0)::BIGINT AS all_bugs /* Bugs created that day */
    , COALESCE(bugs.p1_bugs, 0)::BIGINT AS p1_bugs /* P1 bugs created that day */
    , COALESCE(bugs.p2_bugs, 0)::BIGINT AS p2_bugs /* P2 bugs created that day */
    , COALESCE(bugs.p3_bugs, 0)::BIGINT AS p3_bugs /* P3 bugs created that day */
    , COALESCE(deploys.prod_dev_deploys_count, 0)::BIGINT AS deploys_count /* Production deploys that day */
FROM analytics.dimension_days AS days
LEFT JOIN analytics.product_bugs_daily AS bugs
    ON days.date_day = bugs."date"
LEFT JOIN analytics.github_deploys_daily AS deploys
    ON days.date_day = deploys.merged_at_date
