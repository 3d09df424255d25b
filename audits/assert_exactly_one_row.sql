AUDIT (
    name assert_exactly_one_row,
    blocking FALSE
);

/* A one-row KPI model (a daily figure posted by a Metabase pulse) holds exactly one row. Returns
   the row count when it is not 1 (0 when the day had no data to compute the figure from).
   Non-blocking by default: a quiet day warns, it does not stop the run. */
SELECT
    COUNT(*) AS row_count
FROM @this_model
HAVING
    COUNT(*) <> 1
