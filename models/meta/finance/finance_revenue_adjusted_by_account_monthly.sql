MODEL (
    name analytics.finance_revenue_adjusted_by_account_monthly,
    kind FULL,
    cron '0 7 * * *',
    owner analytics,
    grain (account_name, "month"),
    tags (meta, finance),
    audits (
        unique_combination_of_columns(columns := (account_name, "month"))
        , not_null(columns := ("month", date_month, recognized, "rank"))
    ),
    description 'Legacy revenue per Salesforce account name and month from the old revenue journal: one row per account name (of the organizations matched by finance_revenue_adjusted_monthly; lines matching no organization form the null account) and month. billing_start_date is the earliest billing start of the matched organizations, recognized the sum of the recognized amounts plus the sum of the mental-health parts (a line matching two organizations of the same account counts twice, as in the original), rank the order of the month within the account (1 = first). Differs from the original: rank orders the parsed month (date_month); the original ordered the text month, so 10/1/2018 came before 8/1/2018. FULL, rebuilt by the daily 07:00 UTC run; no model reads it.'
);

WITH lines AS (
    SELECT
        "month"
        , date_month
        , account_name
        , billing_start_date
        , recognized
        , mh
    FROM analytics.finance_revenue_adjusted_monthly
), monthly AS (
    SELECT
        account_name
        , "month"
        , MIN(date_month) AS date_month
        , MIN(billing_start_date) AS billing_start_date
        , SUM(COALESCE(recognized, 0)) + SUM(COALESCE(mh, 0)) AS recognized
    FROM lines
    GROUP BY
        account_name
        , "month"
)
SELECT
    "month"::TEXT AS "month" /* Month of the journal lines as written, M/D/YYYY 0:00:00 */
    , date_month::DATE AS date_month /* The month parsed as a date (first day) */
    , account_name::TEXT AS account_name /* Salesforce account name of the matched organizations (null for unmatched lines) */
    , billing_start_date::DATE AS billing_start_date /* Earliest billing start of the matched organizations */
    , recognized::DOUBLE AS recognized /* Recognized amounts plus their mental-health parts (CAD) */
    , RANK() OVER (PARTITION BY account_name ORDER BY date_month)::INT AS "rank" /* Order of the month within the account, 1 = first */
FROM monthly
