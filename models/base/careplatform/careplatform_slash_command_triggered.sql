MODEL (
    name analytics.careplatform_slash_command_triggered,
    kind INCREMENTAL_BY_TIME_RANGE (
        time_column triggered_at,
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
        , not_null(columns := (event_id, episode_id, triggered_at, command_id))
    ),
    description 'One row per slash command or template a practitioner triggered in the Care Platform (Segment source careplatform, table executed_command), e.g. templates / Appointment Virtual, Bonjour Sante, Outcome ER. The legacy id Outcome Counselling is renamed Outcome Nurse Counselling. Commands by test users (seed scribe_test_users) are excluded here, the one join of this base model, as in the original. Duplicate Segment deliveries are dropped (first received kept). Hourly intervals, computed up to 06:00 UTC (the morning Segment load) by the 07:00 UTC run, since every consumer is rebuilt at 07:00 only, with a 72-hour lookback for late deliveries.'
);

WITH commands AS (
    SELECT
        id
        , episode_id
        , user_id
        , command_name
        , command_id
        , "timestamp"
        , received_at
    FROM careplatform.executed_command
    WHERE
        "timestamp" BETWEEN @start_ts AND @end_ts AND NOT episode_id IS NULL AND NOT command_id IS NULL
), test_users AS (
    SELECT
        user_id
    FROM analytics.scribe_test_users
), deduplicated AS (
    SELECT
        id
        , episode_id
        , user_id
        , command_name
        , command_id
        , "timestamp"
    FROM commands
    QUALIFY
        ROW_NUMBER() OVER (PARTITION BY id ORDER BY received_at, "timestamp") = 1
)
SELECT
    deduplicated.id::TEXT AS event_id /* Segment event id */
    , deduplicated.episode_id::TEXT AS episode_id /* Episode the command was sent in */
    , deduplicated.user_id::TEXT AS user_id /* Practitioner who triggered the command */
    , deduplicated.command_name::TEXT AS command_name /* Command family, e.g. templates */
    , CASE
        WHEN deduplicated.command_id = 'Outcome Counselling'
        THEN 'Outcome Nurse Counselling'
        ELSE deduplicated.command_id
    END::TEXT AS command_id /* Command or template id (Appointment Virtual, Bonjour Sante, Outcome ER, ...) */
    , deduplicated."timestamp"::TIMESTAMPTZ AS triggered_at /* Time the command was triggered (UTC) */
    , @to_est(deduplicated."timestamp")::TIMESTAMP AS timestamp_est /* Time the command was triggered, Montreal local time (naive) */
FROM deduplicated
LEFT JOIN test_users
    ON deduplicated.user_id = test_users.user_id
WHERE
    test_users.user_id IS NULL
