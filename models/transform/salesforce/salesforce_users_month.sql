MODEL (
    name analytics.salesforce_users_month,
    kind FULL,
    cron '0 7 * * *',
    owner analytics,
    grain (user_id, date_month),
    tags (transform, salesforce, sales, pii),
    audits (
        unique_combination_of_columns(columns := (user_id, date_month))
        , not_null(columns := (user_id, date_month))
    ),
    description 'One row per Salesforce user and month they were active: every month from the UTC month of started_date to the UTC month of last_login_date, inclusive (no row when last_login_date is unknown or before started_date); the last login is the proxy for still being with the company. FULL, rebuilt daily: users change in place. Differs from the original: the original''s hard-coded start-date and last-login overrides of two real users are not reproduced.'
);

WITH users AS (
    SELECT
        user_id
        , user_name
        , email
        , title
        , province
        , country_code
        , city
        , country
        , department
        , started_date
        , last_login_date
        , is_active
    FROM analytics.salesforce_users
), months AS (
    SELECT
        date_month
    FROM analytics.dimension_months
)
SELECT
    users.user_id::TEXT AS user_id /* Salesforce user id */
    , users.user_name::TEXT AS user_name /* [PII] Full name of the staff member */
    , users.email::TEXT AS email /* [PII] Work email of the staff member */
    , users.title::TEXT AS title /* Job title */
    , users.province::TEXT AS province /* Two-letter province code of the staff member */
    , users.country_code::TEXT AS country_code /* Two-letter country code */
    , users.city::TEXT AS city /* City of the staff member */
    , users.country::TEXT AS country /* Country name of the staff member */
    , users.department::TEXT AS department /* Department of the staff member */
    , users.started_date::TIMESTAMPTZ AS started_date /* When the user was created in Salesforce (UTC) */
    , users.last_login_date::TIMESTAMPTZ AS last_login_date /* Last Salesforce login (UTC) */
    , users.is_active::BOOLEAN AS is_active /* The Salesforce user is active */
    , months.date_month::DATE AS date_month /* A UTC month the user was active (first day) */
FROM users
INNER JOIN months
    ON months.date_month >= DATE_TRUNC('MONTH', @to_utc(users.started_date))::DATE
    AND months.date_month <= DATE_TRUNC('MONTH', @to_utc(users.last_login_date))::DATE
