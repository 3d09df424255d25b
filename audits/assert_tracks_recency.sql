AUDIT (
    name assert_tracks_recency,
    blocking FALSE
);

/* The original's recency test on Segment's all-events tables (datepart hour, interval 15): the
   newest event is less than 15 hours before the run time. Returns one row when the source has
   been quiet longer (or holds no event). Non-blocking: a quiet source warns, it does not stop the
   DAG (the delivered() signal already gates the loads). */
SELECT
    MAX("timestamp") AS newest_event
FROM @this_model
HAVING
    MAX("timestamp") IS NULL OR MAX("timestamp") < @execution_tstz::TIMESTAMPTZ - INTERVAL '15' HOUR
