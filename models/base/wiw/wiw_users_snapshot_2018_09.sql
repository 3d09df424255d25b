MODEL (
    name analytics.wiw_users_snapshot_2018_09,
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
    description 'One row per When I Work user in the manual snapshot of September 2018 (table wiw.users_snapshot_2018_09): the hourly rates before GPs moved to pay-per-consult, used for shifts starting before 2018-09-10. FULL: a frozen one-off table (empty when the history starts later).'
);

WITH snapshot AS (
    SELECT
        user_id
        , employee_code
        , email
        , first_name
        , last_name
        , hourly_rate
    FROM wiw.users_snapshot_2018_09
    WHERE
        NOT user_id IS NULL
)
SELECT
    user_id::TEXT AS wiw_user_id /* When I Work user id */
    , NULLIF(TRIM(employee_code), '')::TEXT AS user_id /* Scribe user id from the employee code */
    , email::TEXT AS email /* [PII] Email address */
    , first_name::TEXT AS first_name /* [PII] First name */
    , last_name::TEXT AS last_name /* [PII] Last name */
    , hourly_rate::DOUBLE AS hourly_rate /* Hourly rate ($) as of September 2018 */
FROM snapshot
