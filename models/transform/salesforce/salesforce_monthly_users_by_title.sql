MODEL (
    name analytics.salesforce_monthly_users_by_title,
    kind FULL,
    cron '0 7 * * *',
    owner analytics,
    grain (date_month, title, province),
    tags (transform, salesforce, sales),
    audits (
        not_null(columns := (date_month, user_count))
    ),
    description 'One row per month, job title and province (of the Salesforce users active that month, salesforce_users_month): user_count is the number of those users. A null title or province is its own group. FULL, rebuilt daily.'
);

WITH users_month AS (
    SELECT
        user_id
        , date_month
        , title
        , province
    FROM analytics.salesforce_users_month
)
SELECT
    date_month::DATE AS date_month /* First day of the UTC month */
    , title::TEXT AS title /* Job title */
    , province::TEXT AS province /* Two-letter province code of the users */
    , COUNT(user_id)::INT AS user_count /* Users with that title and province active in the month */
FROM users_month
GROUP BY
    date_month
    , title
    , province
