MODEL (
    name analytics.assigned_time,
    kind FULL,
    cron '0 7 * * *',
    owner analytics,
    grain assignment_id,
    tags (table, usher, care),
    audits (
        unique_values(columns := (
            assignment_id
        ))
        , not_null(columns := (assignment_id, episode_id, assigned_user_id, assigned_at, date_day_est))
    ),
    description 'One row per assignment of an episode to a practitioner by Usher, with how long it lasted within its Montreal local day. The events of an episode are its assignments (usher_episode_assigned; an assignment to nobody is an unassign) and its resolve markers (usher_episode_state_updated states pending and resolved). An assignment lasts until the next event of the same episode on the same local day (unassigned_at, at the same instant ordered by event id), null when it is the last event of that day. Kept: assignments to a practitioner on local days before the day of the run (execution date), since the spans of the current day are incomplete. assignment_id is the md5 of the episode id, the assignee id and the assignment time as Postgres renders it in a UTC session. FULL, rebuilt by the daily 07:00 UTC run.'
);

WITH events AS (
    SELECT
        event_id
        , episode_id
        , assigned_user_id
        , user_id
        , "timestamp"
        , timestamp_est::DATE AS date_day_est
    FROM analytics.usher_episode_assigned
    UNION ALL
    SELECT
        event_id
        , episode_id
        , NULL::TEXT AS assigned_user_id
        , user_id
        , "timestamp"
        , date_day_est
    FROM analytics.usher_episode_state_updated
    WHERE
        episode_state IN ('pending', 'resolved')
), spans AS (
    SELECT
        *
        , LEAD("timestamp") OVER (PARTITION BY episode_id, date_day_est ORDER BY "timestamp", event_id) AS unassigned_at
    FROM events
)
SELECT
    MD5(episode_id || assigned_user_id || @utc_timestamptz_text("timestamp"))::TEXT AS assignment_id /* md5 of episode id, assignee id and assignment time text */
    , episode_id::TEXT AS episode_id /* Episode assigned */
    , assigned_user_id::TEXT AS assigned_user_id /* Practitioner the episode is assigned to */
    , user_id::TEXT AS user_id /* Actor who made the assignment */
    , "timestamp"::TIMESTAMPTZ AS assigned_at /* Time of the assignment (UTC) */
    , unassigned_at::TIMESTAMPTZ AS unassigned_at /* Next event of the episode on the same local day (UTC), null when none */
    , date_day_est::DATE AS date_day_est /* Montreal local day of the assignment */
FROM spans
WHERE
    NOT assigned_user_id IS NULL AND date_day_est < @execution_ds::DATE
