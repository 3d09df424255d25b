MODEL (
    name analytics.patientapp_log_button_clicked,
    kind FULL,
    cron '0 7 * * *',
    owner analytics,
    grain event_id,
    tags (base, patientapp, signup),
    audits (
        unique_values(columns := (
            event_id
        ))
        , not_null(columns := (event_id, "timestamp", anonymous_id, button_name))
    ),
    description 'One row per button pressed in the patient app (sign-up flow and login) (Segment source patientapp, table log_button_press). Duplicate Segment deliveries are dropped (first received kept). FULL over the whole history (a few events per member; the sign-up funnels read every year), rebuilt by the daily 07:00 UTC run.'
);

WITH events AS (
    SELECT
        id
        , anonymous_id
        , user_id
        , "timestamp"
        , received_at
        , _id
    FROM patientapp.log_button_press
), deduplicated AS (
    SELECT
        id
        , anonymous_id
        , user_id
        , "timestamp"
        , _id
    FROM events
    QUALIFY
        ROW_NUMBER() OVER (PARTITION BY id ORDER BY received_at, "timestamp") = 1
)
SELECT
    id::TEXT AS event_id /* Segment event id */
    , anonymous_id::TEXT AS anonymous_id /* Segment anonymous id of the app session (set before sign-up) */
    , user_id::TEXT AS user_id /* Scribe user id, null before the person signed up */
    , "timestamp"::TIMESTAMPTZ AS "timestamp" /* Time of the event (UTC) */
    , @to_est("timestamp")::TIMESTAMP AS timestamp_est /* Time of the event, Montreal local time (naive) */
    , _id::TEXT AS button_name /* Name of the button pressed (signup_next, signup_need_help, login, ...) */
FROM deduplicated
