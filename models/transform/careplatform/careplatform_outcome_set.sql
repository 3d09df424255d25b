MODEL (
    name analytics.careplatform_outcome_set,
    kind INCREMENTAL_BY_TIME_RANGE (
        time_column "timestamp",
        lookback 72,
        batch_size 744
    ),
    cron '0 6 * * *',
    interval_unit 'hour',
    owner analytics,
    grain (episode_id, "timestamp"),
    tags (transform, careplatform, care),
    audits (
        unique_combination_of_columns(columns := (episode_id, "timestamp"))
        , not_null(
            columns := (episode_id, user_id, "timestamp", outcome_raw, outcome, outcome_category, is_valid_outcome)
        )
        , accepted_values("column" := outcome_category, is_in := ('Diagnostic', 'Navigation', 'Unsuitable episode', 'Other'))
        , assert_episodes_outcome_in_outcome_seed
        , assert_outcomes_known
    ),
    description 'One row per outcome a practitioner set on an episode (episode properties of type outcome, non-null episode and user), mapped through the outcome seed to its normalised outcome, category and validity. A raw value missing from the seed is kept in outcome_raw and mapped to the explicit unknown bucket: outcome unknown, category Other, not valid (the original dropped such events through an inner join, so the episode lost its outcome silently); the non-blocking audit assert_outcomes_known names those values so the seed can be completed. When two outcome events of an episode share a timestamp the latest received one is kept. Hourly intervals on the event time, computed up to 06:00 UTC (the morning Segment load) by the 07:00 UTC run, since every consumer is rebuilt at 07:00 only, with a 72-hour lookback like its base.'
);

WITH properties AS (
    SELECT
        event_id
        , episode_id
        , user_id
        , episode_property_value
        , updated_at
    FROM analytics.careplatform_episode_properties_updated
    WHERE
        updated_at BETWEEN @start_ts AND @end_ts AND episode_property_type = 'outcome' AND NOT user_id IS NULL
), outcomes AS (
    SELECT
        outcome_raw
        , outcome
        , outcome_category
        , is_valid_outcome
    FROM analytics.careplatform_dimension_outcome
), mapped AS (
    SELECT
        properties.event_id
        , properties.episode_id
        , properties.user_id
        , properties.updated_at
        , properties.episode_property_value AS outcome_raw
        , COALESCE(outcomes.outcome, 'unknown') AS outcome
        , COALESCE(outcomes.outcome_category, 'Other') AS outcome_category
        , COALESCE(outcomes.is_valid_outcome, FALSE) AS is_valid_outcome
    FROM properties
    LEFT JOIN outcomes
        ON properties.episode_property_value = outcomes.outcome_raw
    QUALIFY
        ROW_NUMBER() OVER (
            PARTITION BY properties.episode_id, properties.updated_at
            ORDER BY properties.event_id DESC, properties.user_id
        ) = 1
)
SELECT
    event_id::TEXT AS event_id /* Segment event id of the outcome setting */
    , episode_id::TEXT AS episode_id /* Episode whose outcome was set */
    , user_id::TEXT AS user_id /* Practitioner who set the outcome */
    , updated_at::TIMESTAMPTZ AS "timestamp" /* Time the outcome was set (UTC) */
    , @to_est(updated_at)::TIMESTAMP AS timestamp_est /* Time the outcome was set, Montreal local time (naive) */
    , outcome_raw::TEXT AS outcome_raw /* Outcome value as set in the Care Platform */
    , outcome::TEXT AS outcome /* Normalised outcome (outcome seed); unknown when the raw value is not in the seed */
    , outcome_category::TEXT AS outcome_category /* Diagnostic, Navigation, Unsuitable episode or Other */
    , is_valid_outcome::BOOLEAN AS is_valid_outcome /* True when the outcome resolves the episode */
    , @to_utc(updated_at)::DATE AS date_day /* UTC day */
    , DATE_TRUNC('WEEK', @to_utc(updated_at))::DATE AS date_week /* UTC Monday week */
    , DATE_TRUNC('MONTH', @to_utc(updated_at))::DATE AS date_month /* UTC month */
    , @to_est(updated_at)::DATE AS date_day_est /* Montreal local day */
    , DATE_TRUNC('WEEK', @to_est(updated_at))::DATE AS date_week_est /* Montreal local Monday week */
    , DATE_TRUNC('MONTH', @to_est(updated_at))::DATE AS date_month_est /* Montreal local month */
FROM mapped
