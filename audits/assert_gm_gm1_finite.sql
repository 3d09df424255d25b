AUDIT (
    name assert_gm_gm1_finite,
    blocking TRUE
);

/* GM1 is a finite fraction no greater than 1 (revenue minus a non-negative cost, over revenue);
   null only when there is no revenue. Blocking invariant of every model with a gm1 column. */
SELECT
    gm1
FROM @this_model
WHERE
    gm1 > 1 OR NOT gm1 BETWEEN -1000000 AND 1
