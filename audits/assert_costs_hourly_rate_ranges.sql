AUDIT (
    name assert_costs_hourly_rate_ranges,
    blocking FALSE
);

/* Monitored rates (from February 2019): Care Coordinators cost at most 60 CAD per
   active hour (80 with adjustments), Nurse Clinicians at most 100 (150). Non-blocking: a rate out
   of range flags staffing or tracking drift, it does not make the data wrong. */
SELECT
    date_month
    , cc_hourly
    , cc_hourly_ops
    , nc_hourly
    , nc_hourly_ops
FROM @this_model
WHERE
    date_month >= '2019-02-01'
    AND (
        cc_hourly > 60 OR cc_hourly_ops > 80 OR nc_hourly > 100 OR nc_hourly_ops > 150
    )
