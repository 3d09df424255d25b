MODEL (
    name analytics.intake_events_by_episode_unfiltered,
    kind FULL,
    cron '0 7 * * *',
    owner analytics,
    grain (episode_id, "rank"),
    tags (meta, intake, care),
    audits (
        unique_combination_of_columns(columns := (episode_id, "rank"))
        , not_null(columns := ("timestamp", event_name, event_grouping, episode_id, "type", initiator, "rank"))
        , accepted_values("column" := "type", is_in := ('qnaire', 'free_text', 'resolved'))
        , forall(criteria := (
            duration >= 0
        ))
    ),
    description 'The intake sequence of each episode, one row per event, over the events of the last 4 weeks before the run (UTC days from the run date minus 28 days up to, not including, the run date minus 1 day; the window length is the model variable intake_window_days). Three kinds of events: questionnaire starts (countdown_qnaire_completion_stats; type qnaire, initiator system, event_name the questionnaire; the paused, location_serviceability and with_you_shortly questionnaires are left out), free-text posts (messaging_posts_all_time: posts that are neither internal notes nor system messages, left out while any questionnaire of the episode was running, i.e. between its start and its completion when the completion took more than 0 seconds, since those posts answer it; type free_text, initiator the post''s user_type) and outcome settings (careplatform_outcome_set; type resolved, initiator practitioner, event_name the normalised outcome). Consecutive free-text events collapse into the first one: a free-text event right after another one is dropped, and a kept one is named free_text_following_ followed by the previous event''s name, or free_text_following_start when it opens the episode (the original left that name null). Events are ordered by time (ties: type, then name); rank counts from 1; during_start_est / during_end_est are the local times of the event and of the next one ([start, end), end null for the last event); following_type / following_event describe the next event and duration is the seconds to it; event_grouping is dxa for the DXA questionnaire, else the type. The key is (episode_id, rank): a questionnaire start and an outcome can share a timestamp. FULL, rebuilt by the daily 07:00 UTC run.'
);

@DEF(intake_window_days, 28);

WITH questionnaires AS (
    SELECT
        qnaire_tid
        , qnaire
        , episode_id
        , user_id
        , started_at
        , completed_at
        , completion_time
    FROM analytics.countdown_qnaire_completion_stats
), posts AS (
    SELECT
        post_id
        , episode_id
        , user_id
        , user_type
        , created_at
    FROM analytics.messaging_posts_all_time
    WHERE
        NOT is_internal_post
        AND post_type IS NULL
        AND @to_utc(created_at)::DATE >= @execution_ds::DATE - @intake_window_days
        AND @to_utc(created_at)::DATE < @execution_ds::DATE - 1
), outcomes AS (
    SELECT
        episode_id
        , user_id
        , outcome
        , "timestamp"
    FROM analytics.careplatform_outcome_set
    WHERE
        @to_utc("timestamp")::DATE >= @execution_ds::DATE - @intake_window_days
        AND @to_utc("timestamp")::DATE < @execution_ds::DATE - 1
), answering_posts AS (
    /* posts written while a questionnaire of the episode was running: answers to it */
    SELECT DISTINCT
        posts.post_id
    FROM posts
    INNER JOIN questionnaires
        ON posts.episode_id = questionnaires.episode_id
        AND posts.created_at >= questionnaires.started_at
        AND posts.created_at <= questionnaires.completed_at
        AND questionnaires.completion_time > 0
), events AS (
    SELECT
        started_at AS "timestamp"
        , qnaire AS event_name
        , 'qnaire' AS "type"
        , 'system' AS initiator
        , user_id
        , episode_id
    FROM questionnaires
    WHERE
        NOT started_at IS NULL
        AND NOT qnaire IN ('paused', 'location_serviceability', 'with_you_shortly')
        AND @to_utc(started_at)::DATE >= @execution_ds::DATE - @intake_window_days
        AND @to_utc(started_at)::DATE < @execution_ds::DATE - 1
    UNION ALL
    SELECT
        posts.created_at AS "timestamp"
        , 'free_text' AS event_name
        , 'free_text' AS "type"
        , posts.user_type AS initiator
        , posts.user_id
        , posts.episode_id
    FROM posts
    LEFT JOIN answering_posts
        ON posts.post_id = answering_posts.post_id
    WHERE
        answering_posts.post_id IS NULL
    UNION ALL
    SELECT
        "timestamp"
        , outcome AS event_name
        , 'resolved' AS "type"
        , 'practitioner' AS initiator
        , user_id
        , episode_id
    FROM outcomes
), ordered AS (
    SELECT
        "timestamp"
        , event_name
        , "type"
        , initiator
        , user_id
        , episode_id
        , LAG("type") OVER episode_order AS previous_type
        , LAG(event_name) OVER episode_order AS previous_event
    FROM events
    WINDOW episode_order AS (PARTITION BY episode_id ORDER BY "timestamp", "type", event_name)
), collapsed AS (
    /* a free-text event right after another free-text event is part of the same message burst */
    SELECT
        "timestamp"
        , CASE
            WHEN "type" = 'free_text'
            THEN 'free_text_following_' || COALESCE(previous_event, 'start')
            ELSE event_name
        END AS event_name
        , "type"
        , initiator
        , user_id
        , episode_id
    FROM ordered
    WHERE
        NOT (
            "type" = 'free_text' AND COALESCE(previous_type, '') = 'free_text'
        )
), sequenced AS (
    SELECT
        "timestamp"
        , event_name
        , "type"
        , initiator
        , user_id
        , episode_id
        , ROW_NUMBER() OVER episode_order AS "rank"
        , LEAD("timestamp") OVER episode_order AS next_timestamp
        , LEAD("type") OVER episode_order AS following_type
        , LEAD(event_name) OVER episode_order AS following_event
    FROM collapsed
    WINDOW episode_order AS (PARTITION BY episode_id ORDER BY "timestamp", "type", event_name)
)
SELECT
    "timestamp"::TIMESTAMPTZ AS "timestamp" /* Time of the event (UTC) */
    , @to_est("timestamp")::TIMESTAMP AS timestamp_est /* Time of the event, Montreal local time (naive) */
    , @to_est("timestamp")::TIMESTAMP AS during_start_est /* Start of the event's span: its local time (inclusive) */
    , @to_est(next_timestamp)::TIMESTAMP AS during_end_est /* End of the event's span: the next event's local time (exclusive); null for the last event */
    , event_name::TEXT AS event_name /* Questionnaire name, normalised outcome, or free_text_following_<previous event> */
    , CASE WHEN "type" = 'qnaire' AND event_name = 'dxa' THEN 'dxa' ELSE "type" END::TEXT AS event_grouping /* dxa for the DXA questionnaire, else the type */
    , user_id::TEXT AS user_id /* Patient (questionnaire), poster (free text) or practitioner (outcome) */
    , episode_id::TEXT AS episode_id /* Episode (messaging channel) */
    , initiator::TEXT AS initiator /* system (questionnaire), the poster's user_type (free text: patient or physician) or practitioner (outcome) */
    , "type"::TEXT AS "type" /* qnaire, free_text or resolved */
    , "rank"::INT AS "rank" /* Order of the event in the episode, 1 = first */
    , following_type::TEXT AS following_type /* Type of the next event; null for the last one */
    , following_event::TEXT AS following_event /* Name of the next event; null for the last one */
    , @seconds_between("timestamp", next_timestamp)::DOUBLE AS duration /* Seconds to the next event; null for the last one */
FROM sequenced
