MODEL (
    name analytics.scribe_user_signed_up,
    kind FULL,
    cron '0 7,18 * * *',
    owner analytics,
    grain event_id,
    tags (base, scribe, membership),
    audits (unique_values(columns := (
            event_id
    )), not_null(columns := (event_id, user_id, "timestamp"))),
    description 'One row per user_signed_up event of Scribe (Segment source scribe, table user_signed_up): a member finished creating their account. Duplicate Segment deliveries of the same event id are dropped, keeping the first received. FULL rather than hourly increments like other Segment events: there is about one event per member, so the table stays small, and membership events go back years before the backfill start of the care events (CATWALK_START); rebuilding on every 07:00 and 18:00 UTC run also picks up late deliveries.'
);

WITH signed_up AS (
    SELECT
        id
        , user_id
        , "timestamp"
        , received_at
    FROM scribe.user_signed_up
    WHERE
        NOT id IS NULL AND NOT user_id IS NULL
), deduplicated AS (
    SELECT
        id
        , user_id
        , "timestamp"
        , received_at
    FROM signed_up
    QUALIFY
        ROW_NUMBER() OVER (PARTITION BY id ORDER BY received_at) = 1
)
SELECT
    id::TEXT AS event_id /* Segment event id */
    , user_id::TEXT AS user_id /* Scribe user id of the member who signed up */
    , "timestamp"::TIMESTAMPTZ AS "timestamp" /* Time of the sign-up (UTC) */
    , received_at::TIMESTAMPTZ AS received_at /* When Segment delivered the event to the warehouse (UTC) */
FROM deduplicated
