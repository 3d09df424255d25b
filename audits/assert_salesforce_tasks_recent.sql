AUDIT (
    name assert_salesforce_tasks_recent,
    blocking FALSE
);

/* Freshness of the Salesforce task replica: sales reps log tasks every day, so the newest task
   must have been created within 72 hours before the run. Returns one row (the newest creation
   time, null when the model is empty) when it is older. */
SELECT
    MAX(created_date) AS newest_created_date
FROM @this_model
HAVING
    COALESCE(MAX(created_date) < @execution_ts::TIMESTAMPTZ - INTERVAL '72' HOUR, TRUE)
