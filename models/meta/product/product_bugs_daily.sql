MODEL (
    name analytics.product_bugs_daily,
    kind FULL,
    cron '0 7 * * *',
    owner analytics,
    grain "date",
    tags (meta, product),
    audits (
        unique_values(columns := (
            "date"
        ))
        , not_null(columns := ("date", all_bugs, p1_bugs, p2_bugs, p3_bugs))
    ),
    description 'One row per UTC day on which product bugs were created (product_bugs, by their earliest creation): the number of bugs, and of P1, P2 and P3 bugs. FULL, rebuilt by the daily 07:00 UTC run.'
);

SELECT
    DATE_TRUNC('DAY', @to_utc(created_at))::DATE AS "date" /* UTC creation day */
    , COUNT(*)::BIGINT AS all_bugs /* Bugs created that day */
    , COUNT(CASE WHEN issue_type = 'P1 Bug' THEN 1 END)::BIGINT AS p1_bugs /* P1 bugs created that day */
    , COUNT(CASE WHEN issue_type = 'P2 Bug' THEN 1 END)::BIGINT AS p2_bugs /* P2 bugs created that day */
    , COUNT(CASE WHEN issue_type = 'P3 Bug' THEN 1 END)::BIGINT AS p3_bugs /* P3 bugs created that day */
FROM analytics.product_bugs
GROUP BY
    DATE_TRUNC('DAY', @to_utc(created_at))::DATE
