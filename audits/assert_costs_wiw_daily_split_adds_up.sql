AUDIT (
    name assert_costs_wiw_daily_split_adds_up,
    blocking TRUE
);

/* Front-line costs: video (GP + NP) + chat (NC + CC) = total = the sum of the four roles, none
   negative. Blocking invariant of wiw_costs_daily and wiw_costs_weekly. */
SELECT
    *
FROM @this_model
WHERE
    ABS(fl_cost_video + fl_cost_chat - fl_cost_total) > 0.02
    OR ABS(fl_cost_gp + fl_cost_np + fl_cost_nc + fl_cost_cc - fl_cost_total) > 0.02
    OR LEAST(fl_cost_gp, fl_cost_np, fl_cost_nc, fl_cost_cc) < 0
