MODEL (
    name analytics.intake_episode_metrics,
    kind FULL,
    cron '0 7 * * *',
    owner analytics,
    grain episode_id,
    tags (meta, intake, care),
    audits (
        unique_values(columns := (
            episode_id
        ))
        , not_null(
            columns := (
                episode_id
                , first_message_patient
                , first_set_active
                , first_set_resolved_pending_at
                , time_to_resolve_from_active
                , active_time_to_resolve_total
                , active_time_to_resolve_cc
                , active_time_to_resolve_nc
            )
        )
        , forall(criteria := (
            time_to_resolve_from_active > 0
        ))
    ),
    description 'Intake timing of each episode activated before its first resolve: one row per episode (episodes) created (first post) on a UTC day of the last 4 weeks before the run (from the run date minus 28 days up to, not including, the run date minus 1 day; model variable intake_window_days) that has a first patient message and whose first set-active time precedes its first set-resolved-or-pending time. time_to_resolve_from_active is the minutes from the first activation to the first resolve; time_to_resolve_from_dxa the minutes from the DXA completion to the first resolve (null without a completed DXA). The active time to resolve is the Care Platform activity (cp_activity, active rows only) of the episode whose local start lies in [first activation, first resolve), in minutes, by Care Coordinators (cc), Nurse Clinicians (nc) and everyone (total); the from_dxa variants count only the activity starting at or after the DXA completion (null without a completed DXA). Durations are measured between instants (the local times are read in Montreal time), so a daylight-saving change inside an interval does not shift them. The original also required the first patient message and the activation to be on the same day by comparing a value with itself (always true); that condition is dropped and only the first patient message is required. FULL, rebuilt by the daily 07:00 UTC run.'
);

@DEF(intake_window_days, 28);

WITH episodes AS (
    SELECT
        episode_id
        , issue_type
        , outcome
        , user_id
        , first_message_patient
        , first_set_active
        , first_message_care_team
        , first_message_nurse
        , first_set_resolved_pending_at
        , dxa_completed_at_est
        , COALESCE(is_dxa_started, FALSE) AND NOT COALESCE(is_dxa_completed, FALSE) AS has_dxa_started_but_not_completed
        , COALESCE(is_dxa_completed, FALSE) AS has_dxa_completed
    FROM analytics.episodes
    WHERE
        NOT first_message_patient IS NULL
        AND first_set_active < first_set_resolved_pending_at
        AND @to_utc(created_at)::DATE >= @execution_ds::DATE - @intake_window_days
        AND @to_utc(created_at)::DATE < @execution_ds::DATE - 1
), activity AS (
    SELECT
        episode_id
        , activity_start_est
        , time_spent
        , main_specialization
    FROM analytics.cp_activity
    WHERE
        is_active AND NOT episode_id IS NULL
), active_time AS (
    SELECT
        episodes.episode_id
        , SUM(activity.time_spent) / 60.0 AS active_total
        , COALESCE(SUM(CASE WHEN activity.main_specialization = 'Care Coordinator' THEN activity.time_spent END), 0) / 60.0 AS active_cc
        , COALESCE(SUM(CASE WHEN activity.main_specialization = 'Nurse Clinician' THEN activity.time_spent END), 0) / 60.0 AS active_nc
        , COALESCE(
            SUM(CASE WHEN activity.activity_start_est >= episodes.dxa_completed_at_est THEN activity.time_spent END),
            0
        ) / 60.0 AS active_from_dxa_total
        , COALESCE(
            SUM(
                CASE
                    WHEN activity.activity_start_est >= episodes.dxa_completed_at_est
                    AND activity.main_specialization = 'Care Coordinator'
                    THEN activity.time_spent
                END
            ),
            0
        ) / 60.0 AS active_from_dxa_cc
        , COALESCE(
            SUM(
                CASE
                    WHEN activity.activity_start_est >= episodes.dxa_completed_at_est
                    AND activity.main_specialization = 'Nurse Clinician'
                    THEN activity.time_spent
                END
            ),
            0
        ) / 60.0 AS active_from_dxa_nc
    FROM episodes
    INNER JOIN activity
        ON episodes.episode_id = activity.episode_id
        AND activity.activity_start_est >= episodes.first_set_active
        AND activity.activity_start_est < episodes.first_set_resolved_pending_at
    GROUP BY
        episodes.episode_id
)
SELECT
    episodes.episode_id::TEXT AS episode_id /* Episode (messaging channel) */
    , episodes.issue_type::TEXT AS issue_type /* Latest issue type of the episode */
    , episodes.outcome::TEXT AS outcome /* Outcome of the episode (latest valid, else latest of any kind) */
    , episodes.user_id::TEXT AS user_id /* The patient who posts in the channel */
    , episodes.first_message_patient::TIMESTAMP AS first_message_patient /* First patient message (local) */
    , episodes.first_set_active::TIMESTAMP AS first_set_active /* First time set active (local) */
    , episodes.first_message_care_team::TIMESTAMP AS first_message_care_team /* First care-team message (local) */
    , episodes.first_message_nurse::TIMESTAMP AS first_message_nurse /* First nurse message (local) */
    , episodes.first_set_resolved_pending_at::TIMESTAMP AS first_set_resolved_pending_at /* First time set resolved or pending (local) */
    , episodes.has_dxa_started_but_not_completed::BOOLEAN AS has_dxa_started_but_not_completed /* DXA started and never completed */
    , episodes.has_dxa_completed::BOOLEAN AS has_dxa_completed /* DXA completed */
    , @minutes_between(
        (
            @from_est(episodes.first_set_active)
        ),
        (
            @from_est(episodes.first_set_resolved_pending_at)
        )
    )::DOUBLE AS time_to_resolve_from_active /* Minutes from the first activation to the first resolve or pending */
    , @minutes_between(
        (
            @from_est(episodes.dxa_completed_at_est)
        ),
        (
            @from_est(episodes.first_set_resolved_pending_at)
        )
    )::DOUBLE AS time_to_resolve_from_dxa /* Minutes from the DXA completion to the first resolve or pending; null without a completed DXA */
    , COALESCE(active_time.active_cc, 0)::DOUBLE AS active_time_to_resolve_cc /* Active Care Platform minutes of Care Coordinators between activation and first resolve */
    , COALESCE(active_time.active_nc, 0)::DOUBLE AS active_time_to_resolve_nc /* Active Care Platform minutes of Nurse Clinicians between activation and first resolve */
    , COALESCE(active_time.active_total, 0)::DOUBLE AS active_time_to_resolve_total /* Active Care Platform minutes of everyone between activation and first resolve */
    , CASE WHEN episodes.has_dxa_completed THEN COALESCE(active_time.active_from_dxa_cc, 0) END::DOUBLE AS active_time_to_resolve_from_dxa_cc /* The same for Care Coordinators, from the DXA completion on; null without a completed DXA */
    , CASE WHEN episodes.has_dxa_completed THEN COALESCE(active_time.active_from_dxa_nc, 0) END::DOUBLE AS active_time_to_resolve_from_dxa_nc /* The same for Nurse Clinicians, from the DXA completion on; null without a completed DXA */
    , CASE WHEN episodes.has_dxa_completed THEN COALESCE(active_time.active_from_dxa_total, 0) END::DOUBLE AS active_time_to_resolve_from_dxa_total /* The same for everyone, from the DXA completion on; null without a completed DXA */
FROM episodes
LEFT JOIN active_time
    ON episodes.episode_id = active_time.episode_id
