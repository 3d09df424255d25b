MODEL (
    name analytics.costs_time_spent_by_episode_daily,
    kind INCREMENTAL_BY_TIME_RANGE (
        time_column date_day_est,
        lookback 3
    ),
    cron '0 7 * * *',
    owner analytics,
    grain (episode_id, date_day_est),
    tags (meta, costs, care),
    audits (
        unique_combination_of_columns(columns := (episode_id, date_day_est))
        , not_null(columns := (episode_id, date_day_est, date_month, cc_time, nc_time, np_time))
        , forall(criteria := (cc_time >= 0, nc_time >= 0, np_time >= 0, cc_time + nc_time + np_time > 0))
    ),
    description 'One row per episode and Montreal local day with active Care Platform time of the priced roles: hours of active time (cp_activity.is_active) spent on the episode by Care Coordinators, Nurse Clinicians and Nurse Practitioners while on a shift at the Virtual Care Platform location, since 2018. Days without positive time are left out. Daily intervals on the local day (07:00 UTC run) with a 3-day lookback like cp_activity; today is never emitted.'
);

WITH activity AS (
    SELECT
        episode_id
        , date_day_est
        , main_specialization
        , time_spent
    FROM analytics.cp_activity
    WHERE
        date_day_est BETWEEN @start_ds AND @end_ds
        AND date_day_est >= '2018-01-01'
        AND is_active
        AND shift_location = 'Virtual Care Platform'
        AND time_spent > 0
        AND NOT episode_id IS NULL
        AND main_specialization IN ('Care Coordinator', 'Nurse Clinician', 'Nurse Practitioner')
), daily AS (
    SELECT
        episode_id
        , date_day_est
        , SUM(CASE WHEN main_specialization = 'Care Coordinator' THEN time_spent ELSE 0 END) / 3600.0 AS cc_time
        , SUM(CASE WHEN main_specialization = 'Nurse Clinician' THEN time_spent ELSE 0 END) / 3600.0 AS nc_time
        , SUM(CASE WHEN main_specialization = 'Nurse Practitioner' THEN time_spent ELSE 0 END) / 3600.0 AS np_time
    FROM activity
    GROUP BY
        episode_id
        , date_day_est
)
SELECT
    episode_id::TEXT AS episode_id /* Episode worked on */
    , date_day_est::DATE AS date_day_est /* Montreal local day of the activity */
    , DATE_TRUNC('MONTH', date_day_est)::DATE AS date_month /* First day of the month of the local day */
    , cc_time::DOUBLE AS cc_time /* Active hours of Care Coordinators on the episode that day */
    , nc_time::DOUBLE AS nc_time /* Active hours of Nurse Clinicians on the episode that day */
    , np_time::DOUBLE AS np_time /* Active hours of Nurse Practitioners on the episode that day */
FROM daily
