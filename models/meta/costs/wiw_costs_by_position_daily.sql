MODEL (
    name analytics.wiw_costs_by_position_daily,
    kind FULL,
    cron '0 7 * * *',
    owner analytics,
    grain (date_day, position_name),
    tags (meta, costs, wiw),
    audits (
        unique_combination_of_columns(columns := (date_day, position_name))
        , not_null(columns := (date_day, position_name, position_group, hours_total, cost_total))
        , assert_costs_wiw_locations_add_up
    ),
    description 'One row per Montreal local day and When I Work position with published shifts starting that day: paid hours and staff cost, in total and split by location (Virtual Care Platform, Admin, Ubisoft; other locations count only in the total). Only days before the day of the run: scheduled future shifts are not costs yet. FULL, rebuilt once a day by the 07:00 UTC run (shifts are edited in place in the replica; its consumers are daily marts). Cost = hourly rate x paid hours as computed in wiw_shifts_detailed (the break is subtracted once there; the original subtracted it twice).'
);

WITH shifts AS (
    SELECT
        start_day_est
        , position_name
        , position_group
        , location_name
        , hours
        , cost
    FROM analytics.wiw_shifts_detailed
    WHERE
        start_day_est < @to_est(@execution_tstz::TIMESTAMPTZ)::DATE
), daily AS (
    SELECT
        start_day_est AS date_day
        , COALESCE(position_name, 'N/A') AS position_name
        , COALESCE(MAX(position_group), 'N/A') AS position_group
        , SUM(COALESCE(hours, 0)) AS hours_total
        , SUM(COALESCE(cost, 0)) AS cost_total
        , SUM(CASE WHEN location_name = 'Virtual Care Platform' THEN COALESCE(hours, 0) ELSE 0 END) AS hours_vcp
        , SUM(CASE WHEN location_name = 'Virtual Care Platform' THEN COALESCE(cost, 0) ELSE 0 END) AS cost_vcp
        , SUM(CASE WHEN location_name = 'Admin' THEN COALESCE(hours, 0) ELSE 0 END) AS hours_admin
        , SUM(CASE WHEN location_name = 'Admin' THEN COALESCE(cost, 0) ELSE 0 END) AS cost_admin
        , SUM(CASE WHEN location_name = 'Ubisoft' THEN COALESCE(hours, 0) ELSE 0 END) AS hours_ubisoft
        , SUM(CASE WHEN location_name = 'Ubisoft' THEN COALESCE(cost, 0) ELSE 0 END) AS cost_ubisoft
    FROM shifts
    GROUP BY
        start_day_est
        , COALESCE(position_name, 'N/A')
)
SELECT
    date_day::DATE AS date_day /* Montreal local day the shifts start */
    , position_name::TEXT AS position_name /* When I Work position (N/A when the shift has none) */
    , position_group::TEXT AS position_group /* Care role of the position (data_wiw_position_groups seed; N/A when unmapped) */
    , hours_total::DECIMAL(12, 2) AS hours_total /* Paid hours, all locations */
    , cost_total::DECIMAL(14, 2) AS cost_total /* Staff cost, all locations (CAD) */
    , hours_vcp::DECIMAL(12, 2) AS hours_vcp /* Paid hours on the Virtual Care Platform location */
    , cost_vcp::DECIMAL(14, 2) AS cost_vcp /* Staff cost on the Virtual Care Platform location (CAD) */
    , hours_admin::DECIMAL(12, 2) AS hours_admin /* Paid hours on the Admin location */
    , cost_admin::DECIMAL(14, 2) AS cost_admin /* Staff cost on the Admin location (CAD) */
    , hours_ubisoft::DECIMAL(12, 2) AS hours_ubisoft /* Paid hours on the Ubisoft clinic location */
    , cost_ubisoft::DECIMAL(14, 2) AS cost_ubisoft /* Staff cost on the Ubisoft clinic location (CAD) */
FROM daily
