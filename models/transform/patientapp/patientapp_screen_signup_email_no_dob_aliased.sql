MODEL (
    name analytics.patientapp_screen_signup_email_no_dob_aliased,
    kind FULL,
    cron '0 7 * * *',
    owner analytics,
    grain event_id,
    tags (transform, patientapp, signup),
    audits (
        unique_values(columns := (
            event_id
        ))
        , not_null(columns := (event_id, anonymous_id, user_id, "timestamp"))
    ),
    description 'One row per view of the email screen of the sign-up flow reached without a name and birthday match (scene_flow_id noDobMatchEmailSignup) (patientapp_screen_signup_email), with the person resolved: user_id is the Scribe user id that patientapp_aliases links the event anonymous id to (the sign-up session of that person), else the anonymous id itself, so visitors who never signed up keep their anonymous id. Only the resolved user_id is output (the original also selected the raw Segment user_id under the same name, a duplicate column), and the event model is referenced as a model (the original read its table by name, invisible to the dependency graph). FULL: aliases arrive after the screens, so past rows change.'
);

WITH resolved AS (
    SELECT
        events.event_id
        , events.anonymous_id
        , events."timestamp"
        , events.timestamp_est
        , events.scene_flow_id
        , COALESCE(aliases.user_id, events.anonymous_id) AS user_id
    FROM analytics.patientapp_screen_signup_email AS events
    LEFT JOIN analytics.patientapp_aliases AS aliases
        ON events.anonymous_id = aliases.anonymous_id
    WHERE
        events.scene_flow_id = 'noDobMatchEmailSignup'
)
SELECT
    event_id::TEXT AS event_id /* Segment event id */
    , anonymous_id::TEXT AS anonymous_id /* Segment anonymous id of the app session */
    , user_id::TEXT AS user_id /* Scribe user id the session was aliased to, else the anonymous id */
    , "timestamp"::TIMESTAMPTZ AS "timestamp" /* Time of the event (UTC) */
    , timestamp_est::TIMESTAMP AS timestamp_est /* Time of the event, Montreal local time (naive) */
    , scene_flow_id::TEXT AS scene_flow_id /* Sign-up flow that led to the screen: always noDobMatchEmailSignup here */
FROM resolved
