AUDIT (
    name assert_cp_activity_is_active_rate,
    blocking FALSE
);

/* Monitored rates, per local week for Care Coordinators and Nurse Clinicians on
   Virtual Care Platform shifts, excluding night, tech and archivist positions: at least 96% of
   activities active, at least 80% of active time on an episode, at least 66% of time active.
   Runs on the evaluated batch (daily intervals), so a week is judged on the days in the batch. */
WITH activity AS (
    SELECT
        DATE_TRUNC('WEEK', date_day_est)::DATE AS date_week
        , is_active
        , time_spent
        , NOT episode_id IS NULL AS is_on_episode
    FROM @this_model
    WHERE
        main_specialization IN ('Care Coordinator', 'Nurse Clinician')
        AND shift_location = 'Virtual Care Platform'
        AND NOT LOWER(COALESCE(shift_position, '')) LIKE '%night%'
        AND NOT LOWER(COALESCE(shift_position, '')) LIKE '%tech%'
        AND NOT LOWER(COALESCE(shift_position, '')) LIKE '%archivist%'
        AND date_day_est >= '2018-10-01'
), weekly AS (
    SELECT
        date_week
        , AVG(CASE WHEN is_active THEN 1.0 ELSE 0.0 END) AS active_activity_rate
        , SUM(CASE WHEN is_active AND is_on_episode THEN time_spent ELSE 0 END) / NULLIF(SUM(CASE WHEN is_active THEN time_spent ELSE 0 END), 0) AS active_time_on_episode_rate
        , SUM(CASE WHEN is_active THEN time_spent ELSE 0 END) / NULLIF(SUM(time_spent), 0) AS active_time_rate
    FROM activity
    GROUP BY
        date_week
)
SELECT
    date_week
    , active_activity_rate
    , active_time_on_episode_rate
    , active_time_rate
FROM weekly
WHERE
    active_activity_rate < 0.96 OR active_time_on_episode_rate < 0.80 OR active_time_rate < 0.66
