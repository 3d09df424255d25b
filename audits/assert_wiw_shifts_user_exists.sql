AUDIT (
    name assert_wiw_shifts_user_exists,
    blocking TRUE
);

/* Relationship: every shift's wiw_user_id exists in wiw_users. */
SELECT
    shifts.shift_id
    , shifts.wiw_user_id
FROM @this_model AS shifts
LEFT JOIN analytics.wiw_users AS users
    ON shifts.wiw_user_id = users.wiw_user_id
WHERE
    NOT shifts.wiw_user_id IS NULL AND users.wiw_user_id IS NULL
