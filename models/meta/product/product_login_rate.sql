MODEL (
    name analytics.product_login_rate,
    kind FULL,
    cron '0 7 * * *',
    owner analytics,
    grain date_day,
    tags (meta, product, activity),
    audits (
        unique_values(columns := (
            date_day
        ))
        , not_null(columns := (date_day, active, login, fraction))
        , accepted_range("column" := fraction, min_v := 0, max_v := 1)
    ),
    description 'One row per Montreal local day with active patients (active_users): active is the number of distinct active patients, login how many of them logged in to the patient app (patientapp_login_fetch_complete) on the same local day, fraction = login / active. The login day is the local day of the login (the original compared the local active day with the UTC login day). FULL, rebuilt by the daily 07:00 UTC run.'
);

WITH active AS (
    SELECT DISTINCT
        date_day_est
        , user_id
    FROM analytics.active_users
), logins AS (
    SELECT DISTINCT
        timestamp_est::DATE AS date_day_est
        , user_id
    FROM analytics.patientapp_login_fetch_complete
)
SELECT
    active.date_day_est::DATE AS date_day /* Montreal local day */
    , COUNT(*)::BIGINT AS active /* Distinct active patients that day */
    , COUNT(logins.user_id)::BIGINT AS login /* Of those, patients who logged in to the patient app that local day */
    , (
        COUNT(logins.user_id) / COUNT(*)::DOUBLE
    )::DOUBLE AS fraction /* login / active */
FROM active
LEFT JOIN logins
    ON active.date_day_est = logins.date_day_est AND active.user_id = logins.user_id
GROUP BY
    active.date_day_est
