AUDIT (
    name assert_active_users_counts_consistent,
    blocking TRUE
);

/* Active-user aggregates: a subset never exceeds its set (paid <= all, chat and video days <=
   all days, distinct users <= patient-days). Blocking invariant of active_users_weekly/_monthly. */
SELECT
    *
FROM @this_model
WHERE
    daus_paid > daus
    OR daus_chat > daus
    OR daus_video_gp_np > daus
    OR daus_chat_paid > daus_paid
    OR daus_video_gp_np_paid > daus_paid
    OR daus_chat_paid > daus_chat
