MODEL (
    name analytics.wiw_positions,
    kind FULL,
    cron '0 7 * * *',
    owner analytics,
    grain position_id,
    tags (base, wiw, staffing),
    audits (
        unique_values(columns := (
            position_id
        ))
        , not_null(columns := (position_id, is_deleted))
        , assert_wiw_unique_non_deleted_positions
    ),
    description 'One row per When I Work position (Singer tap table tap_wiw.positions), deleted ones included and flagged. FULL, refreshed by the 07:00 UTC run (every consumer is rebuilt at 07:00 only): small tap replica updated in place.'
);

WITH positions AS (
    SELECT
        id
        , name
        , is_deleted
    FROM tap_wiw.positions
    WHERE
        NOT id IS NULL
)
SELECT
    id::BIGINT AS position_id /* When I Work position id */
    , name::TEXT AS position_name /* Position name (Nurse, Shift Manager, GP, ...) */
    , COALESCE(is_deleted, FALSE)::BOOLEAN AS is_deleted /* The position was deleted in When I Work */
FROM positions
