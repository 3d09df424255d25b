MODEL (
    name analytics.medops_readmission_rate,
    kind FULL,
    cron '0 7 * * *',
    owner analytics,
    grain week,
    tags (meta, medops, care),
    audits (
        unique_values(columns := (
            week
        ))
        , not_null(columns := (week, readmission_count, new_episode_count))
    ),
    description 'Readmissions by patient per week: one row per Monday week of the chats'' Montreal local days (chats) with at least one chat. Each chat is classified with the previous chat of the same episode (by day): a chat the patient initiated (chat type Other initiated by patient) is Patient thanks when the day''s invalid outcomes are exactly patient_thanks, Follow-up when the previous chat was a Follow-up in which the patient did not write, otherwise a Readmission by patient; other chats keep their type. readmission_count: readmissions by patient less than 14 whole days after the local day of the episode''s first pending or resolve (episodes.first_set_resolved_pending_at; chats before that day have negative days and count too, as in the original; episodes never set pending or resolved do not count); new_episode_count: New Episode chats. Note: the original''s invalid outcomes listed valid outcomes too, so Patient thanks never fired there; with the corrected invalid_outcomes of chats it does. FULL, rebuilt by the 07:00 UTC run.'
);

WITH chats AS (
    SELECT
        episode_id
        , date_day_est
        , chat_type
        , invalid_outcomes
        , includes_patient_message
    FROM analytics.chats
), episodes AS (
    SELECT
        episode_id
        , first_set_resolved_pending_at
    FROM analytics.episodes
), sequenced AS (
    SELECT
        episode_id
        , date_day_est
        , chat_type
        , invalid_outcomes
        , LAG(chat_type) OVER (PARTITION BY episode_id ORDER BY date_day_est) AS previous_chat_type
        , LAG(includes_patient_message) OVER (PARTITION BY episode_id ORDER BY date_day_est) AS previous_includes_patient_message
    FROM chats
), classified AS (
    SELECT
        sequenced.episode_id
        , sequenced.date_day_est
        , CASE
            WHEN sequenced.chat_type <> 'Other initiated by patient'
            THEN sequenced.chat_type
            WHEN sequenced.invalid_outcomes = 'patient_thanks'
            THEN 'Patient thanks'
            WHEN sequenced.previous_chat_type = 'Follow-up' AND NOT sequenced.previous_includes_patient_message
            THEN 'Follow-up'
            ELSE 'Readmission by patient'
        END AS chat_class
        , @days_between(episodes.first_set_resolved_pending_at::DATE, sequenced.date_day_est) AS days_since_first_resolve
    FROM sequenced
    LEFT JOIN episodes
        ON sequenced.episode_id = episodes.episode_id
)
SELECT
    DATE_TRUNC('WEEK', date_day_est)::DATE AS week /* Monday of the week of the chats' local days */
    , SUM(CASE WHEN chat_class = 'Readmission by patient' AND days_since_first_resolve < 14 THEN 1 ELSE 0 END)::BIGINT AS readmission_count /* Chats classified Readmission by patient, less than 14 days after the episode's first pending or resolve */
    , SUM(CASE WHEN chat_class = 'New Episode' THEN 1 ELSE 0 END)::BIGINT AS new_episode_count /* New Episode chats */
FROM classified
GROUP BY
    DATE_TRUNC('WEEK', date_day_est)::DATE
