MODEL (
    name analytics.careplatform_pages_activity,
    kind VIEW,
    owner analytics,
    grain event_id,
    tags (transform, careplatform, cp_activity, care),
    audits (
        unique_values(columns := (
            event_id
        ))
        , not_null(columns := (event_id, user_id, "timestamp", date_day_est, activity))
        , accepted_values("column" := activity, is_in := ('chat', 'video', 'dashboard'))
    ),
    description 'Care Platform page views since 2018-01-01 classified as CP activity: one row per page view. activity is chat for /chat/... paths, video for /consult/... paths, else dashboard; episode_id is parsed from the path (4th segment of /chat/<user>/<episode> or /consult/<user>/<episode>, or the channelId query parameter of /chat/...?channelId=<episode>), falling back to the episode property of the page call. A VIEW (as in the original): a cheap projection of the incremental careplatform_pages, filtered by local day by its incremental consumer cp_activity_unioned_activity.'
);

WITH pages AS (
    SELECT
        event_id
        , user_id
        , "timestamp"
        , timestamp_est
        , date_day
        , date_day_est
        , path
        , episode_id
    FROM analytics.careplatform_pages
    WHERE
        "timestamp" >= '2018-01-01 00:00:00+00'::TIMESTAMPTZ
), parsed AS (
    SELECT
        event_id
        , user_id
        , "timestamp"
        , timestamp_est
        , date_day
        , date_day_est
        , path
        , episode_id AS episode_property
        , CASE WHEN path LIKE '/chat%' THEN 'chat' WHEN path LIKE '/consult%' THEN 'video' ELSE 'dashboard' END AS activity
        , CASE
            WHEN path LIKE '/chat/%' OR path LIKE '/consult/%'
            THEN NULLIF(SPLIT_PART(SPLIT_PART(path, '?', 1), '/', 4), '')
        END AS episode_from_segment
        , CASE
            WHEN path LIKE '%channelId=%'
            THEN NULLIF(SPLIT_PART(SPLIT_PART(SPLIT_PART(path, 'channelId=', 2), '&', 1), '#', 1), '')
        END AS episode_from_query
    FROM pages
)
SELECT
    event_id::TEXT AS event_id /* Segment event id of the page call */
    , user_id::TEXT AS user_id /* Scribe user id of the practitioner */
    , "timestamp"::TIMESTAMPTZ AS "timestamp" /* Time of the page view (UTC) */
    , timestamp_est::TIMESTAMP AS timestamp_est /* Time of the page view, Montreal local time (naive) */
    , date_day::DATE AS date_day /* UTC day of the page view */
    , date_day_est::DATE AS date_day_est /* Montreal local day of the page view */
    , path::TEXT AS path /* Page path as sent */
    , activity::TEXT AS activity /* chat (/chat...), video (/consult...) or dashboard (anything else) */
    , COALESCE(episode_from_segment, episode_from_query, episode_property)::TEXT AS episode_id /* Episode parsed from the path (segment or channelId), else the page's episode property */
FROM parsed
