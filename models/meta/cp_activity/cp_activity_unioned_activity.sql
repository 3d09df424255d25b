MODEL (
    name analytics.cp_activity_unioned_activity,
    kind INCREMENTAL_BY_TIME_RANGE (
        time_column date_day_est,
        lookback 3
    ),
    cron '0 7 * * *',
    owner analytics,
    grain cp_activity_id,
    tags (meta, cp_activity, care),
    audits (
        unique_values(columns := (
            cp_activity_id
        ))
        , not_null(columns := (cp_activity_id, user_id, "timestamp", timestamp_est, date_day, date_day_est, activity))
        , accepted_values("column" := activity, is_in := ('chat', 'video', 'dashboard', 'phone_call'))
    ),
    description 'Everything a care-team member did in the Care Platform, one row per (user, timestamp): page views (careplatform_pages_activity: chat, video or dashboard), care-team posts (messaging_posts_all_time with user_type physician: chat) and practitioner video starts (videos_started: video). Events that fall inside one of the same user''s phone calls ([start, end]) are dropped and replaced by one phone_call event at the call start. Several events at the same (user, timestamp) keep one, by priority phone_call, video, chat, dashboard. cp_activity_id = md5 of user_id followed by the event''s UTC timestamp rendered as Postgres renders a timestamptz in a UTC session (YYYY-MM-DD HH:MI:SS, fraction of a second only when not zero, then +00), the original''s id. Incremental by local (Montreal) day: daily run at 07:00 UTC, 3-day lookback for late events, never today''s incomplete day. Differs from the original: phone-call rows no longer swap date_day and date_day_est.'
);

WITH page_views AS (
    SELECT
        user_id
        , "timestamp"
        , activity
        , episode_id
    FROM analytics.careplatform_pages_activity
    WHERE
        date_day_est BETWEEN @start_ds AND @end_ds
), care_team_posts AS (
    SELECT
        user_id
        , created_at AS "timestamp"
        , 'chat' AS activity
        , episode_id
    FROM analytics.messaging_posts_all_time
    WHERE
        created_at_day_est BETWEEN @start_ds AND @end_ds AND user_type = 'physician' AND NOT user_id IS NULL
), video_starts AS (
    SELECT
        careplatform_user_id AS user_id
        , "timestamp"
        , activity
        , episode_id
    FROM analytics.videos_started
    WHERE
        date_day_est BETWEEN @start_ds AND @end_ds AND NOT careplatform_user_id IS NULL
), phone_calls AS (
    SELECT
        call_id
        , user_id
        , episode_id
        , started_at
        , COALESCE(ended_at, started_at) AS ended_at
        , date_day_est
    FROM analytics.telephone_calls
    WHERE
        date_day_est BETWEEN @start_ds::DATE - 1 AND @end_ds AND NOT user_id IS NULL
), events AS (
    SELECT
        user_id
        , "timestamp"
        , activity
        , episode_id
    FROM page_views
    UNION ALL
    SELECT
        user_id
        , "timestamp"
        , activity
        , episode_id
    FROM care_team_posts
    UNION ALL
    SELECT
        user_id
        , "timestamp"
        , activity
        , episode_id
    FROM video_starts
), events_outside_calls AS (
    SELECT
        events.user_id
        , events."timestamp"
        , events.activity
        , events.episode_id
    FROM events
    LEFT JOIN phone_calls
        ON events.user_id = phone_calls.user_id
        AND events."timestamp" >= phone_calls.started_at
        AND events."timestamp" <= phone_calls.ended_at
    WHERE
        phone_calls.call_id IS NULL
), call_events AS (
    SELECT
        user_id
        , started_at AS "timestamp"
        , 'phone_call' AS activity
        , episode_id
    FROM phone_calls
    WHERE
        date_day_est BETWEEN @start_ds AND @end_ds
), all_events AS (
    SELECT
        user_id
        , "timestamp"
        , activity
        , episode_id
    FROM events_outside_calls
    UNION ALL
    SELECT
        user_id
        , "timestamp"
        , activity
        , episode_id
    FROM call_events
), deduplicated AS (
    SELECT
        user_id
        , "timestamp"
        , activity
        , episode_id
    FROM all_events
    QUALIFY
        ROW_NUMBER() OVER (
            PARTITION BY user_id, "timestamp"
            ORDER BY CASE activity WHEN 'phone_call' THEN 1 WHEN 'video' THEN 2 WHEN 'chat' THEN 3 ELSE 4 END, episode_id
        ) = 1
)
SELECT
    MD5(user_id || @utc_timestamptz_text("timestamp"))::TEXT AS cp_activity_id /* md5 of user_id followed by the UTC timestamp as Postgres renders a timestamptz (YYYY-MM-DD HH:MI:SS[.ffffff]+00; the original's id) */
    , user_id::TEXT AS user_id /* Scribe user id of the care-team member */
    , "timestamp"::TIMESTAMPTZ AS "timestamp" /* Time of the event (UTC) */
    , @to_est("timestamp")::TIMESTAMP AS timestamp_est /* Time of the event, Montreal local time (naive) */
    , @to_utc("timestamp")::DATE AS date_day /* UTC day of the event */
    , @to_est("timestamp")::DATE AS date_day_est /* Montreal local day of the event */
    , activity::TEXT AS activity /* chat, video, dashboard or phone_call */
    , episode_id::TEXT AS episode_id /* Episode worked on, when known */
FROM deduplicated
