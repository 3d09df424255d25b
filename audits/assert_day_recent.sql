AUDIT (
    name assert_day_recent,
    blocking FALSE,
    defaults (
        max_days = 2
    )
);

/* Recency of a day series: the latest `day_column` is at most `max_days` days (default 2) before
   the day of the run. Returns one row when the series is older (or empty). Non-blocking: a stale
   series warns, it does not stop the DAG. */
SELECT
    MAX(@day_column) AS latest_day
FROM @this_model
HAVING
    MAX(@day_column) IS NULL OR MAX(@day_column) < @execution_ds::DATE - @max_days
