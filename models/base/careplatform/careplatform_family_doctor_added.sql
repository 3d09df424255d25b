MODEL (
    name analytics.careplatform_family_doctor_added,
    kind INCREMENTAL_BY_TIME_RANGE (
        time_column "timestamp",
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
    tags (base, careplatform, product, pii),
    audits (unique_values(columns := (
            event_id
    )), not_null(columns := (event_id, "timestamp"))),
    description 'One row per family doctor a practitioner added to a patient''s file in the Care Platform (Segment source careplatform, table added_family_doctor); has_family_doctor_name tells whether both names were entered. Duplicate Segment deliveries are dropped (first received kept); test users are kept, as in the original. Hourly intervals, computed up to 06:00 UTC (the morning Segment load) by the 07:00 UTC run, with a 72-hour lookback for late deliveries: an append-only Segment event table that grows with every Care Platform session, with the same late arrivals as the other Care Platform events. Differs from the original (a bare select * over the loader table): only the named columns are exposed; has_family_doctor_name is an addition.'
);

WITH events AS (
    SELECT
        id
        , user_id
        , episode_id
        , family_doctor_first_name
        , family_doctor_last_name
        , "timestamp"
        , received_at
    FROM careplatform.added_family_doctor
    WHERE
        "timestamp" BETWEEN @start_ts AND @end_ts
), deduplicated AS (
    SELECT
        id
        , user_id
        , episode_id
        , family_doctor_first_name
        , family_doctor_last_name
        , "timestamp"
    FROM events
    QUALIFY
        ROW_NUMBER() OVER (PARTITION BY id ORDER BY received_at, "timestamp") = 1
)
SELECT
    id::TEXT AS event_id /* Segment event id */
    , user_id::TEXT AS user_id /* Practitioner (Scribe user id) */
    , episode_id::TEXT AS episode_id /* Episode the family doctor was added on */
    , family_doctor_first_name::TEXT AS family_doctor_first_name /* [PII] First name of the family doctor */
    , family_doctor_last_name::TEXT AS family_doctor_last_name /* [PII] Last name of the family doctor */
    , (
        NOT family_doctor_first_name IS NULL AND NOT family_doctor_last_name IS NULL
    )::BOOLEAN AS has_family_doctor_name /* Both names of the family doctor were entered */
    , "timestamp"::TIMESTAMPTZ AS "timestamp" /* Time of the event (UTC) */
    , @to_est("timestamp")::TIMESTAMP AS timestamp_est /* Time of the event, Montreal local time (naive) */
    , @to_utc("timestamp")::DATE AS date_day /* UTC day of the event */
    , @to_est("timestamp")::DATE AS date_day_est /* Montreal local day of the event */
FROM deduplicated
