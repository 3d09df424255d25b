MODEL (
    name analytics.product_find_rate_daily,
    kind FULL,
    cron '0 7 * * *',
    owner analytics,
    grain date_day,
    tags (meta, product),
    audits (
        unique_values(columns := (
            date_day
        ))
        , not_null(columns := (date_day, bugs_found_count, bugs_found_by_tech_count, bugs_found_by_users_count))
    ),
    description 'One row per UTC day on which Jira bugs (P1, P2 or P3 Bug issues of jira_issues; sub-bugs are not counted, as in the original) were created: how many, and how many were found by the tech team (discovered_by Tech) and by users (discovered_by Users). FULL, rebuilt by the daily 07:00 UTC run.'
);

SELECT
    DATE_TRUNC('DAY', @to_utc(created_at))::DATE AS date_day /* UTC creation day */
    , COUNT(*)::BIGINT AS bugs_found_count /* Bugs created that day */
    , COUNT(CASE WHEN discovered_by = 'Tech' THEN 1 END)::BIGINT AS bugs_found_by_tech_count /* Of those, found by the tech team */
    , COUNT(CASE WHEN discovered_by = 'Users' THEN 1 END)::BIGINT AS bugs_found_by_users_count /* Of those, found by users */
FROM analytics.jira_issues
WHERE
    is_bug
GROUP BY
    DATE_TRUNC('DAY', @to_utc(created_at))::DATE
