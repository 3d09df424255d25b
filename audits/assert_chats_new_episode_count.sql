AUDIT (
    name assert_chats_new_episode_count,
    blocking TRUE
);

/* Invariant: no episode has more than one
   New Episode chat. Audits run per batch, so this checks the audited batch; across batches the
   rank (1 + earlier chat days of the episode in chats_messaging_daily) makes a second rank 1
   impossible. Returns the episodes with two or more New Episode chats. */
SELECT
    episode_id
    , COUNT(*) AS new_episode_chat_count
FROM @this_model
WHERE
    chat_type = 'New Episode'
GROUP BY
    episode_id
HAVING
    COUNT(*) > 1
