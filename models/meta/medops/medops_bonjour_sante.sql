MODEL (
    name analytics.medops_bonjour_sante,
    kind FULL,
    cron '0 7 * * *',
    owner analytics,
    grain (triggered_at, episode_id),
    tags (meta, medops, care),
    audits (
        unique_combination_of_columns(columns := (triggered_at, episode_id))
        , not_null(columns := (episode_id, triggered_at, user_id, url_zorro))
    ),
    description 'One row per time a practitioner sent the Bonjour Sante template in an episode (careplatform_slash_command_triggered: command templates, id Bonjour Sante), i.e. referred the patient to the third-party appointment booking service, with the episode''s patient (episodes.patient_id, the episode subject; null when the episode is unknown) and the link to the conversation viewer. Two sends of the same episode at the same instant count once (the earliest event id). FULL, rebuilt by the 07:00 UTC run after its inputs.'
);

WITH commands AS (
    SELECT
        event_id
        , episode_id
        , command_name
        , user_id
        , command_id
        , triggered_at
    FROM analytics.careplatform_slash_command_triggered
    WHERE
        command_name = 'templates' AND command_id = 'Bonjour Sante'
), episodes AS (
    SELECT
        episode_id
        , patient_id
    FROM analytics.episodes
), sends AS (
    SELECT
        episode_id
        , command_name
        , user_id
        , command_id
        , triggered_at
    FROM commands
    QUALIFY
        ROW_NUMBER() OVER (PARTITION BY episode_id, triggered_at ORDER BY event_id) = 1
)
SELECT
    sends.episode_id::TEXT AS episode_id /* Episode the template was sent in */
    , sends.command_name::TEXT AS command_name /* Command family: templates */
    , sends.user_id::TEXT AS user_id /* Scribe user id of the practitioner who sent the template */
    , sends.command_id::TEXT AS command_id /* Template id: Bonjour Sante */
    , sends.triggered_at::TIMESTAMPTZ AS triggered_at /* Time the template was sent (UTC) */
    , episodes.patient_id::TEXT AS patient_id /* Episode subject (Scribe user id); null when the episode is unknown */
    , (
        'https://zorro.dialogue.co/conversations/' || sends.episode_id
    )::TEXT AS url_zorro /* Link to the internal conversation viewer */
FROM sends
LEFT JOIN episodes
    ON sends.episode_id = episodes.episode_id
