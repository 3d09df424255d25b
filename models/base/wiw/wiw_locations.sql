MODEL (
    name analytics.wiw_locations,
    kind FULL,
    cron '0 7 * * *',
    owner analytics,
    grain location_id,
    tags (base, wiw, staffing),
    audits (
        unique_values(columns := (
            location_id
        ))
        , not_null(columns := (location_id, location_name))
        , accepted_values("column" := location_name, is_in := ('Virtual Care Platform', 'Admin', 'Ubisoft', 'Tech support'))
    ),
    description 'One row per When I Work location (Singer tap table tap_wiw.locations). FULL, refreshed by the 07:00 UTC run (every consumer is rebuilt at 07:00 only): a handful of rows.'
);

WITH locations AS (
    SELECT
        id
        , name
    FROM tap_wiw.locations
    WHERE
        NOT id IS NULL
)
SELECT
    id::BIGINT AS location_id /* When I Work location id */
    , name::TEXT AS location_name /* Virtual Care Platform, Admin, Ubisoft or Tech support */
FROM locations
