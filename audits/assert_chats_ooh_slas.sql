AUDIT (
    name assert_chats_ooh_slas,
    blocking FALSE
);

/* Monitored rates: per Monday week since
   February 2018, at least 92% of out-of-hours New Episode chats are answered next day and at least
   92% within 3 opened hours. Judged on the audited batch. Returns the failing weeks. */
SELECT
    date_week_est
    , COUNT(*) AS chat_count
    , AVG(CASE WHEN is_answered_next_day THEN 1.0 ELSE 0.0 END) AS answered_next_day_rate
    , AVG(CASE WHEN is_answered_within_3_opened_hours THEN 1.0 ELSE 0.0 END) AS answered_within_3_opened_hours_rate
FROM @this_model
WHERE
    date_day_est >= '2018-02-01'
GROUP BY
    date_week_est
HAVING
    AVG(CASE WHEN is_answered_next_day THEN 1.0 ELSE 0.0 END) < 0.92
    OR AVG(CASE WHEN is_answered_within_3_opened_hours THEN 1.0 ELSE 0.0 END) < 0.92
