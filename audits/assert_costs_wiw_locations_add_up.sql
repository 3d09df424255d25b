AUDIT (
    name assert_costs_wiw_locations_add_up,
    blocking TRUE
);

/* The location split of wiw_costs_by_position_daily never exceeds the total (other locations such
   as Tech support count only in the total) and no hours or cost is negative. Blocking invariant. */
SELECT
    date_day
    , position_name
FROM @this_model
WHERE
    hours_vcp + hours_admin + hours_ubisoft > hours_total + 0.01
    OR cost_vcp + cost_admin + cost_ubisoft > cost_total + 0.01
    OR LEAST(hours_total, cost_total, hours_vcp, cost_vcp, hours_admin, cost_admin, hours_ubisoft, cost_ubisoft) < 0
