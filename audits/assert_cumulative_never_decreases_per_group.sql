AUDIT (
    name assert_cumulative_never_decreases_per_group,
    blocking TRUE
);

/* Running totals never decrease within a group. For each column in `columns`, a row whose value
   is below the previous row of the same group (rows of a group, `partition_by`, ordered by
   `order_by`) fails. Blocking invariant.
   Usage: assert_cumulative_never_decreases_per_group(columns := (a_cum, b_cum),
          partition_by := (organization_id, residence_province), order_by := date_month) */
WITH ordered AS (
    SELECT
        @order_by AS period
        , @EACH(@columns, c -> c - LAG(c) OVER (PARTITION BY @partition_by ORDER BY @order_by) AS @c)
    FROM @this_model
)
SELECT
    *
FROM ordered
WHERE
    @REDUCE(@EACH(@columns, c -> c < 0), (l, r) -> l OR r)
