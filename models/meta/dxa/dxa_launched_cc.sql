MODEL (
    name analytics.dxa_launched_cc,
    kind INCREMENTAL_BY_TIME_RANGE (
        time_column "timestamp",
        lookback 72,
        batch_size 744
    ),
    cron '0 6 * * *',
    interval_unit 'hour',
    owner analytics,
    grain event_id,
    tags (meta, dxa, care),
    audits (
        unique_values(columns := (
            event_id
        ))
        , not_null(columns := (event_id, episode_id, cc, "timestamp", is_known_cc))
    ),
    description 'One row per manual DXA launch (`/q dxa <cc code>` typed by the care team) in an episode, with the chief complaint looked up in dimension_dxa_chief_complaints (is_known_cc false for codes the dimension does not know, e.g. typos). Differs from the original: the legacy Mattermost backfill seed data_mm_dxa_cc (launches before 2018-11-08) is not part of this project, so only launches tracked by the messaging backend appear. Hourly intervals on the launch time computed up to 06:00 UTC (the morning Segment load) by the 07:00 UTC run, since every consumer is rebuilt at 07:00 only, with the same 72-hour lookback as the base for late Segment events.'
);

WITH launches AS (
    SELECT
        event_id
        , episode_id
        , user_id
        , cc
        , "timestamp"
    FROM analytics.messaging_dxa_cc
    WHERE
        "timestamp" BETWEEN @start_ts AND @end_ts AND NOT episode_id IS NULL AND NOT cc IS NULL
), chief_complaints AS (
    SELECT
        chief_complaint
        , description_en
    FROM analytics.dimension_dxa_chief_complaints
)
SELECT
    launches.event_id::TEXT AS event_id /* Segment event id of the launch */
    , launches.episode_id::TEXT AS episode_id /* Episode (messaging channel) in which DXA was launched */
    , launches.user_id::TEXT AS user_id /* Scribe user id of the care-team member who launched DXA */
    , launches.cc::TEXT AS cc /* Chief complaint code typed after /q dxa (lower-cased, trimmed) */
    , chief_complaints.description_en::TEXT AS cc_label_en /* English label of the chief complaint (null for unknown codes) */
    , (
        NOT chief_complaints.chief_complaint IS NULL
    )::BOOLEAN AS is_known_cc /* The code exists in dimension_dxa_chief_complaints */
    , launches."timestamp"::TIMESTAMPTZ AS "timestamp" /* Time of the launch (UTC) */
    , @to_est(launches."timestamp") AS timestamp_est /* Time of the launch, Montreal local time (naive) */
FROM launches
LEFT JOIN chief_complaints
    ON launches.cc = chief_complaints.chief_complaint
