MODEL (
    name analytics.careplatform_episode_properties_updated,
    kind INCREMENTAL_BY_TIME_RANGE (
        time_column updated_at,
        lookback 72,
        batch_size 744
    ),
    cron '0 6 * * *',
    interval_unit 'hour',
    signals (
        delivered()
    ),
    owner analytics,
    grain event_id,
    tags (base, careplatform, care),
    audits (
        unique_values(columns := (
            event_id
        ))
        , not_null(columns := (event_id, episode_id, updated_at, episode_property_type))
    ),
    description 'One row per episode property a practitioner set in the Care Platform (Segment source careplatform, table update_episode_properties): issue_type, outcome, priority_level, ... Legacy events that carried the value in properties_issue_type / properties_outcome are normalised into (episode_property_type, episode_property_value). Duplicate Segment deliveries are dropped (first received kept). Hourly intervals, computed up to 06:00 UTC (the morning Segment load) by the 07:00 UTC run, since every consumer is rebuilt at 07:00 only, with a 72-hour lookback for late deliveries.'
);

WITH properties AS (
    SELECT
        id
        , episode_id
        , user_id
        , "timestamp"
        , received_at
        , COALESCE(
            episode_property_type,
            CASE
                WHEN NOT properties_issue_type IS NULL
                THEN 'issue_type'
                WHEN NOT properties_outcome IS NULL
                THEN 'outcome'
            END
        ) AS episode_property_type
        , COALESCE(episode_property_value, properties_issue_type, properties_outcome) AS episode_property_value
    FROM careplatform.update_episode_properties
    WHERE
        "timestamp" BETWEEN @start_ts AND @end_ts AND NOT episode_id IS NULL
), deduplicated AS (
    SELECT
        id
        , episode_id
        , user_id
        , "timestamp"
        , episode_property_type
        , episode_property_value
    FROM properties
    WHERE
        NOT episode_property_type IS NULL
    QUALIFY
        ROW_NUMBER() OVER (PARTITION BY id ORDER BY received_at, "timestamp") = 1
)
SELECT
    id::TEXT AS event_id /* Segment event id */
    , episode_id::TEXT AS episode_id /* Episode whose property was set */
    , user_id::TEXT AS user_id /* Practitioner who set the property */
    , episode_property_type::TEXT AS episode_property_type /* Property set: issue_type, outcome, priority_level, ... */
    , episode_property_value::TEXT AS episode_property_value /* Raw value set (e.g. an outcome_raw of the outcome seed) */
    , "timestamp"::TIMESTAMPTZ AS updated_at /* Time the property was set (UTC) */
    , @to_est("timestamp")::TIMESTAMP AS updated_at_est /* Time the property was set, Montreal local time (naive) */
    , @to_utc("timestamp")::DATE AS date_day /* UTC day the property was set */
    , @to_est("timestamp")::DATE AS date_day_est /* Montreal local day the property was set */
FROM deduplicated
