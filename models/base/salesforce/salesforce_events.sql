MODEL (
    name analytics.salesforce_events,
    kind FULL,
    cron '0 7,18 * * *',
    owner analytics,
    grain event_id,
    tags (base, salesforce, sales),
    audits (unique_values(columns := (
            event_id
    )), not_null(columns := (event_id, created_date))),
    description 'One row per Salesforce calendar event (a meeting with a prospect or client; Segment cloud source salesforce, table events). Events have no status: the sales models count them as completed activities. Soft-deleted events are dropped. FULL: small cloud-source replica whose records change in place, rebuilt on every 07:00 and 18:00 UTC run. Differs from the original: the raw id is exposed as event_id and only the columns the sales models read are kept.'
);

WITH events AS (
    SELECT
        id
        , account_id
        , owner_id
        , start_date_time
        , type
        , event_subtype
        , created_date
    FROM salesforce.events
    WHERE
        NOT COALESCE(is_deleted, FALSE)
)
SELECT
    id::TEXT AS event_id /* Salesforce event id */
    , account_id::TEXT AS account_id /* Salesforce account the event is with */
    , owner_id::TEXT AS owner_id /* Salesforce user who owns the event */
    , start_date_time::TIMESTAMPTZ AS start_date_time /* When the event starts (UTC) */
    , type::TEXT AS type /* Kind of event: Meeting, Demo, Call */
    , event_subtype::TEXT AS event_subtype /* Salesforce event subtype (Event) */
    , created_date::TIMESTAMPTZ AS created_date /* When the event was created (UTC) */
FROM events
