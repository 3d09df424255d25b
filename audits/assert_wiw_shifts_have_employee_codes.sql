AUDIT (
    name assert_wiw_shifts_have_employee_codes,
    blocking FALSE
);

/* Monitored rate: per local week since October 2018, at most 1% of the Care
   Coordinator and Nurse Clinician shifts lack an employee code (no Scribe user id to match). */
SELECT
    start_week_est
    , AVG(CASE WHEN user_id IS NULL THEN 1.0 ELSE 0.0 END) AS missing_employee_code_rate
FROM @this_model
WHERE
    position_group IN ('Care Coordinator', 'Nurse Clinician') AND start_day_est >= '2018-10-01'
GROUP BY
    start_week_est
HAVING
    AVG(CASE WHEN user_id IS NULL THEN 1.0 ELSE 0.0 END) > 0.01
