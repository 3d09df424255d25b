MODEL (
    name analytics.costs_by_episode_daily,
    kind FULL,
    cron '0 7 * * *',
    depends_on [analytics.finance_revenue_and_costs_monthly],
    owner analytics,
    grain (episode_id, date_day_est),
    tags (meta, costs, care),
    audits (
        unique_combination_of_columns(columns := (episode_id, date_day_est))
        , not_null(
            columns := (episode_id, date_day_est, date_month, cc_cost, nc_cost, np_cost, gp_cost, total_cost, total_cost_ops)
        )
        , forall(
            criteria := (
                ABS(gp_psy_cost + gp_other_cost - gp_cost) < 0.0001
                , ABS(cc_cost + nc_cost + np_cost + gp_cost - total_cost) < 0.0001
                , gp_cost_ops = gp_cost
            )
        )
        , assert_costs_by_episode_daily_accounting_equivalence
    ),
    description 'One row per episode and Montreal local day with a staff cost: the active-time costs of Care Coordinators, Nurse Clinicians and Nurse Practitioners (costs_by_episode) full-outer-joined with the GP video costs (costs_by_video, summed over patients). gp_cost = psychology + other video costs, with no ops premium (gp_cost_ops = gp_cost); total_cost and total_cost_ops add the four roles. user_id is the episode subject, issue_type the latest issue type of the episode. The monthly sums per role equal the finance seed (audited). FULL, rebuilt by the daily 07:00 UTC run like its parents.'
);

WITH time_costs AS (
    SELECT
        episode_id
        , date_day_est
        , date_month
        , cc_time
        , nc_time
        , np_time
        , cc_cost
        , nc_cost
        , np_cost
        , cc_cost_ops
        , nc_cost_ops
        , np_cost_ops
    FROM analytics.costs_by_episode
), video_costs AS (
    SELECT
        episode_id
        , date_day_est
        , date_month
        , video_count
        , gp_psy_cost
        , gp_other_cost
    FROM analytics.costs_by_video
), subjects AS (
    SELECT
        episode_id
        , episode_subject
    FROM analytics.episodes_subject
), issue_types AS (
    SELECT
        episode_id
        , issue_type
    FROM analytics.episodes_issue_types
), video_costs_daily AS (
    SELECT
        episode_id
        , date_day_est
        , date_month
        , SUM(video_count) AS video_count
        , SUM(gp_psy_cost) AS gp_psy_cost
        , SUM(gp_other_cost) AS gp_other_cost
    FROM video_costs
    GROUP BY
        episode_id
        , date_day_est
        , date_month
), joined AS (
    SELECT
        COALESCE(time_costs.episode_id, video_costs_daily.episode_id) AS episode_id
        , COALESCE(time_costs.date_day_est, video_costs_daily.date_day_est) AS date_day_est
        , COALESCE(time_costs.date_month, video_costs_daily.date_month) AS date_month
        , COALESCE(time_costs.cc_time, 0) AS cc_time
        , COALESCE(time_costs.nc_time, 0) AS nc_time
        , COALESCE(time_costs.np_time, 0) AS np_time
        , COALESCE(video_costs_daily.video_count, 0) AS video_count
        , COALESCE(time_costs.cc_cost, 0) AS cc_cost
        , COALESCE(time_costs.nc_cost, 0) AS nc_cost
        , COALESCE(time_costs.np_cost, 0) AS np_cost
        , COALESCE(time_costs.cc_cost_ops, 0) AS cc_cost_ops
        , COALESCE(time_costs.nc_cost_ops, 0) AS nc_cost_ops
        , COALESCE(time_costs.np_cost_ops, 0) AS np_cost_ops
        , COALESCE(video_costs_daily.gp_psy_cost, 0) AS gp_psy_cost
        , COALESCE(video_costs_daily.gp_other_cost, 0) AS gp_other_cost
    FROM time_costs
    FULL OUTER JOIN video_costs_daily
        ON time_costs.episode_id = video_costs_daily.episode_id
        AND time_costs.date_day_est = video_costs_daily.date_day_est
)
SELECT
    joined.episode_id::TEXT AS episode_id /* Episode */
    , joined.date_day_est::DATE AS date_day_est /* Montreal local day */
    , joined.date_month::DATE AS date_month /* First day of the month of the local day */
    , subjects.episode_subject::TEXT AS user_id /* Episode subject (patient_id) */
    , issue_types.issue_type::TEXT AS issue_type /* Latest issue type of the episode (adult code) */
    , joined.cc_time::DOUBLE AS cc_time /* Active hours of Care Coordinators */
    , joined.nc_time::DOUBLE AS nc_time /* Active hours of Nurse Clinicians */
    , joined.np_time::DOUBLE AS np_time /* Active hours of Nurse Practitioners */
    , joined.video_count::BIGINT AS video_count /* Costed GP and Psychologist videos */
    , joined.cc_cost::DOUBLE AS cc_cost /* Care Coordinator cost (CAD) */
    , joined.nc_cost::DOUBLE AS nc_cost /* Nurse Clinician cost (CAD) */
    , joined.np_cost::DOUBLE AS np_cost /* Nurse Practitioner cost (CAD) */
    , joined.gp_psy_cost::DOUBLE AS gp_psy_cost /* GP cost of videos on psychology issue types (CAD) */
    , joined.gp_other_cost::DOUBLE AS gp_other_cost /* GP cost of the other videos (CAD) */
    , (
        joined.gp_psy_cost + joined.gp_other_cost
    )::DOUBLE AS gp_cost /* GP cost: psychology + other videos (CAD) */
    , (
        joined.cc_cost + joined.nc_cost + joined.np_cost + joined.gp_psy_cost + joined.gp_other_cost
    )::DOUBLE AS total_cost /* Staff cost of the day, all roles (CAD) */
    , joined.cc_cost_ops::DOUBLE AS cc_cost_ops /* Care Coordinator cost with adjustments (CAD) */
    , joined.nc_cost_ops::DOUBLE AS nc_cost_ops /* Nurse Clinician cost with adjustments and licences (CAD) */
    , joined.np_cost_ops::DOUBLE AS np_cost_ops /* Nurse Practitioner cost with adjustments (CAD) */
    , (
        joined.gp_psy_cost + joined.gp_other_cost
    )::DOUBLE AS gp_cost_ops /* Same as gp_cost: GP videos carry no ops premium (CAD) */
    , (
        joined.cc_cost_ops + joined.nc_cost_ops + joined.np_cost_ops + joined.gp_psy_cost + joined.gp_other_cost
    )::DOUBLE AS total_cost_ops /* Staff cost of the day with adjustments, all roles (CAD) */
FROM joined
LEFT JOIN subjects
    ON joined.episode_id = subjects.episode_id
LEFT JOIN issue_types
    ON joined.episode_id = issue_types.episode_id
