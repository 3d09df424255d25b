AUDIT (
    name assert_tableau_cumulative_never_decreases,
    blocking TRUE
);

/* Cumulative counts never decrease. For each column in `columns`, a row whose
   value is below the previous row's (rows ordered by `order_by`) fails. Blocking invariant.
   Usage: assert_tableau_cumulative_never_decreases(columns := (a_cum, b_cum), order_by := date_week) */
WITH ordered AS (
    SELECT
        @order_by AS period
        , @EACH(@columns, c -> c - LAG(c) OVER (ORDER BY @order_by) AS @c)
    FROM @this_model
)
SELECT
    *
FROM ordered
WHERE
    @REDUCE(@EACH(@columns, c -> c < 0), (l, r) -> l OR r)
