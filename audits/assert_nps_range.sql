AUDIT (
    name assert_nps_range,
    blocking TRUE
);

/* An NPS is a whole number of points between -100 and 100. Blocking: an invariant of every model
   with an `nps` column (null is allowed: periods without responses carry no NPS). */
SELECT
    nps
FROM @this_model
WHERE
    nps < -100 OR nps > 100
