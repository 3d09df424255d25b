AUDIT (
    name assert_wiw_shifts_location_exists,
    blocking TRUE
);

/* Relationship: every shift's location_id exists in wiw_locations. */
SELECT
    shifts.shift_id
    , shifts.location_id
FROM @this_model AS shifts
LEFT JOIN analytics.wiw_locations AS locations
    ON shifts.location_id = locations.location_id
WHERE
    NOT shifts.location_id IS NULL AND locations.location_id IS NULL
