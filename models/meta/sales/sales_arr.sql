MODEL (
    name analytics.sales_arr,
    kind FULL,
    cron '0 7 * * *',
    owner analytics,
    grain date_month,
    tags (meta, sales, finance),
    audits (unique_values(columns := (
            date_month
        )), not_null(columns := (
            date_month
    ))),
    description 'Booked MRR next to the signed-but-not-launched MRR backlog: one row per month of the finance seed finance_revenue_and_costs_monthly, with its mrr. The backlog of a month is the won opportunities (salesforce_opportunities_detailed) closed before the end of the month and launching at or after it (close_date before the first day of the next month, launch_date on or after it; an opportunity without launch date is never in the backlog): mrr_backlog sums their amount, mrr_backlog_new the amount of those closed during the month, mrr_backlog_old of those closed before it. The three backlog columns are null for a month without backlog. Dates are compared as UTC days. The unique and not-null audits on date_month are additions (the original had no test). FULL, rebuilt by the daily 07:00 UTC run.'
);

WITH finance AS (
    SELECT
        date_month
        , mrr
    FROM analytics.finance_revenue_and_costs_monthly
), months AS (
    SELECT
        date_month
        , month_start
        , month_range_end
    FROM analytics.dimension_months
), opportunities AS (
    SELECT
        @to_utc(close_date) AS closed_at
        , @to_utc(launch_date) AS launched_at
        , amount
    FROM analytics.salesforce_opportunities_detailed
    WHERE
        is_won AND NOT launch_date IS NULL
), backlog AS (
    SELECT
        months.date_month
        , SUM(opportunities.amount) AS mrr_backlog
        , SUM(CASE WHEN opportunities.closed_at >= months.month_start THEN opportunities.amount ELSE 0 END) AS mrr_backlog_new
        , SUM(CASE WHEN opportunities.closed_at < months.month_start THEN opportunities.amount ELSE 0 END) AS mrr_backlog_old
    FROM months
    INNER JOIN opportunities
        ON opportunities.closed_at < months.month_range_end
        AND opportunities.launched_at >= months.month_range_end
    GROUP BY
        months.date_month
)
SELECT
    finance.date_month::DATE AS date_month /* First day of the month */
    , finance.mrr::DOUBLE AS mrr /* Monthly recurring revenue at month end, from the finance seed (CAD) */
    , backlog.mrr_backlog::DOUBLE AS mrr_backlog /* MRR of won deals closed before the month's end and launching at or after it (CAD; null without backlog) */
    , backlog.mrr_backlog_new::DOUBLE AS mrr_backlog_new /* Part of the backlog closed during the month (CAD; null without backlog) */
    , backlog.mrr_backlog_old::DOUBLE AS mrr_backlog_old /* Part of the backlog closed before the month (CAD; null without backlog) */
FROM finance
LEFT JOIN backlog
    ON finance.date_month = backlog.date_month
