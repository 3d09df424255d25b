MODEL (
    name analytics.episodes_kpis,
    kind INCREMENTAL_BY_UNIQUE_KEY (
        unique_key episode_id
    ),
    cron '0 7 * * *',
    owner analytics,
    grain episode_id,
    tags (meta, episodes, cp_activity, care),
    audits (
        unique_values(columns := (
            episode_id
        ))
        , not_null(columns := (episode_id, new_episode_day_est, ttr_total, attr_total, attr_total_day_1))
        , forall(criteria := (ttr_total >= 0, attr_total >= 0))
    ),
    description 'Time to resolve (TTR) and active time to resolve (ATTR) per episode: one row per episode with a New Episode chat. ttr_total = minutes from the first message of the first chat to the last message of the last chat (computed on UTC instants, so a DST change inside the episode does not shift it). ATTR = active CP time (cp_activity.is_active) logged on the episode by practitioners, in minutes, over all days: total and per specialty (nc = Nurse Clinician, np = Nurse Practitioner, nurse = both, cc = Care Coordinator incl. former Medical Assistants, gp = Family Physician, psy = Psychologist, nutr = Nutritionist); _day_1 = only the New-Episode day; _day_7 = days before New-Episode day + 7, null while those 7 local days are not all complete. Differs from the original: every episode with a New Episode chat gets a row and a ttr_total, with ATTR 0 when no active CP time was logged (the original dropped such episodes). Incremental by unique key (daily run at 07:00 UTC): each run recomputes only the episodes with a chat or CP activity on the interval''s local days, or whose 7-day window completes in it, over their whole history, and merges them on episode_id.'
);

WITH chats AS (
    SELECT
        episode_id
        , date_day_est
        , chat_type
        , first_message_created_at
        , last_message_created_at
    FROM analytics.chats
), activity AS (
    SELECT
        episode_id
        , date_day_est
        , time_spent
        , main_specialization
    FROM analytics.cp_activity
    WHERE
        is_active AND NOT episode_id IS NULL AND main_specialization <> 'N/A'
), new_episode_days AS (
    SELECT
        episode_id
        , MIN(date_day_est) AS new_episode_day_est
    FROM chats
    WHERE
        chat_type = 'New Episode'
    GROUP BY
        episode_id
), touched_episodes AS (
    SELECT
        episode_id
    FROM chats
    WHERE
        date_day_est BETWEEN @start_ds AND @end_ds
    UNION
    SELECT
        episode_id
    FROM activity
    WHERE
        date_day_est BETWEEN @start_ds AND @end_ds
    UNION
    SELECT
        episode_id
    FROM new_episode_days
    WHERE
        new_episode_day_est + 6 BETWEEN @start_ds AND @end_ds
), episode_chats AS (
    SELECT
        chats.episode_id
        , new_episode_days.new_episode_day_est
        , new_episode_days.new_episode_day_est + 6 <= @end_ds::DATE AS is_7_days_old
        , MIN(chats.first_message_created_at) AS first_message_est
        , MAX(chats.last_message_created_at) AS last_message_est
    FROM chats
    INNER JOIN touched_episodes
        ON chats.episode_id = touched_episodes.episode_id
    INNER JOIN new_episode_days
        ON chats.episode_id = new_episode_days.episode_id
    GROUP BY
        chats.episode_id
        , new_episode_days.new_episode_day_est
), attr AS (
    SELECT
        activity.episode_id
        , SUM(time_spent) / 60.0 AS attr_total
        , SUM(CASE WHEN activity.date_day_est = episode_chats.new_episode_day_est THEN time_spent ELSE 0 END) / 60.0 AS attr_total_day_1
        , SUM(CASE WHEN activity.date_day_est < episode_chats.new_episode_day_est + 7 THEN time_spent ELSE 0 END) / 60.0 AS attr_total_day_7
        , SUM(CASE WHEN main_specialization IN ('Nurse Clinician') THEN time_spent ELSE 0 END) / 60.0 AS attr_nc
        , SUM(
            CASE
                WHEN main_specialization IN ('Nurse Clinician')
                AND activity.date_day_est = episode_chats.new_episode_day_est
                THEN time_spent
                ELSE 0
            END
        ) / 60.0 AS attr_nc_day_1
        , SUM(
            CASE
                WHEN main_specialization IN ('Nurse Clinician')
                AND activity.date_day_est < episode_chats.new_episode_day_est + 7
                THEN time_spent
                ELSE 0
            END
        ) / 60.0 AS attr_nc_day_7
        , SUM(CASE WHEN main_specialization IN ('Nurse Practitioner') THEN time_spent ELSE 0 END) / 60.0 AS attr_np
        , SUM(
            CASE
                WHEN main_specialization IN ('Nurse Practitioner')
                AND activity.date_day_est = episode_chats.new_episode_day_est
                THEN time_spent
                ELSE 0
            END
        ) / 60.0 AS attr_np_day_1
        , SUM(
            CASE
                WHEN main_specialization IN ('Nurse Practitioner')
                AND activity.date_day_est < episode_chats.new_episode_day_est + 7
                THEN time_spent
                ELSE 0
            END
        ) / 60.0 AS attr_np_day_7
        , SUM(
            CASE WHEN main_specialization IN ('Nurse Clinician', 'Nurse Practitioner') THEN time_spent ELSE 0 END
        ) / 60.0 AS attr_nurse
        , SUM(
            CASE
                WHEN main_specialization IN ('Nurse Clinician', 'Nurse Practitioner')
                AND activity.date_day_est = episode_chats.new_episode_day_est
                THEN time_spent
                ELSE 0
            END
        ) / 60.0 AS attr_nurse_day_1
        , SUM(
            CASE
                WHEN main_specialization IN ('Nurse Clinician', 'Nurse Practitioner')
                AND activity.date_day_est < episode_chats.new_episode_day_est + 7
                THEN time_spent
                ELSE 0
            END
        ) / 60.0 AS attr_nurse_day_7
        , SUM(CASE WHEN main_specialization IN ('Care Coordinator') THEN time_spent ELSE 0 END) / 60.0 AS attr_cc
        , SUM(
            CASE
                WHEN main_specialization IN ('Care Coordinator')
                AND activity.date_day_est = episode_chats.new_episode_day_est
                THEN time_spent
                ELSE 0
            END
        ) / 60.0 AS attr_cc_day_1
        , SUM(
            CASE
                WHEN main_specialization IN ('Care Coordinator')
                AND activity.date_day_est < episode_chats.new_episode_day_est + 7
                THEN time_spent
                ELSE 0
            END
        ) / 60.0 AS attr_cc_day_7
        , SUM(CASE WHEN main_specialization IN ('Family Physician') THEN time_spent ELSE 0 END) / 60.0 AS attr_gp
        , SUM(
            CASE
                WHEN main_specialization IN ('Family Physician')
                AND activity.date_day_est = episode_chats.new_episode_day_est
                THEN time_spent
                ELSE 0
            END
        ) / 60.0 AS attr_gp_day_1
        , SUM(
            CASE
                WHEN main_specialization IN ('Family Physician')
                AND activity.date_day_est < episode_chats.new_episode_day_est + 7
                THEN time_spent
                ELSE 0
            END
        ) / 60.0 AS attr_gp_day_7
        , SUM(CASE WHEN main_specialization IN ('Psychologist') THEN time_spent ELSE 0 END) / 60.0 AS attr_psy
        , SUM(
            CASE
                WHEN main_specialization IN ('Psychologist') AND activity.date_day_est = episode_chats.new_episode_day_est
                THEN time_spent
                ELSE 0
            END
        ) / 60.0 AS attr_psy_day_1
        , SUM(
            CASE
                WHEN main_specialization IN ('Psychologist')
                AND activity.date_day_est < episode_chats.new_episode_day_est + 7
                THEN time_spent
                ELSE 0
            END
        ) / 60.0 AS attr_psy_day_7
        , SUM(CASE WHEN main_specialization IN ('Nutritionist') THEN time_spent ELSE 0 END) / 60.0 AS attr_nutr
        , SUM(
            CASE
                WHEN main_specialization IN ('Nutritionist') AND activity.date_day_est = episode_chats.new_episode_day_est
                THEN time_spent
                ELSE 0
            END
        ) / 60.0 AS attr_nutr_day_1
        , SUM(
            CASE
                WHEN main_specialization IN ('Nutritionist')
                AND activity.date_day_est < episode_chats.new_episode_day_est + 7
                THEN time_spent
                ELSE 0
            END
        ) / 60.0 AS attr_nutr_day_7
    FROM activity
    INNER JOIN episode_chats
        ON activity.episode_id = episode_chats.episode_id
    GROUP BY
        activity.episode_id
)
SELECT
    episode_chats.episode_id::TEXT AS episode_id /* Episode (messaging channel) */
    , episode_chats.new_episode_day_est::DATE AS new_episode_day_est /* Local day of the episode's New Episode chat */
    , @minutes_between((
        @from_est(episode_chats.first_message_est)
    ), (
        @from_est(episode_chats.last_message_est)
    ))::DOUBLE AS ttr_total /* Minutes from the first message of the first chat to the last message of the last chat */
    , COALESCE(attr.attr_total, 0)::DOUBLE AS attr_total /* Active minutes of all care-team members on the episode, all days */
    , COALESCE(attr.attr_total_day_1, 0)::DOUBLE AS attr_total_day_1 /* Active minutes of all care-team members on the New-Episode day */
    , CASE WHEN episode_chats.is_7_days_old THEN COALESCE(attr.attr_total_day_7, 0) END::DOUBLE AS attr_total_day_7 /* Active minutes of all care-team members before New-Episode day + 7; null while the episode is younger */
    , COALESCE(attr.attr_nc, 0)::DOUBLE AS attr_nc /* Active minutes of Nurse Clinicians on the episode, all days */
    , COALESCE(attr.attr_nc_day_1, 0)::DOUBLE AS attr_nc_day_1 /* Active minutes of Nurse Clinicians on the New-Episode day */
    , CASE WHEN episode_chats.is_7_days_old THEN COALESCE(attr.attr_nc_day_7, 0) END::DOUBLE AS attr_nc_day_7 /* Active minutes of Nurse Clinicians before New-Episode day + 7; null while the episode is younger */
    , COALESCE(attr.attr_np, 0)::DOUBLE AS attr_np /* Active minutes of Nurse Practitioners on the episode, all days */
    , COALESCE(attr.attr_np_day_1, 0)::DOUBLE AS attr_np_day_1 /* Active minutes of Nurse Practitioners on the New-Episode day */
    , CASE WHEN episode_chats.is_7_days_old THEN COALESCE(attr.attr_np_day_7, 0) END::DOUBLE AS attr_np_day_7 /* Active minutes of Nurse Practitioners before New-Episode day + 7; null while the episode is younger */
    , COALESCE(attr.attr_nurse, 0)::DOUBLE AS attr_nurse /* Active minutes of nurses (NC and NP) on the episode, all days */
    , COALESCE(attr.attr_nurse_day_1, 0)::DOUBLE AS attr_nurse_day_1 /* Active minutes of nurses (NC and NP) on the New-Episode day */
    , CASE WHEN episode_chats.is_7_days_old THEN COALESCE(attr.attr_nurse_day_7, 0) END::DOUBLE AS attr_nurse_day_7 /* Active minutes of nurses (NC and NP) before New-Episode day + 7; null while the episode is younger */
    , COALESCE(attr.attr_cc, 0)::DOUBLE AS attr_cc /* Active minutes of Care Coordinators (incl. former Medical Assistants) on the episode, all days */
    , COALESCE(attr.attr_cc_day_1, 0)::DOUBLE AS attr_cc_day_1 /* Active minutes of Care Coordinators (incl. former Medical Assistants) on the New-Episode day */
    , CASE WHEN episode_chats.is_7_days_old THEN COALESCE(attr.attr_cc_day_7, 0) END::DOUBLE AS attr_cc_day_7 /* Active minutes of Care Coordinators (incl. former Medical Assistants) before New-Episode day + 7; null while the episode is younger */
    , COALESCE(attr.attr_gp, 0)::DOUBLE AS attr_gp /* Active minutes of Family Physicians (GP) on the episode, all days */
    , COALESCE(attr.attr_gp_day_1, 0)::DOUBLE AS attr_gp_day_1 /* Active minutes of Family Physicians (GP) on the New-Episode day */
    , CASE WHEN episode_chats.is_7_days_old THEN COALESCE(attr.attr_gp_day_7, 0) END::DOUBLE AS attr_gp_day_7 /* Active minutes of Family Physicians (GP) before New-Episode day + 7; null while the episode is younger */
    , COALESCE(attr.attr_psy, 0)::DOUBLE AS attr_psy /* Active minutes of Psychologists on the episode, all days */
    , COALESCE(attr.attr_psy_day_1, 0)::DOUBLE AS attr_psy_day_1 /* Active minutes of Psychologists on the New-Episode day */
    , CASE WHEN episode_chats.is_7_days_old THEN COALESCE(attr.attr_psy_day_7, 0) END::DOUBLE AS attr_psy_day_7 /* Active minutes of Psychologists before New-Episode day + 7; null while the episode is younger */
    , COALESCE(attr.attr_nutr, 0)::DOUBLE AS attr_nutr /* Active minutes of Nutritionists on the episode, all days */
    , COALESCE(attr.attr_nutr_day_1, 0)::DOUBLE AS attr_nutr_day_1 /* Active minutes of Nutritionists on the New-Episode day */
    , CASE WHEN episode_chats.is_7_days_old THEN COALESCE(attr.attr_nutr_day_7, 0) END::DOUBLE AS attr_nutr_day_7 /* Active minutes of Nutritionists before New-Episode day + 7; null while the episode is younger */
FROM episode_chats
LEFT JOIN attr
    ON episode_chats.episode_id = attr.episode_id
