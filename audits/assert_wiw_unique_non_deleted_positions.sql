AUDIT (
    name assert_wiw_unique_non_deleted_positions,
    blocking TRUE
);

/* Position names are unique among positions that are not deleted. */
SELECT
    position_name
    , COUNT(*) AS positions
FROM @this_model
WHERE
    NOT is_deleted
GROUP BY
    position_name
HAVING
    COUNT(*) > 1
