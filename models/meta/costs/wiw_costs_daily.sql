MODEL (
    name analytics.wiw_costs_daily,
    kind FULL,
    cron '0 7 * * *',
    owner analytics,
    grain date_day,
    tags (meta, costs, wiw),
    audits (
        unique_values(columns := (
            date_day
        ))
        , not_null(
            columns := (date_day, fl_cost_total, fl_cost_video, fl_cost_chat, fl_cost_gp, fl_cost_np, fl_cost_nc, fl_cost_cc)
        )
        , assert_costs_wiw_daily_split_adds_up
    ),
    description 'One row per Montreal local day with front-line ("fl") staff cost from When I Work shifts on the Virtual Care Platform location. General Practitioner cost is taken as is; every other position gets a 1.25 overhead factor. Roles come from the position group: GP = General Practitioner, NP = Nurse Practitioner, NC = Nurse Clinician (Nurse, Triage, Night and Evening Shift Nurse, ...), CC = every other position. Video cost = GP + NP, chat cost = NC + CC. FULL, rebuilt once a day by the 07:00 UTC run: a small aggregate of wiw_costs_by_position_daily.'
);

WITH positions AS (
    SELECT
        date_day
        , position_group
        , hours_vcp
        , cost_vcp
    FROM analytics.wiw_costs_by_position_daily
), roles AS (
    SELECT
        date_day
        , hours_vcp
        , CASE
            WHEN position_group = 'General Practitioner'
            THEN 'gp'
            WHEN position_group = 'Nurse Practitioner'
            THEN 'np'
            WHEN position_group = 'Nurse Clinician'
            THEN 'nc'
            ELSE 'cc'
        END AS role
        , CASE WHEN position_group = 'General Practitioner' THEN cost_vcp ELSE cost_vcp * 1.25 END AS fl_cost
    FROM positions
), daily AS (
    SELECT
        date_day
        , SUM(hours_vcp) AS hours_total
        , SUM(CASE WHEN role = 'gp' THEN fl_cost ELSE 0 END) AS fl_cost_gp
        , SUM(CASE WHEN role = 'np' THEN fl_cost ELSE 0 END) AS fl_cost_np
        , SUM(CASE WHEN role = 'nc' THEN fl_cost ELSE 0 END) AS fl_cost_nc
        , SUM(CASE WHEN role = 'cc' THEN fl_cost ELSE 0 END) AS fl_cost_cc
    FROM roles
    GROUP BY
        date_day
)
SELECT
    date_day::DATE AS date_day /* Montreal local day the shifts start */
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
FROM daily
