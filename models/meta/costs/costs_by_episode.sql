MODEL (
    name analytics.costs_by_episode,
    kind FULL,
    cron '0 7 * * *',
    owner analytics,
    grain (episode_id, date_day_est),
    tags (meta, costs, care),
    audits (
        unique_combination_of_columns(columns := (episode_id, date_day_est))
        , not_null(
            columns := (
                episode_id
                , date_day_est
                , date_month
                , cc_cost
                , nc_cost
                , np_cost
                , cc_cost_ops
                , nc_cost_ops
                , np_cost_ops
            )
        )
    ),
    description 'One row per episode and Montreal local day with active time of Care Coordinators, Nurse Clinicians or Nurse Practitioners: the cost of that time per role = active hours x the month''s hourly rate of the role (costs_hourly_by_spec_monthly), i.e. the finance cost of the role allocated pro rata of active hours, so that a month''s costs sum exactly to the finance seed; months without a finance row use the default rates (40 / 75 / 100 CAD per hour, x 1.25 for ops). Also the chat type and patient of the chat that day. FULL, rebuilt by the daily 07:00 UTC run: a month''s rate changes the cost of every day of the month while the month is in progress.'
);

WITH time_spent AS (
    SELECT
        episode_id
        , date_day_est
        , date_month
        , cc_time
        , nc_time
        , np_time
    FROM analytics.costs_time_spent_by_episode_daily
), rates AS (
    SELECT
        date_month
        , cc_time
        , nc_time
        , np_time
        , has_finance_row
        , fl_cc_cost
        , fl_nc_cost
        , fl_np_cost
        , fl_cc_cost_ops
        , fl_nc_cost_ops
        , fl_np_cost_ops
        , cc_hourly
        , nc_hourly
        , np_hourly
        , cc_hourly_ops
        , nc_hourly_ops
        , np_hourly_ops
    FROM analytics.costs_hourly_by_spec_monthly
), chats AS (
    SELECT
        episode_id
        , date_day_est
        , chat_type
        , patient_id
    FROM analytics.chats
), costed AS (
    SELECT
        time_spent.episode_id
        , time_spent.date_day_est
        , time_spent.date_month
        , time_spent.cc_time
        , time_spent.nc_time
        , time_spent.np_time /* exact pro-rata allocation when finance has the month, default rate otherwise */
        , CASE
            WHEN rates.has_finance_row
            THEN time_spent.cc_time * rates.fl_cc_cost / NULLIF(rates.cc_time, 0)
            ELSE time_spent.cc_time * rates.cc_hourly
        END AS cc_cost
        , CASE
            WHEN rates.has_finance_row
            THEN time_spent.nc_time * rates.fl_nc_cost / NULLIF(rates.nc_time, 0)
            ELSE time_spent.nc_time * rates.nc_hourly
        END AS nc_cost
        , CASE
            WHEN rates.has_finance_row
            THEN time_spent.np_time * rates.fl_np_cost / NULLIF(rates.np_time, 0)
            ELSE time_spent.np_time * rates.np_hourly
        END AS np_cost
        , CASE
            WHEN rates.has_finance_row
            THEN time_spent.cc_time * rates.fl_cc_cost_ops / NULLIF(rates.cc_time, 0)
            ELSE time_spent.cc_time * rates.cc_hourly_ops
        END AS cc_cost_ops
        , CASE
            WHEN rates.has_finance_row
            THEN time_spent.nc_time * rates.fl_nc_cost_ops / NULLIF(rates.nc_time, 0)
            ELSE time_spent.nc_time * rates.nc_hourly_ops
        END AS nc_cost_ops
        , CASE
            WHEN rates.has_finance_row
            THEN time_spent.np_time * rates.fl_np_cost_ops / NULLIF(rates.np_time, 0)
            ELSE time_spent.np_time * rates.np_hourly_ops
        END AS np_cost_ops
    FROM time_spent
    INNER JOIN rates
        ON time_spent.date_month = rates.date_month
)
SELECT
    costed.episode_id::TEXT AS episode_id /* Episode worked on */
    , costed.date_day_est::DATE AS date_day_est /* Montreal local day of the activity */
    , costed.date_month::DATE AS date_month /* First day of the month of the local day */
    , costed.cc_time::DOUBLE AS cc_time /* Active hours of Care Coordinators */
    , costed.nc_time::DOUBLE AS nc_time /* Active hours of Nurse Clinicians */
    , costed.np_time::DOUBLE AS np_time /* Active hours of Nurse Practitioners */
    , COALESCE(costed.cc_cost, 0)::DOUBLE AS cc_cost /* Care Coordinator cost of the day (CAD) */
    , COALESCE(costed.nc_cost, 0)::DOUBLE AS nc_cost /* Nurse Clinician cost of the day (CAD) */
    , COALESCE(costed.np_cost, 0)::DOUBLE AS np_cost /* Nurse Practitioner cost of the day (CAD) */
    , COALESCE(costed.cc_cost_ops, 0)::DOUBLE AS cc_cost_ops /* Care Coordinator cost with adjustments (CAD) */
    , COALESCE(costed.nc_cost_ops, 0)::DOUBLE AS nc_cost_ops /* Nurse Clinician cost with adjustments and licences (CAD) */
    , COALESCE(costed.np_cost_ops, 0)::DOUBLE AS np_cost_ops /* Nurse Practitioner cost with adjustments (CAD) */
    , chats.chat_type::TEXT AS chat_type /* Type of the chat that day (New Episode, Follow-up, ...); null without chat */
    , chats.patient_id::TEXT AS patient_id /* Episode subject of the chat that day; null without chat */
FROM costed
LEFT JOIN chats
    ON costed.episode_id = chats.episode_id AND costed.date_day_est = chats.date_day_est
