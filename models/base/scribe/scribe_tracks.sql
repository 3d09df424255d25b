MODEL (
    name analytics.scribe_tracks,
    kind VIEW,
    owner analytics,
    grain event_id,
    tags (base, scribe, monitoring),
    audits (not_null(columns := (
            "timestamp"
    )), assert_tracks_recency),
    description 'Every Segment track call of the scribe source, any event (Segment all-events table scribe.tracks): one row per delivered row, without deduplication (a view over the raw table; duplicate Segment deliveries stay). Monitoring only: its purpose is the freshness check of the source, the non-blocking audit assert_tracks_recency (the newest event is less than 15 hours before the run time, the original recency test); loads are already gated by the delivered() signal. A VIEW, as in the original: materialising every event of the source only to read its newest time would be waste.'
);

WITH tracks AS (
    SELECT
        id
        , user_id
        , event
        , "timestamp"
        , received_at
    FROM scribe.tracks
)
SELECT
    id::TEXT AS event_id /* Segment event id */
    , user_id::TEXT AS user_id /* User who triggered the event */
    , event::TEXT AS event /* Event name (snake case) */
    , "timestamp"::TIMESTAMPTZ AS "timestamp" /* Time of the event (UTC) */
    , received_at::TIMESTAMPTZ AS received_at /* Time Segment received the event (UTC) */
FROM tracks
