MODEL (
    name analytics.messaging_practitioner_responses,
    kind FULL,
    cron '0 7 * * *',
    owner analytics,
    grain post_id,
    tags (transform, messaging, care),
    audits (
        unique_values(columns := (
            post_id
        ))
        , not_null(columns := (post_id, user_id, episode_id, created_at, previous_post_at, in_chat_time))
        , accepted_range("column" := in_chat_time, min_v := 0)
    ),
    description 'One row per care-team response in a chat: a post by a care-team member (user_type physician) that directly follows a patient post of the same episode on the same UTC day (messaging_posts_w_lag_detail: non-internal posts only). in_chat_time is the number of minutes from that patient post to the response. FULL, rebuilt by the daily 07:00 UTC run.'
);

SELECT
    user_id::TEXT AS user_id /* Scribe user id of the responding care-team member */
    , post_id::TEXT AS post_id /* Post identifier of the response */
    , episode_id::TEXT AS episode_id /* Messaging channel = episode */
    , date_day::DATE AS date_day /* UTC day of the response */
    , created_at::TIMESTAMPTZ AS created_at /* Time of the response (UTC) */
    , previous_post_at::TIMESTAMPTZ AS previous_post_at /* Time of the patient post responded to (UTC) */
    , created_at_est::TIMESTAMP AS created_at_est /* Time of the response, Montreal local time (naive) */
    , @minutes_between(previous_post_at, created_at)::DOUBLE AS in_chat_time /* Minutes from the patient post to the response */
FROM analytics.messaging_posts_w_lag_detail
WHERE
    user_type = 'physician'
    AND previous_user_type = 'patient'
    AND DATE_TRUNC('DAY', @to_utc(previous_post_at))::DATE = date_day
