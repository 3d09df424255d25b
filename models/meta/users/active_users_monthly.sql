MODEL (
    name analytics.active_users_monthly,
    kind FULL,
    cron '0 7 * * *',
    owner analytics,
    grain date_month,
    tags (meta, users, care),
    audits (
        unique_values(columns := (
            date_month
        ))
        , not_null(
            columns := (
                date_month
                , maus
                , daus
                , daus_chat
                , daus_video_gp_np
                , maus_paid
                , daus_paid
                , daus_chat_paid
                , daus_video_gp_np_paid
            )
        )
        , assert_active_users_counts_consistent
    ),
    description 'One row per calendar month (Montreal local days) with active users (active_users: a chat set active that day): distinct active patients (maus), distinct daily active users (daus = distinct patient-days), chat and GP/NP-video patient-days, and the same restricted to days under a paid contract (_paid). A patient active under two contracts the same day counts once in every column (distinct patient and patient-day keys); in the _paid columns when at least one of the contracts is paid. The current period is partial. FULL, rebuilt by the daily 07:00 UTC run: a small aggregate over all active days.'
);

WITH active_users AS (
    SELECT
        dau_id
        , date_month
        , user_id
        , active_on_chat
        , active_on_video_gp
        , active_on_video_np
        , contract_status
    FROM analytics.active_users
), counts AS (
    SELECT
        date_month
        , COUNT(DISTINCT user_id) AS maus
        , COUNT(DISTINCT dau_id) AS daus
        , COUNT(DISTINCT CASE WHEN active_on_chat THEN dau_id END) AS daus_chat
        , COUNT(DISTINCT CASE WHEN active_on_video_gp OR active_on_video_np THEN dau_id END) AS daus_video_gp_np
        , COUNT(DISTINCT CASE WHEN contract_status = 'paid' THEN user_id END) AS maus_paid
        , COUNT(DISTINCT CASE WHEN contract_status = 'paid' THEN dau_id END) AS daus_paid
        , COUNT(DISTINCT CASE WHEN contract_status = 'paid' AND active_on_chat THEN dau_id END) AS daus_chat_paid
        , COUNT(
            DISTINCT CASE WHEN contract_status = 'paid' AND (
                active_on_video_gp OR active_on_video_np
            ) THEN dau_id END
        ) AS daus_video_gp_np_paid
    FROM active_users
    GROUP BY
        date_month
)
SELECT
    date_month::DATE AS date_month /* First day of the month */
    , maus::BIGINT AS maus /* Monthly active users: distinct patients with an active day */
    , daus::BIGINT AS daus /* Daily active users: distinct patient-days */
    , daus_chat::BIGINT AS daus_chat /* Patient-days with a chat */
    , daus_video_gp_np::BIGINT AS daus_video_gp_np /* Patient-days with a Family Physician or Nurse Practitioner video */
    , maus_paid::BIGINT AS maus_paid /* Distinct patients with an active day under a paid contract */
    , daus_paid::BIGINT AS daus_paid /* Patient-days under a paid contract */
    , daus_chat_paid::BIGINT AS daus_chat_paid /* Patient-days with a chat under a paid contract */
    , daus_video_gp_np_paid::BIGINT AS daus_video_gp_np_paid /* Patient-days with a GP or NP video under a paid contract */
FROM counts
