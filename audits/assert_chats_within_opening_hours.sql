AUDIT (
    name assert_chats_within_opening_hours,
    blocking FALSE
);

/* Monitored rate: per Monday week
   after 2018-04-02, at least 80% of the chats start in opening hours. Judged on the audited
   batch (audits run per batch). Returns the failing weeks. */
SELECT
    date_week_est
    , COUNT(*) AS chat_count
    , COUNT(CASE WHEN is_first_message_in_opening_hours THEN 1 END) AS chats_in_opening_hours
FROM @this_model
WHERE
    date_day_est > '2018-04-02'
GROUP BY
    date_week_est
HAVING
    COUNT(CASE WHEN is_first_message_in_opening_hours THEN 1 END) < 0.8 * COUNT(*)
