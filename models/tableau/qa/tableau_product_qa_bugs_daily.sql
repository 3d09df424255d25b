MODEL (
    name analytics.tableau_product_qa_bugs_daily,
    kind FULL,
    cron '0 7 * * *',
    owner analytics,
    grain ("date", bug_id),
    tags (tableau, product, qa),
    audits (
        unique_combination_of_columns(columns := ("date", bug_id))
        , not_null(columns := ("date", bug_id, created_at, days_opened))
        , forall(criteria := (
            days_opened >= 1
        ))
    ),
    description 'Product, QA (Tableau), open P2 bugs per day: one row per day of dimension_days and P2 product bug (product_bugs, issue type P2 Bug) open at the start of that day, i.e. created at or before the day''s midnight (00:00 UTC) and closed at or after that midnight or not closed yet. days_opened counts the whole days from the bug''s creation to that midnight, plus one (1 on the day after its creation). A day without any open P2 bug has no row (a filter on the bug type after the day spine, as in the original). The day boundary is the UTC midnight, as in the original. FULL, rebuilt by the daily 07:00 UTC run. A dashboard contract: names and types are stable.'
);

WITH days AS (
    SELECT
        date_day
    FROM analytics.dimension_days
), p2_bugs AS (
    SELECT
        bug_id
        , created_at
        , closed_at
        , @to_utc(created_at) AS created_at_utc
        , @to_utc(closed_at) AS closed_at_utc
    FROM analytics.product_bugs
    WHERE
        issue_type = 'P2 Bug'
), day_starts AS (
    SELECT
        date_day
        , date_day::TIMESTAMP AS day_start
    FROM days
)
SELECT
    day_starts.date_day::DATE AS "date" /* Day (UTC) at whose start the bug was open */
    , p2_bugs.bug_id::TEXT AS bug_id /* Bug id (Jira key or GitHub issue id, as text) */
    , p2_bugs.created_at::TIMESTAMPTZ AS created_at /* Creation time of the bug (UTC) */
    , p2_bugs.closed_at::TIMESTAMPTZ AS closed_at /* Close time of the bug (UTC); null while open */
    , (
        FLOOR(@seconds_between(p2_bugs.created_at_utc, day_starts.day_start) / 86400) + 1
    )::INT AS days_opened /* Whole days from the creation to the day's midnight, plus one */
FROM day_starts
INNER JOIN p2_bugs
    ON p2_bugs.created_at_utc <= day_starts.day_start
    AND (
        p2_bugs.closed_at_utc IS NULL OR p2_bugs.closed_at_utc >= day_starts.day_start
    )
