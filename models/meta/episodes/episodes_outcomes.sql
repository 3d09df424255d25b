MODEL (
    name analytics.episodes_outcomes,
    kind INCREMENTAL_BY_UNIQUE_KEY (
        unique_key episode_id
    ),
    cron '0 6 * * *',
    interval_unit 'hour',
    owner analytics,
    grain episode_id,
    tags (meta, episodes, care),
    depends_on [analytics.messaging_channels, analytics.careplatform_dimension_outcome],
    audits (
        unique_values(columns := (
            episode_id
        ))
        , not_null(columns := (episode_id, first_outcome, outcome, is_valid_outcome))
        , accepted_values("column" := outcome_category, is_in := ('Diagnostic', 'Navigation', 'Unsuitable episode', 'Other'))
        , accepted_values(
            "column" := first_outcome_category,
            is_in := ('Diagnostic', 'Navigation', 'Unsuitable episode', 'Other')
        )
        , assert_episodes_outcome_in_outcome_seed
        , assert_episodes_in_messaging_channels
    ),
    description 'Outcome of each episode that has at least one outcome set: first outcome (earliest event, any validity), outcome = the latest valid outcome, falling back to the latest outcome of any kind when none is valid, and the list of outcomes in time order. Incremental by unique key: each run recomputes only the episodes that got an outcome in the run''s interval or the 72 hours before it (late deliveries), over all their outcomes, and merges them on episode_id. Outcomes on episodes that are not in messaging_channels (no patient post) are left out.'
);

WITH outcome_events AS (
    SELECT
        episode_id
        , "timestamp"
        , outcome_raw
        , outcome
        , outcome_category
        , is_valid_outcome
    FROM analytics.careplatform_outcome_set
), channels AS (
    SELECT
        episode_id
    FROM analytics.messaging_channels
), touched_episodes AS (
    SELECT DISTINCT
        outcome_events.episode_id
    FROM outcome_events
    INNER JOIN channels
        ON outcome_events.episode_id = channels.episode_id
    WHERE
        outcome_events."timestamp" BETWEEN @start_ts::TIMESTAMPTZ - INTERVAL '72' HOUR AND @end_ts
), ranked AS (
    SELECT
        outcome_events.episode_id
        , outcome_events."timestamp"
        , outcome_events.outcome_raw
        , outcome_events.outcome
        , outcome_events.outcome_category
        , outcome_events.is_valid_outcome
        , ROW_NUMBER() OVER (PARTITION BY outcome_events.episode_id ORDER BY outcome_events."timestamp") AS rank_first
        , ROW_NUMBER() OVER (
            PARTITION BY outcome_events.episode_id
            ORDER BY outcome_events.is_valid_outcome DESC, outcome_events."timestamp" DESC
        ) AS rank_latest_valid_first
    FROM outcome_events
    INNER JOIN touched_episodes
        ON outcome_events.episode_id = touched_episodes.episode_id
), episodes AS (
    SELECT
        episode_id
        , MAX(CASE WHEN rank_first = 1 THEN outcome_raw END) AS first_outcome_raw
        , MAX(CASE WHEN rank_first = 1 THEN outcome END) AS first_outcome
        , MAX(CASE WHEN rank_first = 1 THEN outcome_category END) AS first_outcome_category
        , MAX(CASE WHEN rank_latest_valid_first = 1 THEN outcome END) AS outcome
        , MAX(CASE WHEN rank_latest_valid_first = 1 THEN outcome_category END) AS outcome_category
        , BOOL_OR(is_valid_outcome::BOOLEAN) AS is_valid_outcome
        , @ordered_string_agg(outcome, ',', "timestamp") AS outcomes_ordered
        , MIN("timestamp") AS outcome_first_set_timestamp
    FROM ranked
    GROUP BY
        episode_id
)
SELECT
    episode_id::TEXT AS episode_id /* Episode (messaging channel) */
    , first_outcome_raw::TEXT AS first_outcome_raw /* Earliest outcome set, raw Care Platform value */
    , first_outcome::TEXT AS first_outcome /* Earliest outcome set (valid or not) */
    , first_outcome_category::TEXT AS first_outcome_category /* Category of the earliest outcome */
    , outcome::TEXT AS outcome /* Latest valid outcome; the latest outcome of any kind when none is valid */
    , outcome_category::TEXT AS outcome_category /* Category of outcome: Diagnostic, Navigation, Unsuitable episode or Other */
    , is_valid_outcome::BOOLEAN AS is_valid_outcome /* At least one valid outcome was set */
    , outcomes_ordered::TEXT AS outcomes_ordered /* Every outcome set, comma-separated in time order (an array in the original) */
    , outcome_first_set_timestamp::TIMESTAMPTZ AS outcome_first_set_timestamp /* When the first outcome was set (UTC) */
FROM episodes
