MODEL (
    name analytics.wiw_costs_weekly,
    kind FULL,
    cron '0 7 * * *',
    owner analytics,
    grain date_week,
    tags (meta, costs, wiw),
    audits (
        unique_values(columns := (
            date_week
        ))
        , not_null(columns := (date_week, days_count, fl_cost_total, fl_cost_video, fl_cost_chat))
        , assert_costs_wiw_daily_split_adds_up
    ),
    description 'One row per Monday week (Montreal local days) with the front-line staff costs of wiw_costs_daily summed over the week. days_count tells how many days of the week have shifts (the current week is partial). FULL, rebuilt once a day by the 07:00 UTC run: a small aggregate.'
);

WITH daily AS (
    SELECT
        date_day
        , hours_total
        , fl_cost_gp
        , fl_cost_np
        , fl_cost_nc
        , fl_cost_cc
    FROM analytics.wiw_costs_daily
), weekly AS (
    SELECT
        DATE_TRUNC('WEEK', date_day)::DATE AS date_week
        , COUNT(*) AS days_count
        , SUM(hours_total) AS hours_total
        , SUM(fl_cost_gp) AS fl_cost_gp
        , SUM(fl_cost_np) AS fl_cost_np
        , SUM(fl_cost_nc) AS fl_cost_nc
        , SUM(fl_cost_cc) AS fl_cost_cc
    FROM daily
    GROUP BY
        DATE_TRUNC('WEEK', date_day)::DATE
)
SELECT
    date_week::DATE AS date_week /* Monday of the week (local days) */
    , days_count::INT AS days_count /* Days of the week with shifts */
    , hours_total::DECIMAL(12, 2) AS hours_total /* Paid hours on the Virtual Care Platform location */
    , (
        fl_cost_gp + fl_cost_np + fl_cost_nc + fl_cost_cc
    )::DECIMAL(14, 2) AS fl_cost_total /* Front-line cost, all roles (CAD) */
    , (
        fl_cost_gp + fl_cost_np
    )::DECIMAL(14, 2) AS fl_cost_video /* Front-line cost of video roles: GP + NP (CAD) */
    , (
        fl_cost_nc + fl_cost_cc
    )::DECIMAL(14, 2) AS fl_cost_chat /* Front-line cost of chat roles: NC + CC (CAD) */
    , fl_cost_gp::DECIMAL(14, 2) AS fl_cost_gp /* General Practitioner cost, no overhead (CAD) */
    , fl_cost_np::DECIMAL(14, 2) AS fl_cost_np /* Nurse Practitioner cost x 1.25 overhead (CAD) */
    , fl_cost_nc::DECIMAL(14, 2) AS fl_cost_nc /* Nurse Clinician cost x 1.25 overhead (CAD) */
    , fl_cost_cc::DECIMAL(14, 2) AS fl_cost_cc /* Care Coordinator and every other position, x 1.25 overhead (CAD) */
FROM weekly
