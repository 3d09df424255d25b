AUDIT (
    name assert_cp_activity_time_in_shift,
    blocking FALSE
);

/* Monitored rates: for Virtual Care Platform shifts since 2018-11-05 (night,
   tech and archivist positions excluded), the activity logged during the shift covers at least 90%
   of the shift's seconds (tracked time) and its active part at least 65% (active time). Runs on
   the evaluated batch (daily intervals): shifts are judged on the activity of the batch's days. */
WITH shift_activity AS (
    SELECT
        shift_id
        , MIN(shift_start) AS shift_start
        , MIN(shift_end) AS shift_end
        , SUM(time_spent) AS tracked_seconds
        , SUM(CASE WHEN is_active THEN time_spent ELSE 0 END) AS active_seconds
    FROM @this_model
    WHERE
        is_on_shift
        AND shift_location = 'Virtual Care Platform'
        AND NOT LOWER(COALESCE(shift_position, '')) LIKE '%night%'
        AND NOT LOWER(COALESCE(shift_position, '')) LIKE '%tech%'
        AND NOT LOWER(COALESCE(shift_position, '')) LIKE '%archivist%'
        AND date_day_est >= '2018-11-05'
    GROUP BY
        shift_id
)
SELECT
    shift_id
    , tracked_seconds / NULLIF(@seconds_between(shift_start, shift_end), 0) AS tracked_rate
    , active_seconds / NULLIF(@seconds_between(shift_start, shift_end), 0) AS active_rate
FROM shift_activity
WHERE
    tracked_seconds / NULLIF(@seconds_between(shift_start, shift_end), 0) < 0.90
    OR active_seconds / NULLIF(@seconds_between(shift_start, shift_end), 0) < 0.65
