MODEL (
    name analytics.scribe_child_added,
    kind FULL,
    cron '0 7,18 * * *',
    owner analytics,
    grain event_id,
    tags (base, scribe, membership),
    audits (
        unique_values(columns := (
            event_id
        ))
        , not_null(columns := (event_id, user_id, child_id, "timestamp"))
    ),
    description 'One row per child_added event of Scribe (Segment source scribe, table child_added): an employee added a child to their family. Flags the child in scribe_users_detailed (is_child). Duplicate Segment deliveries of the same event id are dropped, keeping the first received. FULL rather than hourly increments like other Segment events: there is about one event per member, so the table stays small, and membership events go back years before the backfill start of the care events (CATWALK_START); rebuilding on every 07:00 and 18:00 UTC run also picks up late deliveries.'
);

WITH children_added AS (
    SELECT
        id
        , user_id
        , dependent_id
        , family_id
        , "timestamp"
        , received_at
    FROM scribe.child_added
    WHERE
        NOT id IS NULL AND NOT dependent_id IS NULL
), deduplicated AS (
    SELECT
        id
        , user_id
        , dependent_id
        , family_id
        , "timestamp"
        , received_at
    FROM children_added
    QUALIFY
        ROW_NUMBER() OVER (PARTITION BY id ORDER BY received_at) = 1
)
SELECT
    id::TEXT AS event_id /* Segment event id */
    , user_id::TEXT AS user_id /* Scribe user id of the parent (the employee) who added the child */
    , dependent_id::TEXT AS child_id /* Scribe user id of the child */
    , family_id::TEXT AS family_id /* Family grouping the employee and dependants */
    , "timestamp"::TIMESTAMPTZ AS "timestamp" /* Time the child was added (UTC) */
    , received_at::TIMESTAMPTZ AS received_at /* When Segment delivered the event to the warehouse (UTC) */
FROM deduplicated
