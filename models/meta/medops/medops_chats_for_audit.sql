MODEL (
    name analytics.medops_chats_for_audit,
    kind FULL,
    cron '0 7 * * *',
    owner analytics,
    grain (practitioner_id, date_day, url_zorro),
    tags (meta, medops, care, pii),
    audits (
        unique_combination_of_columns(columns := (practitioner_id, date_day, url_zorro))
        , not_null(columns := (practitioner_id, main_specialization, date_day, url_zorro, chat_type))
    ),
    description 'Chats to audit, by practitioner: one row per practitioner, Montreal local day and episode where the practitioner wrote at least one post visible to the patient (messaging_posts_all_time, not internal, by a member of practitioners) in a chat (chats) of the 90 days up to the day of the run, with the chat''s type and patient: the medical team picks a practitioner''s chats of a given day for quality review. Differs from the original: a practitioner appears on a chat''s day only when they wrote that day (the original matched posts of the whole episode, so a practitioner was listed on every day of an episode they had ever written in); the practitioner''s Scribe id is added so two practitioners with the same name stay apart. FULL, rebuilt by the 07:00 UTC run: the window moves with the date.'
);

WITH chats AS (
    SELECT
        episode_id
        , date_day_est
        , user_id
        , chat_type
        , url_zorro
    FROM analytics.chats
    WHERE
        date_day_est >= (
            @execution_ds::DATE - INTERVAL '90' DAY
        )::DATE
        AND date_day_est <= @execution_ds::DATE
), posts AS (
    SELECT
        episode_id
        , user_id
        , created_at_day_est
    FROM analytics.messaging_posts_all_time
    WHERE
        NOT is_internal_post AND created_at_day_est >= (
            @execution_ds::DATE - INTERVAL '90' DAY
        )::DATE
), practitioners AS (
    SELECT
        user_id
        , user_name
        , main_specialization
    FROM analytics.practitioners
), writers AS (
    SELECT DISTINCT
        posts.episode_id
        , posts.created_at_day_est
        , posts.user_id
    FROM posts
    INNER JOIN practitioners
        ON posts.user_id = practitioners.user_id
)
SELECT
    writers.user_id::TEXT AS practitioner_id /* Scribe user id of the practitioner */
    , practitioners.user_name::TEXT AS user_name /* [PII] Name of the practitioner (staff) */
    , practitioners.main_specialization::TEXT AS main_specialization /* Specialization of the practitioner */
    , chats.date_day_est::DATE AS date_day /* Montreal local day of the chat */
    , chats.url_zorro::TEXT AS url_zorro /* Link to the internal conversation viewer (identifies the episode) */
    , chats.user_id::TEXT AS patient_id /* Patient who posted in the chat (the channel's patient when the patient did not post that day) */
    , chats.chat_type::TEXT AS chat_type /* New Episode, Follow-up, Other initiated by Care Team, Other initiated by patient or unknown */
FROM chats
INNER JOIN writers
    ON chats.episode_id = writers.episode_id AND chats.date_day_est = writers.created_at_day_est
INNER JOIN practitioners
    ON writers.user_id = practitioners.user_id
