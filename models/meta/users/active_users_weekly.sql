MODEL (
    name analytics.active_users_weekly,
    kind FULL,
    cron '0 7 * * *',
    owner analytics,
    grain date_week,
    tags (meta, users, care),
    audits (
        unique_values(columns := (
            date_week
        ))
        , not_null(
            columns := (
                date_week
                , waus
                , daus
                , daus_chat
                , daus_video_gp_np
                , waus_paid
                , daus_paid
                , daus_chat_paid
                , daus_video_gp_np_paid
            )
        )
        , assert_active_users_counts_consistent
    ),
    description 'One row per Monday week (Montreal local days) with active users (active_users: a chat set active that day): distinct active patients (waus), distinct daily active users (daus = distinct patient-days), chat and GP/NP-video patient-days, and the same restricted to days under a paid contract (_paid). A patient active under two contracts the same day counts once in every column (distinct patient and patient-day keys); in the _paid columns when at least one of the contracts is paid. The current period is partial. FULL, rebuilt by the daily 07:00 UTC run: a small aggregate over all active days.'
);

WITH active_users AS (
    SELECT
        dau_id
        , date_week
        , user_id
        , active_on_chat
        , active_on_video_gp
        , active_on_video_np
        , contract_status
    FROM analytics.active_users
), counts AS (
    SELECT
        date_week
        , COUNT(DISTINCT user_id) AS waus
        , COUNT(DISTINCT dau_id) AS daus
        , COUNT(DISTINCT CASE WHEN active_on_chat THEN dau_id END) AS daus_chat
        , COUNT(DISTINCT CASE WHEN active_on_video_gp OR active_on_video_np THEN dau_id END) AS daus_video_gp_np
        , COUNT(DISTINCT CASE WHEN contract_status = 'paid' THEN user_id END) AS waus_paid
        , COUNT(DISTINCT CASE WHEN contract_status = 'paid' THEN dau_id END) AS daus_paid
        , COUNT(DISTINCT CASE WHEN contract_status = 'paid' AND active_on_chat THEN dau_id END) AS daus_chat_paid
        , COUNT(
            DISTINCT CASE WHEN contract_status = 'paid' AND (
                active_on_video_gp OR active_on_video_np
            ) THEN dau_id END
        ) AS daus_video_gp_np_paid
    FROM active_users
    GROUP BY
        date_week
)
SELECT
    date_week::DATE AS date_week /* Monday of the week */
    , waus::BIGINT AS waus /* Weekly active users: distinct patients with an active day */
    , daus::BIGINT AS daus /* Daily active users: distinct patient-days */
    , daus_chat::BIGINT AS daus_chat /* Patient-days with a chat */
    , daus_video_gp_np::BIGINT AS daus_video_gp_np /* Patient-days with a Family Physician or Nurse Practitioner video */
    , waus_paid::BIGINT AS waus_paid /* Distinct patients with an active day under a paid contract */
    , daus_paid::BIGINT AS daus_paid /* Patient-days under a paid contract */
    , daus_chat_paid::BIGINT AS daus_chat_paid /* Patient-days with a chat under a paid contract */
    , daus_video_gp_np_paid::BIGINT AS daus_video_gp_np_paid /* Patient-days with a GP or NP video under a paid contract */
FROM counts
