MODEL (
    name analytics.videos_cost_monthly,
    kind FULL,
    cron '0 7 * * *',
    owner analytics,
    grain date_month,
    tags (meta, videos, costs),
    audits (
        unique_values(columns := (
            date_month
        ))
        , not_null(
            columns := (
                date_month
                , video_count
                , video_psy_issue_count
                , video_other_issue_count
                , per_video_cost
                , has_finance_row
            )
        )
        , forall(criteria := (video_psy_issue_count + video_other_issue_count = video_count, per_video_cost >= 0))
    ),
    description 'One row per month (Montreal local day of the video start) with costed GP videos: completed videos longer than 2 minutes with a Family Physician or a Psychologist, on a known episode, split into psychology issue types (psy, psy-pilot) and others; per_video_cost = the finance GP cost of the month / (other videos + 2 x psychology videos), since a psychology video counts double; 45 CAD (blended) when the month has no finance row. Read from videos_detailed with exactly the filter of costs_by_video, so the month''s video costs sum to the finance GP cost. FULL, rebuilt by the daily 07:00 UTC run: a small monthly aggregate.'
);

WITH videos AS (
    SELECT
        DATE_TRUNC('MONTH', date_day_est)::DATE AS date_month
        , issue_type
    FROM analytics.videos_detailed
    WHERE
        main_specialization IN ('Family Physician', 'Psychologist')
        AND video_length > 2
        AND NOT episode_id IS NULL
        AND date_day_est < @to_est(@execution_tstz::TIMESTAMPTZ)::DATE
), finance AS (
    SELECT
        date_month
        , fl_gp_cost
    FROM analytics.finance_revenue_and_costs_monthly
), monthly AS (
    SELECT
        date_month
        , COUNT(*) AS video_count
        , COUNT(CASE WHEN issue_type IN ('psy', 'psy-pilot') THEN 1 END) AS video_psy_issue_count
        , COUNT(CASE WHEN issue_type IS NULL OR NOT issue_type IN ('psy', 'psy-pilot') THEN 1 END) AS video_other_issue_count
    FROM videos
    GROUP BY
        date_month
)
SELECT
    monthly.date_month::DATE AS date_month /* First day of the month (local day of the video start) */
    , monthly.video_count::BIGINT AS video_count /* Costed videos: GP or Psychologist, longer than 2 minutes, on an episode */
    , monthly.video_psy_issue_count::BIGINT AS video_psy_issue_count /* Of which on a psychology issue type (psy, psy-pilot); weighted x 2 */
    , monthly.video_other_issue_count::BIGINT AS video_other_issue_count /* Of which on any other or unknown issue type */
    , NOT finance.date_month IS NULL AS has_finance_row /* The finance seed has the month; false means the 45 CAD default */
    , finance.fl_gp_cost::DOUBLE AS fl_gp_cost /* Finance front-line GP cost of the month (CAD) */
    , COALESCE(
        finance.fl_gp_cost::DOUBLE / (
            monthly.video_other_issue_count + 2 * monthly.video_psy_issue_count
        ),
        45.0
    )::DOUBLE AS per_video_cost /* Cost of one video (CAD); a psychology video costs twice this */
FROM monthly
LEFT JOIN finance
    ON monthly.date_month = finance.date_month
