AUDIT (
    name assert_wiw_shifts_have_position_names,
    blocking FALSE
);

/* Monitored rate (checked in 2019 by the original, here from 2019 on): per local
   week, at most 1% of the shifts lack a position name. */
SELECT
    start_week_est
    , AVG(CASE WHEN position_name IS NULL THEN 1.0 ELSE 0.0 END) AS missing_position_rate
FROM @this_model
WHERE
    start_day_est >= '2019-01-01'
GROUP BY
    start_week_est
HAVING
    AVG(CASE WHEN position_name IS NULL THEN 1.0 ELSE 0.0 END) > 0.01
