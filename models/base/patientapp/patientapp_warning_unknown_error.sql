MODEL (
    name analytics.patientapp_warning_unknown_error,
    kind FULL,
    cron '0 7 * * *',
    owner analytics,
    grain event_id,
    tags (base, patientapp, signup),
    audits (
        unique_values(columns := (
            event_id
        ))
        , not_null(columns := (event_id, "timestamp", anonymous_id))
    ),
    description 'One row per view of the unknown-error warning screen of the sign-up flow (anonymous) (Segment source patientapp, table screen_info_warning_unknown_error). Renamed from the original patientapp_screen_info_warning_unknown_error (a shorter name under the Postgres-safe limit). Duplicate Segment deliveries are dropped (first received kept). FULL over the whole history (a few events per member; the sign-up funnels read every year), rebuilt by the daily 07:00 UTC run.'
);

WITH events AS (
    SELECT
        id
        , anonymous_id
        , user_id
        , "timestamp"
        , received_at
    FROM patientapp.screen_info_warning_unknown_error
), deduplicated AS (
    SELECT
        id
        , anonymous_id
        , user_id
        , "timestamp"
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
FROM deduplicated
