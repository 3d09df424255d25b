MODEL (
    name analytics.videos_monthly,
    kind FULL,
    cron '0 7 * * *',
    owner analytics,
    grain date_month,
    tags (meta, videos, care),
    audits (
        unique_values(columns := (
            date_month
        ))
        , not_null(columns := (date_month, video_count, video_psy_issue_count, video_other_issue_count))
    ),
    description 'Monthly count of completed GP (Family Physician) and Psychologist videos longer than 2 minutes, split into videos on episodes with a psychology issue type (psy, psy-pilot) and the others; months by the local (Montreal) day of the video start. From videos_detailed. Only days before the day of the run are counted (the current month is partial until it ends). FULL, rebuilt by the daily 07:00 UTC run: one row per month from a small table (a monthly grain does not fit daily intervals).'
);

WITH videos AS (
    SELECT
        date_day_est
        , main_specialization
        , issue_type
        , video_length
    FROM analytics.videos_detailed
    WHERE
        main_specialization IN ('Family Physician', 'Psychologist')
        AND video_length > 2
        AND date_day_est < @execution_ds::DATE
)
SELECT
    DATE_TRUNC('MONTH', date_day_est)::DATE AS date_month /* Month of the video start (local) */
    , COUNT(*)::BIGINT AS video_count /* GP and Psychologist videos longer than 2 minutes */
    , COUNT(CASE WHEN issue_type IN ('psy', 'psy-pilot') THEN 1 END)::BIGINT AS video_psy_issue_count /* Of which on psychology issue types (psy, psy-pilot) */
    , COUNT(CASE WHEN issue_type IS NULL OR NOT issue_type IN ('psy', 'psy-pilot') THEN 1 END)::BIGINT AS video_other_issue_count /* Of which on any other or unknown issue type */
FROM videos
GROUP BY
    DATE_TRUNC('MONTH', date_day_est)
