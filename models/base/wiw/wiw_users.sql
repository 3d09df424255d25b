MODEL (
    name analytics.wiw_users,
    kind FULL,
    cron '0 7 * * *',
    owner analytics,
    grain wiw_user_id,
    tags (base, wiw, staffing, pii),
    audits (unique_values(columns := (
            wiw_user_id
        )), not_null(columns := (
            wiw_user_id
    ))),
    description 'One row per When I Work user (Singer tap table tap_wiw.users). FULL, refreshed by the 07:00 UTC run (every consumer is rebuilt at 07:00 only): the tap replica is small and updated in place. The employee code holds the Scribe user id of the employee (an empty code becomes null).'
);

WITH users AS (
    SELECT
        id
        , first_name
        , last_name
        , email
        , employee_code
        , hourly_rate
    FROM tap_wiw.users
    WHERE
        NOT id IS NULL
)
SELECT
    id::TEXT AS wiw_user_id /* When I Work user id */
    , NULLIF(TRIM(employee_code), '')::TEXT AS user_id /* Scribe user id from the employee code; null when empty */
    , first_name::TEXT AS first_name /* [PII] First name */
    , last_name::TEXT AS last_name /* [PII] Last name */
    , TRIM(COALESCE(first_name, '') || ' ' || COALESCE(last_name, '')) AS full_name /* [PII] First and last name */
    , email::TEXT AS email /* [PII] Email address */
    , hourly_rate::DOUBLE AS hourly_rate /* Current hourly rate ($) */
FROM users
