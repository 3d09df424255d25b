MODEL (
    name analytics.intake_event_episode_summaries,
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
            columns := (episode_id, intake_started_at, count_events, count_dxa, has_dxa, has_interruption, intake_type)
        )
        , accepted_values("column" := intake_type, is_in := ('dxa', 'no_dxa', 'not_resolved'))
    ),
    description 'One row per episode of intake_events_by_episode (complete intake sequences of the last 4 weeks before the run): intake_started_at (local time of the first event), the episode''s reason for visit, issue type, chief complaint and outcome; count_events, count_dxa, has_dxa, has_dxa_completed (the episode''s DXA was completed), has_apt_booking (always false: no booking event), has_resolved (an outcome was set), has_interruption (a free-text event in the sequence); time_to_resolve_mins = minutes from the DXA completion (else the first care-team message) to the first outcome setting, measured between instants; active_time_to_resolved_total / _cc / _nc_mins = the active Care Platform minutes of everyone / Care Coordinators / Nurse Clinicians during the events from the DXA rank (else the channel selection rank) up to the first outcome setting (its rank excluded: activity after the resolve does not count), null without resolve or without such a starting event; the appointment-booking columns are always null, as in the original; event_1 to event_15 = the event names at ranks 1 to 15; intake_type = dxa when a DXA happened, not_resolved when no outcome was set, else no_dxa. FULL, rebuilt by the daily 07:00 UTC run.'
);

WITH events AS (
    SELECT
        episode_id
        , timestamp_est
        , event_name
        , event_grouping
        , "type"
        , "rank"
        , dxa_rank
        , channel_selection_rank
        , resolved_rank
        , first_message_care_team
        , dxa_completed_at_est
        , cc_code
        , reason_for_visit
        , issue_type
        , outcome
        , time_spent_total
        , time_spent_cc
        , time_spent_nc
    FROM analytics.intake_events_by_episode
), summaries AS (
    SELECT
        episode_id
        , MIN(timestamp_est) AS intake_started_at
        , MAX(reason_for_visit) AS reason_for_visit
        , MAX(issue_type) AS issue_type
        , MAX(cc_code) AS cc_code
        , MAX(outcome) AS outcome
        , MAX(first_message_care_team) AS first_message_care_team
        , MAX(dxa_completed_at_est) AS dxa_completed_at_est
        , MAX(dxa_rank) AS dxa_rank
        , MAX(resolved_rank) AS resolved_rank
        , COUNT(*) AS count_events
        , COUNT(CASE WHEN event_grouping = 'dxa' THEN 1 END) AS count_dxa
        , COUNT(CASE WHEN "type" = 'free_text' THEN 1 END) > 0 AS has_interruption
        , MIN(CASE WHEN "rank" = resolved_rank THEN timestamp_est END) AS resolved_at_est
        , SUM(
            CASE
                WHEN "rank" >= COALESCE(dxa_rank, channel_selection_rank) AND "rank" < resolved_rank
                THEN time_spent_total
            END
        ) AS active_total_seconds
        , SUM(
            CASE
                WHEN "rank" >= COALESCE(dxa_rank, channel_selection_rank) AND "rank" < resolved_rank
                THEN time_spent_cc
            END
        ) AS active_cc_seconds
        , SUM(
            CASE
                WHEN "rank" >= COALESCE(dxa_rank, channel_selection_rank) AND "rank" < resolved_rank
                THEN time_spent_nc
            END
        ) AS active_nc_seconds
        , MIN(CASE WHEN "rank" = 1 THEN event_name END) AS event_1
        , MIN(CASE WHEN "rank" = 2 THEN event_name END) AS event_2
        , MIN(CASE WHEN "rank" = 3 THEN event_name END) AS event_3
        , MIN(CASE WHEN "rank" = 4 THEN event_name END) AS event_4
        , MIN(CASE WHEN "rank" = 5 THEN event_name END) AS event_5
        , MIN(CASE WHEN "rank" = 6 THEN event_name END) AS event_6
        , MIN(CASE WHEN "rank" = 7 THEN event_name END) AS event_7
        , MIN(CASE WHEN "rank" = 8 THEN event_name END) AS event_8
        , MIN(CASE WHEN "rank" = 9 THEN event_name END) AS event_9
        , MIN(CASE WHEN "rank" = 10 THEN event_name END) AS event_10
        , MIN(CASE WHEN "rank" = 11 THEN event_name END) AS event_11
        , MIN(CASE WHEN "rank" = 12 THEN event_name END) AS event_12
        , MIN(CASE WHEN "rank" = 13 THEN event_name END) AS event_13
        , MIN(CASE WHEN "rank" = 14 THEN event_name END) AS event_14
        , MIN(CASE WHEN "rank" = 15 THEN event_name END) AS event_15
    FROM events
    GROUP BY
        episode_id
)
SELECT
    episode_id::TEXT AS episode_id /* Episode (messaging channel) */
    , intake_started_at::TIMESTAMP AS intake_started_at /* Local time of the first event of the sequence */
    , reason_for_visit::TEXT AS reason_for_visit /* First chat-topic answer, N/A when none */
    , issue_type::TEXT AS issue_type /* Latest issue type of the episode */
    , cc_code::TEXT AS cc_code /* Chief complaint code that launched DXA */
    , outcome::TEXT AS outcome /* Outcome of the episode */
    , count_events::BIGINT AS count_events /* Events in the sequence */
    , count_dxa::BIGINT AS count_dxa /* DXA events in the sequence */
    , (
        count_dxa > 0
    )::BOOLEAN AS has_dxa /* A DXA happened in the sequence */
    , (
        NOT dxa_completed_at_est IS NULL
    )::BOOLEAN AS has_dxa_completed /* The episode's DXA was completed */
    , FALSE::BOOLEAN AS has_apt_booking /* An appointment booking happened: always false (no such event) */
    , (
        NOT resolved_rank IS NULL
    )::BOOLEAN AS has_resolved /* An outcome was set */
    , has_interruption::BOOLEAN AS has_interruption /* A free-text event interrupted the sequence */
    , NULL::DOUBLE AS time_to_apt_booking_mins /* Minutes to the appointment booking: always null */
    , @minutes_between(
        (
            @from_est(COALESCE(dxa_completed_at_est, first_message_care_team))
        ),
        (
            @from_est(resolved_at_est)
        )
    )::DOUBLE AS time_to_resolve_mins /* Minutes from the DXA completion (else the first care-team message) to the first outcome setting */
    , NULL::DOUBLE AS active_time_to_apt_booking_total_mins /* Active minutes to the appointment booking, everyone: always null */
    , NULL::DOUBLE AS active_time_to_apt_booking_cc_mins /* Active minutes to the appointment booking, Care Coordinators: always null */
    , NULL::DOUBLE AS active_time_to_apt_booking_nc_mins /* Active minutes to the appointment booking, Nurse Clinicians: always null */
    , (
        active_total_seconds / 60.0
    )::DOUBLE AS active_time_to_resolved_total_mins /* Active Care Platform minutes of everyone from the DXA (else channel selection) to the first outcome setting */
    , (
        active_cc_seconds / 60.0
    )::DOUBLE AS active_time_to_resolved_cc_mins /* The same for Care Coordinators */
    , (
        active_nc_seconds / 60.0
    )::DOUBLE AS active_time_to_resolved_nc_mins /* The same for Nurse Clinicians */
    , event_1::TEXT AS event_1 /* Name of the event at rank 1 */
    , event_2::TEXT AS event_2 /* Name of the event at rank 2 */
    , event_3::TEXT AS event_3 /* Name of the event at rank 3 */
    , event_4::TEXT AS event_4 /* Name of the event at rank 4 */
    , event_5::TEXT AS event_5 /* Name of the event at rank 5 */
    , event_6::TEXT AS event_6 /* Name of the event at rank 6 */
    , event_7::TEXT AS event_7 /* Name of the event at rank 7 */
    , event_8::TEXT AS event_8 /* Name of the event at rank 8 */
    , event_9::TEXT AS event_9 /* Name of the event at rank 9 */
    , event_10::TEXT AS event_10 /* Name of the event at rank 10 */
    , event_11::TEXT AS event_11 /* Name of the event at rank 11 */
    , event_12::TEXT AS event_12 /* Name of the event at rank 12 */
    , event_13::TEXT AS event_13 /* Name of the event at rank 13 */
    , event_14::TEXT AS event_14 /* Name of the event at rank 14 */
    , event_15::TEXT AS event_15 /* Name of the event at rank 15 */
    , CASE WHEN count_dxa > 0 THEN 'dxa' WHEN resolved_rank IS NULL THEN 'not_resolved' ELSE 'no_dxa' END::TEXT AS intake_type /* dxa, not_resolved (no outcome) or no_dxa */
FROM summaries
