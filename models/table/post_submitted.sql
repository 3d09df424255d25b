MODEL (
    name analytics.post_submitted,
    kind INCREMENTAL_BY_TIME_RANGE (
        time_column "timestamp",
        lookback 72,
        batch_size 744
    ),
    cron '0 6 * * *',
    interval_unit 'hour',
    owner analytics,
    grain event_id,
    tags (table, patientapp, care),
    audits (
        unique_values(columns := (
            event_id
        ))
        , not_null(columns := (event_id, episode_id, contract_id, "timestamp", platform_name))
    ),
    description 'One row per chat post a patient submitted from the patient app (patientapp_submit_post_success) and contract of its episode (episodes_with_contracts: the contract of the subject active at the first patient message; posts of episodes without a contract are dropped). event_id is the Segment event id followed by the contract id. Carries the device and app context of the post and the episode patient, organization, account and demographics. Hourly intervals on the post time, like the Segment models it reads: computed once a day by the 07:00 UTC run up to 06:00 (the morning Segment load), with a 72-hour lookback (the episode contracts are rebuilt daily).'
);

SELECT
    posts.event_id || episodes.contract_id::TEXT AS event_id /* Segment event id followed by the contract id */
    , posts.event_id::TEXT AS segment_event_id /* Segment event id of the post */
    , posts."timestamp"::TIMESTAMPTZ AS "timestamp" /* Time the post was submitted (UTC) */
    , posts.timestamp_est::TIMESTAMP AS timestamp_est /* Time the post was submitted, Montreal local time (naive) */
    , posts.platform_name::TEXT AS platform_name /* iOS, Android or Desktop */
    , posts.channel_id::TEXT AS channel_id /* Messaging channel id (the episode id) */
    , posts.post_id::TEXT AS post_id /* Messaging post id */
    , posts.user_id::TEXT AS user_id /* Scribe user id of the patient who posted */
    , posts.episode_id::TEXT AS episode_id /* Episode the post was sent to */
    , posts.context_app_name::TEXT AS context_app_name /* Name of the sending app */
    , posts.context_app_bundle_id::TEXT AS context_app_bundle_id /* Bundle id of the mobile app */
    , posts.context_app_build::TEXT AS context_app_build /* Build number of the mobile app */
    , posts.context_app_version::TEXT AS context_app_version /* Version of the mobile app */
    , posts.context_device_id::TEXT AS context_device_id /* Device id (mobile apps) */
    , posts.context_device_manufacturer::TEXT AS context_device_manufacturer /* Device manufacturer (mobile apps) */
    , posts.context_device_model::TEXT AS context_device_model /* Device model (mobile apps) */
    , posts.context_device_name::TEXT AS context_device_name /* Device name (mobile apps) */
    , posts.context_locale::TEXT AS context_locale /* Locale of the app */
    , posts.context_location_country::TEXT AS context_location_country /* Country of the device */
    , posts.context_os_name::TEXT AS context_os_name /* Operating system */
    , posts.context_os_version::TEXT AS context_os_version /* Operating system version */
    , posts.context_screen_height::BIGINT AS context_screen_height /* Screen height */
    , posts.context_screen_width::BIGINT AS context_screen_width /* Screen width */
    , posts.context_user_agent::TEXT AS context_user_agent /* Browser user agent (desktop app) */
    , episodes.patient_id::TEXT AS patient_id /* Subject of the episode (Scribe user id) */
    , episodes.account_id::TEXT AS account_id /* Salesforce account of the organization */
    , episodes.account_name::TEXT AS account_name /* Salesforce account name */
    , episodes.organization_id::BIGINT AS organization_id /* Organization of the contract */
    , episodes.organization_name::TEXT AS organization_name /* Name of the organization */
    , episodes.gender::TEXT AS gender /* Gender of the subject: M, F or N/A */
    , episodes."language"::TEXT AS "language" /* Language of the subject: FR, EN or N/A */
    , episodes.family_member_type::TEXT AS family_member_type /* Employee, Dependent or Child on that contract */
    , episodes.residence_province::TEXT AS residence_province /* Province of residence of the subject */
    , episodes.age::INT AS age /* Age of the subject at the first message */
    , episodes.contract_id::BIGINT AS contract_id /* Contract of the subject active at the first patient message */
FROM analytics.patientapp_submit_post_success AS posts
INNER JOIN analytics.episodes_with_contracts AS episodes
    ON posts.episode_id = episodes.episode_id
WHERE
    posts."timestamp" BETWEEN @start_ts AND @end_ts
