MODEL (
    name analytics.mental_health_pilot_patients,
    kind FULL,
    cron '0 7 * * *',
    owner analytics,
    grain episode_id,
    tags (meta, mental_health, episodes),
    audits (
        unique_values(columns := (
            episode_id
        ))
        , not_null(columns := (episode_id, user_id, mh_grouping, gp_videos_count, psy_videos_count))
        , accepted_values(
            "column" := mh_grouping,
            is_in := (
                'Group 1: No or Low Stress'
                , 'Group 2: Moderate or High Stress'
                , 'Group 3: MH Concern'
                , 'Group 4: No Questionnaire Given'
            )
        )
    ),
    description 'One row per episode of the mental-health pilot (issue type psy-pilot) with the patient''s stress questionnaire, the organization, the estimated costs and the video consultations. Stress results: the stress questionnaire of the episode when it is the user''s first one (mental_health_qnaire_answers, response_rank 1), else none; mh_grouping = Group 3: MH Concern when the depression or anxiety flag is set, Group 1: No or Low Stress (No stress, Low stress), Group 2: Moderate or High Stress, Group 4: No Questionnaire Given without a questionnaire. organization_name: the organization of the posting user''s contract whose local validity contains the first patient message (scribe_user_contract_detailed; the latest-starting contract when two overlap). Costs (costs_by_episode_daily, summed over the episode''s days, CAD): est_cc_cost, est_nc_cost, est_np_cost, gp_cost (GP videos on other issue types), psy_cost (GP videos on psychology issue types). Videos longer than 2 minutes (videos_detailed): gp_videos_count (Family Physician), psy_videos_count (Psychologist), video_length_avg / min / max (minutes, all such videos), video_first_started_at (local) and time_to_video_hours (first such video minus the first patient message, hours). Differs from the original: instead of every column of episodes, a documented subset (identifiers, dates, issue type, outcome, priority, messages, video flags, NPS, ATTR and cost totals); no person-identifying column. FULL, rebuilt by the daily 07:00 UTC run.'
);

WITH episodes AS (
    SELECT
        episode_id
        , user_id
        , patient_id
        , is_dependent_consult
        , created_at
        , first_message_patient
        , date_day_est
        , issue_type
        , outcome
        , priority_level
        , messages_total
        , messages_patient
        , messages_care_team
        , includes_video_consultation
        , video_consultation_count
        , includes_video_consultation_psy
        , score
        , nps_category
        , attr_total
        , total_cost_total
    FROM analytics.episodes
    WHERE
        issue_type = 'psy-pilot'
), questionnaires AS (
    SELECT
        episode_id
        , qnaire_tid
        , stress_qnaire_completed_at
        , depression_score
        , depression_flag
        , anxiety_score
        , anxiety_flag
        , stress_score
        , stress_grouping
    FROM analytics.mental_health_qnaire_answers
    WHERE
        response_rank = 1
), contracts AS (
    SELECT
        user_id
        , contract_id
        , organization_name
        , during_start_est
        , during_end_est
    FROM analytics.scribe_user_contract_detailed
), costs AS (
    SELECT
        episode_id
        , SUM(cc_cost) AS est_cc_cost
        , SUM(nc_cost) AS est_nc_cost
        , SUM(np_cost) AS est_np_cost
        , SUM(gp_other_cost) AS gp_cost
        , SUM(gp_psy_cost) AS psy_cost
    FROM analytics.costs_by_episode_daily
    GROUP BY
        episode_id
), videos AS (
    SELECT
        episode_id
        , COUNT(CASE WHEN main_specialization = 'Family Physician' THEN 1 END) AS gp_videos_count
        , COUNT(CASE WHEN main_specialization = 'Psychologist' THEN 1 END) AS psy_videos_count
        , AVG(video_length) AS video_length_avg
        , MIN(video_length) AS video_length_min
        , MAX(video_length) AS video_length_max
        , MIN(started_at_est) AS video_first_started_at
    FROM analytics.videos_detailed
    WHERE
        video_length > 2
    GROUP BY
        episode_id
), episode_organizations AS (
    SELECT
        episodes.episode_id
        , contracts.organization_name
    FROM episodes
    INNER JOIN contracts
        ON episodes.user_id = contracts.user_id
        AND contracts.during_start_est <= episodes.first_message_patient
        AND episodes.first_message_patient < contracts.during_end_est
    QUALIFY
        ROW_NUMBER() OVER (PARTITION BY episodes.episode_id ORDER BY contracts.during_start_est DESC, contracts.contract_id DESC) = 1
)
SELECT
    episodes.episode_id::TEXT AS episode_id /* Episode (messaging channel) */
    , episodes.user_id::TEXT AS user_id /* Scribe user id of the patient who posts in the episode */
    , episodes.patient_id::TEXT AS patient_id /* Scribe user id of the person the episode is about */
    , episodes.is_dependent_consult::BOOLEAN AS is_dependent_consult /* The episode is about a dependent of the posting user */
    , episodes.created_at::TIMESTAMPTZ AS created_at /* Creation of the episode (UTC) */
    , episodes.first_message_patient::TIMESTAMP AS first_message_patient /* First patient message (Montreal local, naive) */
    , episodes.date_day_est::DATE AS date_day_est /* Local day the episode was created */
    , episodes.issue_type::TEXT AS issue_type /* Issue type (psy-pilot) */
    , episodes.outcome::TEXT AS outcome /* Latest outcome of the episode */
    , episodes.priority_level::TEXT AS priority_level /* Latest priority level */
    , episodes.messages_total::BIGINT AS messages_total /* Messages in the episode */
    , episodes.messages_patient::BIGINT AS messages_patient /* Messages by the patient */
    , episodes.messages_care_team::BIGINT AS messages_care_team /* Messages by the care team */
    , episodes.includes_video_consultation::BOOLEAN AS includes_video_consultation /* The episode had a video consultation */
    , episodes.video_consultation_count::BIGINT AS video_consultation_count /* Video consultations in the episode */
    , episodes.includes_video_consultation_psy::BOOLEAN AS includes_video_consultation_psy /* The episode had a video consultation with a psychologist */
    , episodes.score::INT AS nps_score /* NPS score given for the episode (0-10), if any */
    , episodes.nps_category::TEXT AS nps_category /* NPS category of that score */
    , episodes.attr_total::DOUBLE AS attr_total /* Active time to resolve, all roles (minutes) */
    , episodes.total_cost_total::DOUBLE AS total_cost_total /* Total staff cost of the episode (CAD) */
    , questionnaires.qnaire_tid::TEXT AS qnaire_tid /* The user's first stress questionnaire, when run in this episode */
    , questionnaires.stress_qnaire_completed_at::TIMESTAMPTZ AS stress_qnaire_completed_at /* Time of its last reply (UTC) */
    , questionnaires.depression_score::INT AS depression_score /* Depression sum (q1-q2) */
    , questionnaires.depression_flag::BOOLEAN AS depression_flag /* Highest depression answer is 2 or more */
    , questionnaires.anxiety_score::INT AS anxiety_score /* Anxiety sum (q3-q4) */
    , questionnaires.anxiety_flag::BOOLEAN AS anxiety_flag /* Anxiety sum is 3 or more */
    , questionnaires.stress_score::INT AS stress_score /* Stress sum (q5-q8) */
    , questionnaires.stress_grouping::TEXT AS stress_grouping /* No stress, Low stress, Moderate stress or High stress */
    , CASE
        WHEN questionnaires.anxiety_flag OR questionnaires.depression_flag
        THEN 'Group 3: MH Concern'
        WHEN questionnaires.stress_grouping IN ('No stress', 'Low stress')
        THEN 'Group 1: No or Low Stress'
        WHEN questionnaires.stress_grouping IN ('Moderate stress', 'High stress')
        THEN 'Group 2: Moderate or High Stress'
        ELSE 'Group 4: No Questionnaire Given'
    END::TEXT AS mh_grouping /* Group 3: MH Concern (a flag), Group 1: No or Low Stress, Group 2: Moderate or High Stress, Group 4: No Questionnaire Given */
    , episode_organizations.organization_name::TEXT AS organization_name /* Organization of the posting user's contract at the first patient message */
    , costs.est_cc_cost::DOUBLE AS est_cc_cost /* Care Coordinator cost of the episode (CAD) */
    , costs.est_nc_cost::DOUBLE AS est_nc_cost /* Nurse Clinician cost (CAD) */
    , costs.est_np_cost::DOUBLE AS est_np_cost /* Nurse Practitioner cost (CAD) */
    , costs.gp_cost::DOUBLE AS gp_cost /* GP cost of videos on other issue types (CAD) */
    , costs.psy_cost::DOUBLE AS psy_cost /* GP cost of videos on psychology issue types (CAD) */
    , COALESCE(videos.gp_videos_count, 0)::BIGINT AS gp_videos_count /* Videos longer than 2 minutes with a Family Physician */
    , COALESCE(videos.psy_videos_count, 0)::BIGINT AS psy_videos_count /* Videos longer than 2 minutes with a Psychologist */
    , videos.video_length_avg::DOUBLE AS video_length_avg /* Average length of the videos longer than 2 minutes (minutes) */
    , videos.video_length_min::DOUBLE AS video_length_min /* Shortest such video (minutes) */
    , videos.video_length_max::DOUBLE AS video_length_max /* Longest such video (minutes) */
    , videos.video_first_started_at::TIMESTAMP AS video_first_started_at /* Start of the first such video (Montreal local, naive) */
    , (
        @minutes_between(episodes.first_message_patient, videos.video_first_started_at) / 60
    )::DOUBLE AS time_to_video_hours /* Hours from the first patient message to the first such video */
FROM episodes
LEFT JOIN questionnaires
    ON episodes.episode_id = questionnaires.episode_id
LEFT JOIN episode_organizations
    ON episodes.episode_id = episode_organizations.episode_id
LEFT JOIN costs
    ON episodes.episode_id = costs.episode_id
LEFT JOIN videos
    ON episodes.episode_id = videos.episode_id
