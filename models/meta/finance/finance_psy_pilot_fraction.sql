MODEL (
    name analytics.finance_psy_pilot_fraction,
    kind FULL,
    cron '0 7 * * *',
    owner analytics,
    grain date_month,
    tags (meta, finance, costs),
    audits (
        unique_values(columns := (
            date_month
        ))
        , not_null(columns := (date_month, cc_fraction, nc_fraction, np_fraction, gp_fraction))
        , accepted_range("column" := cc_fraction, min_v := 0, max_v := 1)
        , accepted_range("column" := nc_fraction, min_v := 0, max_v := 1)
        , accepted_range("column" := np_fraction, min_v := 0, max_v := 1)
        , accepted_range("column" := gp_fraction, min_v := 0, max_v := 1)
    ),
    description 'Share of the front-line cost spent on the mental-health pilot, per completed month: one row per month (of the Montreal local cost day, date_month of costs_by_episode_daily) before the run''s month. The cost days of every episode are tagged with the episode''s issue type from episodes (costs of an episode unknown to episodes count in the totals only); cc_fraction, nc_fraction and np_fraction are the Care Coordinator, Nurse Clinician and Nurse Practitioner cost of episodes of issue type psy-pilot divided by all that role''s cost, gp_fraction the same for the GP cost (psychology plus other videos); each is 0 when the role cost nothing that month. FULL, rebuilt by the daily 07:00 UTC run.'
);

WITH costs AS (
    SELECT
        episode_id
        , date_month
        , cc_cost
        , nc_cost
        , np_cost
        , gp_psy_cost
        , gp_other_cost
    FROM analytics.costs_by_episode_daily
    WHERE
        date_day_est < DATE_TRUNC('MONTH', @execution_ds::DATE)::DATE
), episodes AS (
    SELECT
        episode_id
        , issue_type
    FROM analytics.episodes
), tagged AS (
    SELECT
        costs.date_month
        , COALESCE(episodes.issue_type = 'psy-pilot', FALSE) AS is_psy_pilot
        , COALESCE(costs.cc_cost, 0) AS cc_cost
        , COALESCE(costs.nc_cost, 0) AS nc_cost
        , COALESCE(costs.np_cost, 0) AS np_cost
        , COALESCE(costs.gp_psy_cost, 0) + COALESCE(costs.gp_other_cost, 0) AS gp_cost
    FROM costs
    LEFT JOIN episodes
        ON costs.episode_id = episodes.episode_id
), monthly AS (
    SELECT
        date_month
        , SUM(CASE WHEN is_psy_pilot THEN cc_cost ELSE 0 END) AS cc_cost_psy_pilot
        , SUM(cc_cost) AS cc_cost
        , SUM(CASE WHEN is_psy_pilot THEN nc_cost ELSE 0 END) AS nc_cost_psy_pilot
        , SUM(nc_cost) AS nc_cost
        , SUM(CASE WHEN is_psy_pilot THEN np_cost ELSE 0 END) AS np_cost_psy_pilot
        , SUM(np_cost) AS np_cost
        , SUM(CASE WHEN is_psy_pilot THEN gp_cost ELSE 0 END) AS gp_cost_psy_pilot
        , SUM(gp_cost) AS gp_cost
    FROM tagged
    GROUP BY
        date_month
)
SELECT
    date_month::DATE AS date_month /* First day of the month of the local cost days */
    , COALESCE(cc_cost_psy_pilot / NULLIF(cc_cost, 0), 0)::DOUBLE AS cc_fraction /* Care Coordinator cost of psy-pilot episodes over all Care Coordinator cost (0 when none) */
    , COALESCE(nc_cost_psy_pilot / NULLIF(nc_cost, 0), 0)::DOUBLE AS nc_fraction /* Nurse Clinician cost of psy-pilot episodes over all Nurse Clinician cost (0 when none) */
    , COALESCE(np_cost_psy_pilot / NULLIF(np_cost, 0), 0)::DOUBLE AS np_fraction /* Nurse Practitioner cost of psy-pilot episodes over all Nurse Practitioner cost (0 when none) */
    , COALESCE(gp_cost_psy_pilot / NULLIF(gp_cost, 0), 0)::DOUBLE AS gp_fraction /* GP cost (psychology and other videos) of psy-pilot episodes over all GP cost (0 when none) */
FROM monthly
