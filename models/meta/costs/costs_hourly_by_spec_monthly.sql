MODEL (
    name analytics.costs_hourly_by_spec_monthly,
    kind FULL,
    cron '0 7 * * *',
    owner analytics,
    grain date_month,
    tags (meta, costs, finance),
    audits (
        unique_values(columns := (
            date_month
        ))
        , not_null(
            columns := (
                date_month
                , cc_time
                , nc_time
                , np_time
                , cc_hourly
                , nc_hourly
                , np_hourly
                , cc_hourly_ops
                , nc_hourly_ops
                , np_hourly_ops
                , has_finance_row
            )
        )
        , assert_costs_hourly_rate_ranges
    ),
    description 'One row per month (Montreal local days) with active Care Platform time: the hourly cost of each priced role = the finance front-line cost of the role in the month / the active hours of the role on episodes that month (costs_time_spent_by_episode_daily). The _ops rates add the role''s finance adjustments (and, for Nurse Clinicians, the licence cost) before dividing. Months without a finance row use the default rates of 40 / 75 / 100 CAD per active hour for CC / NC / NP and 1.25 times those for ops (has_finance_row false). The finance costs and total hours are kept so that costs_by_episode can allocate exactly (the monthly sums reproduce the finance seed). FULL, rebuilt by the daily 07:00 UTC run: a month''s rate changes every day while its hours accumulate.'
);

WITH time_spent AS (
    SELECT
        date_month
        , cc_time
        , nc_time
        , np_time
    FROM analytics.costs_time_spent_by_episode_daily
), finance AS (
    SELECT
        date_month
        , fl_cc_cost
        , fl_nc_cost
        , fl_np_cost
        , adjustments_cc
        , adjustments_nc
        , adjustments_np
        , licenses_cost
    FROM analytics.finance_revenue_and_costs_monthly
), monthly_time AS (
    SELECT
        date_month
        , SUM(cc_time) AS cc_time
        , SUM(nc_time) AS nc_time
        , SUM(np_time) AS np_time
    FROM time_spent
    GROUP BY
        date_month
), joined AS (
    SELECT
        monthly_time.date_month
        , monthly_time.cc_time
        , monthly_time.nc_time
        , monthly_time.np_time
        , NOT finance.date_month IS NULL AS has_finance_row
        , finance.fl_cc_cost::DOUBLE AS cc_cost
        , finance.fl_nc_cost::DOUBLE AS nc_cost
        , finance.fl_np_cost::DOUBLE AS np_cost
        , (
            COALESCE(finance.fl_cc_cost, 0) + COALESCE(finance.adjustments_cc, 0)
        )::DOUBLE AS cc_cost_ops
        , (
            COALESCE(finance.fl_nc_cost, 0) + COALESCE(finance.adjustments_nc, 0) + COALESCE(finance.licenses_cost, 0)
        )::DOUBLE AS nc_cost_ops
        , (
            COALESCE(finance.fl_np_cost, 0) + COALESCE(finance.adjustments_np, 0)
        )::DOUBLE AS np_cost_ops
    FROM monthly_time
    LEFT JOIN finance
        ON monthly_time.date_month = finance.date_month
)
SELECT
    date_month::DATE AS date_month /* First day of the month (local days) */
    , cc_time::DOUBLE AS cc_time /* Active hours of Care Coordinators on episodes in the month */
    , nc_time::DOUBLE AS nc_time /* Active hours of Nurse Clinicians on episodes in the month */
    , np_time::DOUBLE AS np_time /* Active hours of Nurse Practitioners on episodes in the month */
    , has_finance_row::BOOLEAN AS has_finance_row /* The finance seed has the month; false means default rates */
    , cc_cost::DOUBLE AS fl_cc_cost /* Finance front-line cost of Care Coordinators (CAD); null without finance row */
    , nc_cost::DOUBLE AS fl_nc_cost /* Finance front-line cost of Nurse Clinicians (CAD); null without finance row */
    , np_cost::DOUBLE AS fl_np_cost /* Finance front-line cost of Nurse Practitioners (CAD); null without finance row */
    , CASE WHEN has_finance_row THEN cc_cost_ops END::DOUBLE AS fl_cc_cost_ops /* CC cost + CC adjustments (CAD); null without finance row */
    , CASE WHEN has_finance_row THEN nc_cost_ops END::DOUBLE AS fl_nc_cost_ops /* NC cost + NC adjustments + licences (CAD); null without finance row */
    , CASE WHEN has_finance_row THEN np_cost_ops END::DOUBLE AS fl_np_cost_ops /* NP cost + NP adjustments (CAD); null without finance row */
    , COALESCE(cc_cost / NULLIF(cc_time, 0), 40.0)::DECIMAL(12, 4) AS cc_hourly /* Care Coordinator cost per active hour (CAD/h); default 40 */
    , COALESCE(nc_cost / NULLIF(nc_time, 0), 75.0)::DECIMAL(12, 4) AS nc_hourly /* Nurse Clinician cost per active hour (CAD/h); default 75 */
    , COALESCE(np_cost / NULLIF(np_time, 0), 100.0)::DECIMAL(12, 4) AS np_hourly /* Nurse Practitioner cost per active hour (CAD/h); default 100 */
    , COALESCE(CASE WHEN has_finance_row THEN cc_cost_ops END / NULLIF(cc_time, 0), 40.0 * 1.25)::DECIMAL(12, 4) AS cc_hourly_ops /* CC cost with adjustments per active hour (CAD/h); default 50 */
    , COALESCE(CASE WHEN has_finance_row THEN nc_cost_ops END / NULLIF(nc_time, 0), 75.0 * 1.25)::DECIMAL(12, 4) AS nc_hourly_ops /* NC cost with adjustments and licences per active hour (CAD/h); default 93.75 */
    , COALESCE(CASE WHEN has_finance_row THEN np_cost_ops END / NULLIF(np_time, 0), 100.0 * 1.25)::DECIMAL(12, 4) AS np_hourly_ops /* NP cost with adjustments per active hour (CAD/h); default 125 */
FROM joined
