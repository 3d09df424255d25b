MODEL (
    name analytics.intake_events_by_episode,
    kind FULL,
    cron '0 7 * * *',
    owner analytics,
    grain (episode_id, "rank"),
    tags (meta, intake, care),
    audits (
        unique_combination_of_columns(columns := (episode_id, "rank"))
        , not_null(
            columns := (
                "timestamp"
                , event_name
                , event_grouping
                , episode_id
                , "rank"
                , time_spent_total
                , time_spent_cc
                , time_spent_nc
            )
        )
    ),
    description 'The complete intake sequences: the events of intake_events_by_episode_unfiltered (same window, columns and key) of the episodes whose first event is the top_level_greeting questionnaire (sequences that started inside the window), up to and including the first outcome setting (every event when the episode was never resolved). Per episode: dxa_rank (rank of the first DXA event), channel_selection_rank (first channel_selection questionnaire), apt_booking_rank (always null: no appointment-booking event is produced, as in the original), resolved_rank (first outcome setting) and first_event. From episodes: first_message_care_team, first_message_nurse, dxa_completed_at_est, cc_code, reason_for_visit, issue_type, outcome. time_spent_total / _cc / _nc are the active Care Platform seconds (cp_activity, active rows) of the episode by everyone / Care Coordinators / Nurse Clinicians whose local start lies in the event''s span [during_start_est, during_end_est) (unbounded after the last event of the unfiltered sequence). FULL, rebuilt by the daily 07:00 UTC run.'
);

WITH events AS (
    SELECT
        "timestamp"
        , timestamp_est
        , during_start_est
        , during_end_est
        , event_name
        , event_grouping
        , user_id
        , episode_id
        , initiator
        , "type"
        , "rank"
        , following_type
        , following_event
        , duration
    FROM analytics.intake_events_by_episode_unfiltered
), episode_ranks AS (
    SELECT
        episode_id
        , MIN(CASE WHEN event_grouping = 'dxa' THEN "rank" END) AS dxa_rank
        , MIN(CASE WHEN "type" = 'qnaire' AND event_name = 'channel_selection' THEN "rank" END) AS channel_selection_rank
        , MIN(CASE WHEN "type" = 'resolved' THEN "rank" END) AS resolved_rank
        , MIN(CASE WHEN "rank" = 1 THEN event_name END) AS first_event
    FROM events
    GROUP BY
        episode_id
), episodes AS (
    SELECT
        episode_id
        , first_message_care_team
        , first_message_nurse
        , dxa_completed_at_est
        , cc_code
        , reason_for_visit
        , issue_type
        , outcome
    FROM analytics.episodes
), activity AS (
    SELECT
        episode_id
        , activity_start_est
        , time_spent
        , main_specialization
    FROM analytics.cp_activity
    WHERE
        is_active AND NOT episode_id IS NULL
), kept AS (
    SELECT
        events."timestamp"
        , events.timestamp_est
        , events.during_start_est
        , events.during_end_est
        , events.event_name
        , events.event_grouping
        , events.user_id
        , events.episode_id
        , events.initiator
        , events."type"
        , events."rank"
        , events.following_type
        , events.following_event
        , events.duration
        , episode_ranks.dxa_rank
        , episode_ranks.channel_selection_rank
        , episode_ranks.resolved_rank
        , episode_ranks.first_event
    FROM events
    INNER JOIN episode_ranks
        ON events.episode_id = episode_ranks.episode_id
    WHERE
        episode_ranks.first_event = 'top_level_greeting'
        AND (
            episode_ranks.resolved_rank IS NULL OR events."rank" <= episode_ranks.resolved_rank
        )
), time_spent AS (
    SELECT
        kept.episode_id
        , kept."rank"
        , SUM(activity.time_spent) AS time_spent_total
        , SUM(CASE WHEN activity.main_specialization = 'Care Coordinator' THEN activity.time_spent END) AS time_spent_cc
        , SUM(CASE WHEN activity.main_specialization = 'Nurse Clinician' THEN activity.time_spent END) AS time_spent_nc
    FROM kept
    INNER JOIN activity
        ON kept.episode_id = activity.episode_id
        AND activity.activity_start_est >= kept.during_start_est
        AND (
            kept.during_end_est IS NULL OR activity.activity_start_est < kept.during_end_est
        )
    GROUP BY
        kept.episode_id
        , kept."rank"
)
SELECT
    kept."timestamp"::TIMESTAMPTZ AS "timestamp" /* Time of the event (UTC) */
    , kept.timestamp_est::TIMESTAMP AS timestamp_est /* Time of the event, Montreal local time (naive) */
    , kept.during_start_est::TIMESTAMP AS during_start_est /* Start of the event's span: its local time (inclusive) */
    , kept.during_end_est::TIMESTAMP AS during_end_est /* End of the event's span: the next event's local time (exclusive); null for the last event */
    , kept.event_name::TEXT AS event_name /* Questionnaire name, normalised outcome, or free_text_following_<previous event> */
    , kept.event_grouping::TEXT AS event_grouping /* dxa for the DXA questionnaire, else the type */
    , kept.user_id::TEXT AS user_id /* Patient (questionnaire), poster (free text) or practitioner (outcome) */
    , kept.episode_id::TEXT AS episode_id /* Episode (messaging channel) */
    , kept.initiator::TEXT AS initiator /* system, the poster's user_type, or practitioner */
    , kept."type"::TEXT AS "type" /* qnaire, free_text or resolved */
    , kept."rank"::INT AS "rank" /* Order of the event in the episode, 1 = first */
    , kept.following_type::TEXT AS following_type /* Type of the next event; null for the last one */
    , kept.following_event::TEXT AS following_event /* Name of the next event; null for the last one */
    , kept.duration::DOUBLE AS duration /* Seconds to the next event; null for the last one */
    , kept.dxa_rank::INT AS dxa_rank /* Rank of the episode's first DXA event; null without DXA */
    , kept.channel_selection_rank::INT AS channel_selection_rank /* Rank of the episode's first channel_selection questionnaire */
    , NULL::INT AS apt_booking_rank /* Rank of the first appointment booking: always null (no such event is produced) */
    , kept.resolved_rank::INT AS resolved_rank /* Rank of the episode's first outcome setting; null when never resolved */
    , kept.first_event::TEXT AS first_event /* Name of the episode's first event (top_level_greeting) */
    , episodes.first_message_care_team::TIMESTAMP AS first_message_care_team /* First care-team message of the episode (local) */
    , episodes.first_message_nurse::TIMESTAMP AS first_message_nurse /* First nurse message of the episode (local) */
    , episodes.dxa_completed_at_est::TIMESTAMP AS dxa_completed_at_est /* DXA completion of the episode (local) */
    , episodes.cc_code::TEXT AS cc_code /* Chief complaint code that launched DXA */
    , episodes.reason_for_visit::TEXT AS reason_for_visit /* First chat-topic answer, N/A when none */
    , episodes.issue_type::TEXT AS issue_type /* Latest issue type of the episode */
    , episodes.outcome::TEXT AS outcome /* Outcome of the episode (latest valid, else latest of any kind) */
    , COALESCE(time_spent.time_spent_total, 0)::DOUBLE AS time_spent_total /* Active Care Platform seconds of everyone in the event's span */
    , COALESCE(time_spent.time_spent_cc, 0)::DOUBLE AS time_spent_cc /* Active Care Platform seconds of Care Coordinators in the event's span */
    , COALESCE(time_spent.time_spent_nc, 0)::DOUBLE AS time_spent_nc /* Active Care Platform seconds of Nurse Clinicians in the event's span */
FROM kept
LEFT JOIN episodes
    ON kept.episode_id = episodes.episode_id
LEFT JOIN time_spent
    ON kept.episode_id = time_spent.episode_id AND kept."rank" = time_spent."rank"
