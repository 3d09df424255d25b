AUDIT (
    name assert_dxa_completions_per_episode,
    blocking FALSE
);

/* Monitored rate on dxa_summary_pivot, per local Monday week of the episodes' first patient
   message: of the episodes with at least one completed DXA, at least 98 % have exactly one (a
   second completed DXA in the same episode means the questionnaire was launched twice). Returns
   the weeks below the rate. */
WITH episodes AS (
    SELECT
        episode_id
        , DATE_TRUNC('WEEK', MIN("timestamp"))::DATE AS date_week_est
        , SUM(CASE WHEN dxa_completed THEN 1 ELSE 0 END) AS completed_count
    FROM @this_model
    GROUP BY
        episode_id
), weekly AS (
    SELECT
        date_week_est
        , COUNT(*) AS episodes_with_completed_dxa
        , AVG(CASE WHEN completed_count = 1 THEN 1.0 ELSE 0.0 END) AS exactly_one_rate
    FROM episodes
    WHERE
        completed_count > 0
    GROUP BY
        date_week_est
)
SELECT
    date_week_est
    , episodes_with_completed_dxa
    , exactly_one_rate
FROM weekly
WHERE
    exactly_one_rate < 0.98
