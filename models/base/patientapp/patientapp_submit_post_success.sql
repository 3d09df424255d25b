MODEL (
    name analytics.patientapp_submit_post_success,
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
    tags (base, patientapp, care),
    audits (
        unique_values(columns := (
            event_id
        ))
        , not_null(columns := (event_id, user_id, episode_id, "timestamp", platform_name))
        , accepted_values("column" := platform_name, is_in := ('iOS', 'Android', 'Desktop'))
    ),
    description 'One row per chat post a patient submitted from the patient app (Segment source patientapp, table submit_post_success), with the device context of the sending app. platform_name: Desktop when the app name is Dialogue Patient Desktop; iOS when the operating system is iPhone OS; otherwise the operating system name when present (e.g. Android); otherwise Desktop. Duplicate Segment deliveries are dropped (first received kept; the original kept them with a rank column, always 1 here, so rank is not carried). Hourly intervals, computed up to 06:00 UTC (the morning Segment load) by the 07:00 UTC run, with a 72-hour lookback for late deliveries.'
);

WITH posts AS (
    SELECT
        *
    FROM patientapp.submit_post_success
    WHERE
        "timestamp" BETWEEN @start_ts AND @end_ts AND NOT user_id IS NULL AND NOT channel_id IS NULL
), deduplicated AS (
    SELECT
        *
    FROM posts
    QUALIFY
        ROW_NUMBER() OVER (PARTITION BY id ORDER BY received_at, "timestamp") = 1
)
SELECT
    id::TEXT AS event_id /* Segment event id */
    , user_id::TEXT AS user_id /* Scribe user id of the patient who posted */
    , channel_id::TEXT AS episode_id /* Episode (messaging channel) the post was sent to */
    , channel_id::TEXT AS channel_id /* Messaging channel id (the episode id) */
    , post_id::TEXT AS post_id /* Messaging post id */
    , "timestamp"::TIMESTAMPTZ AS "timestamp" /* Time the post was submitted (UTC) */
    , @to_est("timestamp")::TIMESTAMP AS timestamp_est /* Time the post was submitted, Montreal local time (naive) */
    , CASE
        WHEN context_app_name = 'Dialogue Patient Desktop'
        THEN 'Desktop'
        WHEN context_os_name = 'iPhone OS'
        THEN 'iOS'
        WHEN NOT context_os_name IS NULL
        THEN context_os_name
        ELSE 'Desktop'
    END::TEXT AS platform_name /* iOS, Android or Desktop (rule in the model description) */
    , context_app_name::TEXT AS context_app_name /* Name of the sending app */
    , context_app_bundle_id::TEXT AS context_app_bundle_id /* Bundle id of the mobile app */
    , context_app_build::TEXT AS context_app_build /* Build number of the mobile app */
    , context_app_version::TEXT AS context_app_version /* Version of the mobile app */
    , context_device_id::TEXT AS context_device_id /* Device id (mobile apps) */
    , context_device_manufacturer::TEXT AS context_device_manufacturer /* Device manufacturer (mobile apps) */
    , context_device_model::TEXT AS context_device_model /* Device model (mobile apps) */
    , context_device_name::TEXT AS context_device_name /* Device name (mobile apps) */
    , context_locale::TEXT AS context_locale /* Locale of the app, e.g. fr-CA */
    , context_location_country::TEXT AS context_location_country /* Country of the device */
    , context_os_name::TEXT AS context_os_name /* Operating system (iPhone OS, Android; null on desktop) */
    , context_os_version::TEXT AS context_os_version /* Operating system version */
    , context_screen_height::BIGINT AS context_screen_height /* Screen height in points or pixels */
    , context_screen_width::BIGINT AS context_screen_width /* Screen width in points or pixels */
    , context_user_agent::TEXT AS context_user_agent /* Browser user agent (desktop app) */
FROM deduplicated
