MODEL (
    name analytics.salesforce_activities,
    kind FULL,
    cron '0 7,18 * * *',
    owner analytics,
    grain activity_id,
    tags (table, salesforce, sales),
    audits (
        unique_values(columns := (
            activity_id
        ))
        , not_null(columns := (activity_id, activity_date, owner_id))
    ),
    description 'One row per sales activity: the Salesforce tasks and events together (their ids never collide: tasks start with 00T, events with 00U). A task''s activity_date is its activity date, else its creation time; an event counts as Completed, its activity_date is its start and its task_subtype the event subtype. FULL: small, rebuilt on every 07:00 and 18:00 UTC run.'
);

WITH tasks AS (
    SELECT
        task_id
        , account_id
        , owner_id
        , status
        , activity_date
        , created_date
        , type
        , task_subtype
    FROM analytics.salesforce_tasks
), events AS (
    SELECT
        event_id
        , account_id
        , owner_id
        , start_date_time
        , type
        , event_subtype
    FROM analytics.salesforce_events
), activities AS (
    SELECT
        task_id AS activity_id
        , account_id
        , owner_id
        , status
        , COALESCE(activity_date, created_date) AS activity_date
        , type
        , task_subtype
    FROM tasks
    UNION ALL
    SELECT
        event_id AS activity_id
        , account_id
        , owner_id
        , 'Completed' AS status
        , start_date_time AS activity_date
        , type
        , event_subtype AS task_subtype
    FROM events
)
SELECT
    activity_id::TEXT AS activity_id /* Salesforce task or event id */
    , account_id::TEXT AS account_id /* Salesforce account the activity is about (null when none) */
    , owner_id::TEXT AS owner_id /* Salesforce user who did the activity */
    , status::TEXT AS status /* Task status; Completed for events */
    , activity_date::TIMESTAMPTZ AS activity_date /* Task activity date (else creation time) or event start (UTC) */
    , type::TEXT AS type /* Kind of activity: Call, Email, Meeting, Demo, Other */
    , task_subtype::TEXT AS task_subtype /* Task subtype, or the event subtype (Event) */
FROM activities
