MODEL (
    name analytics.product_open_problems,
    kind FULL,
    cron '0 7 * * *',
    owner analytics,
    grain date_day,
    tags (meta, product),
    audits (
        unique_values(columns := (
            date_day
        ))
        , not_null(columns := (date_day, all_bugs, p1_bugs, p2_bugs, p3_bugs))
    ),
    description 'One row per day of dimension_days from the first product bug on: the number of distinct product bugs (product_bugs) open that day, i.e. created on or before the day (UTC) and closed on or after it or not closed yet, in total and per priority. A bug still open (no close time) counts as open; the original did not count it (its comparison with a null close time was never true). FULL, rebuilt by the daily 07:00 UTC run.'
);

WITH bugs AS (
    SELECT
        bug_id
        , issue_type
        , DATE_TRUNC('DAY', @to_utc(created_at))::DATE AS created_day
        , DATE_TRUNC('DAY', @to_utc(closed_at))::DATE AS closed_day
    FROM analytics.product_bugs
), days AS (
    SELECT
        date_day
    FROM analytics.dimension_days
    WHERE
        date_day >= (
            SELECT
                MIN(created_day)
            FROM bugs
        )
)
SELECT
    days.date_day::DATE AS date_day /* Day */
    , COUNT(DISTINCT bugs.bug_id)::BIGINT AS all_bugs /* Bugs open that day */
    , COUNT(DISTINCT CASE WHEN bugs.issue_type = 'P1 Bug' THEN bugs.bug_id END)::BIGINT AS p1_bugs /* P1 bugs open that day */
    , COUNT(DISTINCT CASE WHEN bugs.issue_type = 'P2 Bug' THEN bugs.bug_id END)::BIGINT AS p2_bugs /* P2 bugs open that day */
    , COUNT(DISTINCT CASE WHEN bugs.issue_type = 'P3 Bug' THEN bugs.bug_id END)::BIGINT AS p3_bugs /* P3 bugs open that day */
FROM days
LEFT JOIN bugs
    ON bugs.created_day <= days.date_day
    AND (
        bugs.closed_day IS NULL OR days.date_day <= bugs.closed_day
    )
GROUP BY
    days.date_day
