MODEL (
    name analytics.episodes_costs,
    kind FULL,
    cron '0 7 * * *',
    depends_on [analytics.usher_episode_state_updated, analytics.messaging_channels],
    signals (
        delivered()
    ),
    owner analytics,
    grain episode_id,
    tags (meta, episodes, costs),
    audits (
        unique_values(columns := (
            episode_id
        ))
        , not_null(
            columns := (episode_id, first_day_est, total_cost_total, total_cost_ops_total, saas_cost, bonjour_sante_cost)
        )
        , forall(
            criteria := (
                ABS(
                    nc_cost_total + np_cost_total + cc_cost_total + gp_cost_total + saas_cost + bonjour_sante_cost - total_cost_total
                ) < 0.001
                , total_cost_3_days <= total_cost_7_days + 0.000001
                , total_cost_7_days <= total_cost_14_days + 0.000001
                , total_cost_14_days <= total_cost_28_days + 0.000001
                , total_cost_28_days <= total_cost_total + 0.000001
            )
        )
        , assert_episodes_in_messaging_channels
        , assert_episodes_saas_cost_on_all_episodes
    ),
    description 'One row per episode with any cost: staff costs per role (nc, np, cc, gp) and in total from costs_by_episode_daily, over the whole episode (_cost_total, _cost_ops_total) and cumulated over the first 3, 7, 14 and 28 days from the episode''s first day (the Montreal local day of its first post; day 0 to N-1), plus the allocated SaaS cost (episodes_saas_costs) and Bonjour Santé cost (episodes_bonjour_sante_costs). The total_ columns add SaaS and Bonjour Santé to the staff costs; both are episode-level allocations, so they are counted in full in every total_ window. FULL, rebuilt by the daily 07:00 UTC run: a per-episode rollup over all history. Its blocking audit cross-checks Usher states against messaging channels, so while a raw source of its time-range inputs is late (the delivered signal) it waits and keeps its last good rows.'
);

WITH daily_costs AS (
    SELECT
        episode_id
        , date_day_est
        , cc_cost
        , nc_cost
        , np_cost
        , gp_cost
        , total_cost
        , cc_cost_ops
        , nc_cost_ops
        , np_cost_ops
        , gp_cost_ops
        , total_cost_ops
    FROM analytics.costs_by_episode_daily
), saas AS (
    SELECT
        episode_id
        , saas_cost
    FROM analytics.episodes_saas_costs
), bonjour_sante AS (
    SELECT
        episode_id
        , bonjour_sante_cost
    FROM analytics.episodes_bonjour_sante_costs
), channels AS (
    SELECT
        episode_id
        , @to_est(created_at)::DATE AS first_day_est
    FROM analytics.messaging_channels
), staff AS (
    SELECT
        daily_costs.episode_id
        , SUM(daily_costs.nc_cost) AS nc_cost_total
        , SUM(daily_costs.nc_cost_ops) AS nc_cost_ops_total
        , SUM(
            CASE
                WHEN @days_between(channels.first_day_est, daily_costs.date_day_est) < 3
                THEN daily_costs.nc_cost
                ELSE 0
            END
        ) AS nc_cost_3_days
        , SUM(
            CASE
                WHEN @days_between(channels.first_day_est, daily_costs.date_day_est) < 7
                THEN daily_costs.nc_cost
                ELSE 0
            END
        ) AS nc_cost_7_days
        , SUM(
            CASE
                WHEN @days_between(channels.first_day_est, daily_costs.date_day_est) < 14
                THEN daily_costs.nc_cost
                ELSE 0
            END
        ) AS nc_cost_14_days
        , SUM(
            CASE
                WHEN @days_between(channels.first_day_est, daily_costs.date_day_est) < 28
                THEN daily_costs.nc_cost
                ELSE 0
            END
        ) AS nc_cost_28_days
        , SUM(
            CASE
                WHEN @days_between(channels.first_day_est, daily_costs.date_day_est) < 3
                THEN daily_costs.nc_cost_ops
                ELSE 0
            END
        ) AS nc_cost_ops_3_days
        , SUM(
            CASE
                WHEN @days_between(channels.first_day_est, daily_costs.date_day_est) < 7
                THEN daily_costs.nc_cost_ops
                ELSE 0
            END
        ) AS nc_cost_ops_7_days
        , SUM(
            CASE
                WHEN @days_between(channels.first_day_est, daily_costs.date_day_est) < 14
                THEN daily_costs.nc_cost_ops
                ELSE 0
            END
        ) AS nc_cost_ops_14_days
        , SUM(
            CASE
                WHEN @days_between(channels.first_day_est, daily_costs.date_day_est) < 28
                THEN daily_costs.nc_cost_ops
                ELSE 0
            END
        ) AS nc_cost_ops_28_days
        , SUM(daily_costs.np_cost) AS np_cost_total
        , SUM(daily_costs.np_cost_ops) AS np_cost_ops_total
        , SUM(
            CASE
                WHEN @days_between(channels.first_day_est, daily_costs.date_day_est) < 3
                THEN daily_costs.np_cost
                ELSE 0
            END
        ) AS np_cost_3_days
        , SUM(
            CASE
                WHEN @days_between(channels.first_day_est, daily_costs.date_day_est) < 7
                THEN daily_costs.np_cost
                ELSE 0
            END
        ) AS np_cost_7_days
        , SUM(
            CASE
                WHEN @days_between(channels.first_day_est, daily_costs.date_day_est) < 14
                THEN daily_costs.np_cost
                ELSE 0
            END
        ) AS np_cost_14_days
        , SUM(
            CASE
                WHEN @days_between(channels.first_day_est, daily_costs.date_day_est) < 28
                THEN daily_costs.np_cost
                ELSE 0
            END
        ) AS np_cost_28_days
        , SUM(
            CASE
                WHEN @days_between(channels.first_day_est, daily_costs.date_day_est) < 3
                THEN daily_costs.np_cost_ops
                ELSE 0
            END
        ) AS np_cost_ops_3_days
        , SUM(
            CASE
                WHEN @days_between(channels.first_day_est, daily_costs.date_day_est) < 7
                THEN daily_costs.np_cost_ops
                ELSE 0
            END
        ) AS np_cost_ops_7_days
        , SUM(
            CASE
                WHEN @days_between(channels.first_day_est, daily_costs.date_day_est) < 14
                THEN daily_costs.np_cost_ops
                ELSE 0
            END
        ) AS np_cost_ops_14_days
        , SUM(
            CASE
                WHEN @days_between(channels.first_day_est, daily_costs.date_day_est) < 28
                THEN daily_costs.np_cost_ops
                ELSE 0
            END
        ) AS np_cost_ops_28_days
        , SUM(daily_costs.cc_cost) AS cc_cost_total
        , SUM(daily_costs.cc_cost_ops) AS cc_cost_ops_total
        , SUM(
            CASE
                WHEN @days_between(channels.first_day_est, daily_costs.date_day_est) < 3
                THEN daily_costs.cc_cost
                ELSE 0
            END
        ) AS cc_cost_3_days
        , SUM(
            CASE
                WHEN @days_between(channels.first_day_est, daily_costs.date_day_est) < 7
                THEN daily_costs.cc_cost
                ELSE 0
            END
        ) AS cc_cost_7_days
        , SUM(
            CASE
                WHEN @days_between(channels.first_day_est, daily_costs.date_day_est) < 14
                THEN daily_costs.cc_cost
                ELSE 0
            END
        ) AS cc_cost_14_days
        , SUM(
            CASE
                WHEN @days_between(channels.first_day_est, daily_costs.date_day_est) < 28
                THEN daily_costs.cc_cost
                ELSE 0
            END
        ) AS cc_cost_28_days
        , SUM(
            CASE
                WHEN @days_between(channels.first_day_est, daily_costs.date_day_est) < 3
                THEN daily_costs.cc_cost_ops
                ELSE 0
            END
        ) AS cc_cost_ops_3_days
        , SUM(
            CASE
                WHEN @days_between(channels.first_day_est, daily_costs.date_day_est) < 7
                THEN daily_costs.cc_cost_ops
                ELSE 0
            END
        ) AS cc_cost_ops_7_days
        , SUM(
            CASE
                WHEN @days_between(channels.first_day_est, daily_costs.date_day_est) < 14
                THEN daily_costs.cc_cost_ops
                ELSE 0
            END
        ) AS cc_cost_ops_14_days
        , SUM(
            CASE
                WHEN @days_between(channels.first_day_est, daily_costs.date_day_est) < 28
                THEN daily_costs.cc_cost_ops
                ELSE 0
            END
        ) AS cc_cost_ops_28_days
        , SUM(daily_costs.gp_cost) AS gp_cost_total
        , SUM(daily_costs.gp_cost_ops) AS gp_cost_ops_total
        , SUM(
            CASE
                WHEN @days_between(channels.first_day_est, daily_costs.date_day_est) < 3
                THEN daily_costs.gp_cost
                ELSE 0
            END
        ) AS gp_cost_3_days
        , SUM(
            CASE
                WHEN @days_between(channels.first_day_est, daily_costs.date_day_est) < 7
                THEN daily_costs.gp_cost
                ELSE 0
            END
        ) AS gp_cost_7_days
        , SUM(
            CASE
                WHEN @days_between(channels.first_day_est, daily_costs.date_day_est) < 14
                THEN daily_costs.gp_cost
                ELSE 0
            END
        ) AS gp_cost_14_days
        , SUM(
            CASE
                WHEN @days_between(channels.first_day_est, daily_costs.date_day_est) < 28
                THEN daily_costs.gp_cost
                ELSE 0
            END
        ) AS gp_cost_28_days
        , SUM(
            CASE
                WHEN @days_between(channels.first_day_est, daily_costs.date_day_est) < 3
                THEN daily_costs.gp_cost_ops
                ELSE 0
            END
        ) AS gp_cost_ops_3_days
        , SUM(
            CASE
                WHEN @days_between(channels.first_day_est, daily_costs.date_day_est) < 7
                THEN daily_costs.gp_cost_ops
                ELSE 0
            END
        ) AS gp_cost_ops_7_days
        , SUM(
            CASE
                WHEN @days_between(channels.first_day_est, daily_costs.date_day_est) < 14
                THEN daily_costs.gp_cost_ops
                ELSE 0
            END
        ) AS gp_cost_ops_14_days
        , SUM(
            CASE
                WHEN @days_between(channels.first_day_est, daily_costs.date_day_est) < 28
                THEN daily_costs.gp_cost_ops
                ELSE 0
            END
        ) AS gp_cost_ops_28_days
        , SUM(daily_costs.total_cost) AS total_cost_total
        , SUM(daily_costs.total_cost_ops) AS total_cost_ops_total
        , SUM(
            CASE
                WHEN @days_between(channels.first_day_est, daily_costs.date_day_est) < 3
                THEN daily_costs.total_cost
                ELSE 0
            END
        ) AS total_cost_3_days
        , SUM(
            CASE
                WHEN @days_between(channels.first_day_est, daily_costs.date_day_est) < 7
                THEN daily_costs.total_cost
                ELSE 0
            END
        ) AS total_cost_7_days
        , SUM(
            CASE
                WHEN @days_between(channels.first_day_est, daily_costs.date_day_est) < 14
                THEN daily_costs.total_cost
                ELSE 0
            END
        ) AS total_cost_14_days
        , SUM(
            CASE
                WHEN @days_between(channels.first_day_est, daily_costs.date_day_est) < 28
                THEN daily_costs.total_cost
                ELSE 0
            END
        ) AS total_cost_28_days
        , SUM(
            CASE
                WHEN @days_between(channels.first_day_est, daily_costs.date_day_est) < 3
                THEN daily_costs.total_cost_ops
                ELSE 0
            END
        ) AS total_cost_ops_3_days
        , SUM(
            CASE
                WHEN @days_between(channels.first_day_est, daily_costs.date_day_est) < 7
                THEN daily_costs.total_cost_ops
                ELSE 0
            END
        ) AS total_cost_ops_7_days
        , SUM(
            CASE
                WHEN @days_between(channels.first_day_est, daily_costs.date_day_est) < 14
                THEN daily_costs.total_cost_ops
                ELSE 0
            END
        ) AS total_cost_ops_14_days
        , SUM(
            CASE
                WHEN @days_between(channels.first_day_est, daily_costs.date_day_est) < 28
                THEN daily_costs.total_cost_ops
                ELSE 0
            END
        ) AS total_cost_ops_28_days
    FROM daily_costs
    INNER JOIN channels
        ON daily_costs.episode_id = channels.episode_id
    GROUP BY
        daily_costs.episode_id
), episodes AS (
    SELECT
        episode_id
    FROM staff
    UNION
    SELECT
        episode_id
    FROM saas
    UNION
    SELECT
        episode_id
    FROM bonjour_sante
)
SELECT
    episodes.episode_id::TEXT AS episode_id /* Episode (messaging channel) */
    , channels.first_day_est::DATE AS first_day_est /* Montreal local day of the episode's first post: day 0 of the cumulative windows */
    , (
        COALESCE(staff.nc_cost_total, 0)
    )::DOUBLE AS nc_cost_total /* Cost of the episode, Nurse Clinician (CAD) */
    , (
        COALESCE(staff.nc_cost_ops_total, 0)
    )::DOUBLE AS nc_cost_ops_total /* Cost with adjustments, Nurse Clinician (CAD) */
    , (
        COALESCE(staff.nc_cost_3_days, 0)
    )::DOUBLE AS nc_cost_3_days /* Cost within 3 days of the episode's first day, Nurse Clinician (CAD) */
    , (
        COALESCE(staff.nc_cost_7_days, 0)
    )::DOUBLE AS nc_cost_7_days /* Cost within 7 days of the episode's first day, Nurse Clinician (CAD) */
    , (
        COALESCE(staff.nc_cost_14_days, 0)
    )::DOUBLE AS nc_cost_14_days /* Cost within 14 days of the episode's first day, Nurse Clinician (CAD) */
    , (
        COALESCE(staff.nc_cost_28_days, 0)
    )::DOUBLE AS nc_cost_28_days /* Cost within 28 days of the episode's first day, Nurse Clinician (CAD) */
    , (
        COALESCE(staff.nc_cost_ops_3_days, 0)
    )::DOUBLE AS nc_cost_ops_3_days /* Cost with adjustments within 3 days of the first day, Nurse Clinician (CAD) */
    , (
        COALESCE(staff.nc_cost_ops_7_days, 0)
    )::DOUBLE AS nc_cost_ops_7_days /* Cost with adjustments within 7 days of the first day, Nurse Clinician (CAD) */
    , (
        COALESCE(staff.nc_cost_ops_14_days, 0)
    )::DOUBLE AS nc_cost_ops_14_days /* Cost with adjustments within 14 days of the first day, Nurse Clinician (CAD) */
    , (
        COALESCE(staff.nc_cost_ops_28_days, 0)
    )::DOUBLE AS nc_cost_ops_28_days /* Cost with adjustments within 28 days of the first day, Nurse Clinician (CAD) */
    , (
        COALESCE(staff.np_cost_total, 0)
    )::DOUBLE AS np_cost_total /* Cost of the episode, Nurse Practitioner (CAD) */
    , (
        COALESCE(staff.np_cost_ops_total, 0)
    )::DOUBLE AS np_cost_ops_total /* Cost with adjustments, Nurse Practitioner (CAD) */
    , (
        COALESCE(staff.np_cost_3_days, 0)
    )::DOUBLE AS np_cost_3_days /* Cost within 3 days of the episode's first day, Nurse Practitioner (CAD) */
    , (
        COALESCE(staff.np_cost_7_days, 0)
    )::DOUBLE AS np_cost_7_days /* Cost within 7 days of the episode's first day, Nurse Practitioner (CAD) */
    , (
        COALESCE(staff.np_cost_14_days, 0)
    )::DOUBLE AS np_cost_14_days /* Cost within 14 days of the episode's first day, Nurse Practitioner (CAD) */
    , (
        COALESCE(staff.np_cost_28_days, 0)
    )::DOUBLE AS np_cost_28_days /* Cost within 28 days of the episode's first day, Nurse Practitioner (CAD) */
    , (
        COALESCE(staff.np_cost_ops_3_days, 0)
    )::DOUBLE AS np_cost_ops_3_days /* Cost with adjustments within 3 days of the first day, Nurse Practitioner (CAD) */
    , (
        COALESCE(staff.np_cost_ops_7_days, 0)
    )::DOUBLE AS np_cost_ops_7_days /* Cost with adjustments within 7 days of the first day, Nurse Practitioner (CAD) */
    , (
        COALESCE(staff.np_cost_ops_14_days, 0)
    )::DOUBLE AS np_cost_ops_14_days /* Cost with adjustments within 14 days of the first day, Nurse Practitioner (CAD) */
    , (
        COALESCE(staff.np_cost_ops_28_days, 0)
    )::DOUBLE AS np_cost_ops_28_days /* Cost with adjustments within 28 days of the first day, Nurse Practitioner (CAD) */
    , (
        COALESCE(staff.cc_cost_total, 0)
    )::DOUBLE AS cc_cost_total /* Cost of the episode, Care Coordinator (CAD) */
    , (
        COALESCE(staff.cc_cost_ops_total, 0)
    )::DOUBLE AS cc_cost_ops_total /* Cost with adjustments, Care Coordinator (CAD) */
    , (
        COALESCE(staff.cc_cost_3_days, 0)
    )::DOUBLE AS cc_cost_3_days /* Cost within 3 days of the episode's first day, Care Coordinator (CAD) */
    , (
        COALESCE(staff.cc_cost_7_days, 0)
    )::DOUBLE AS cc_cost_7_days /* Cost within 7 days of the episode's first day, Care Coordinator (CAD) */
    , (
        COALESCE(staff.cc_cost_14_days, 0)
    )::DOUBLE AS cc_cost_14_days /* Cost within 14 days of the episode's first day, Care Coordinator (CAD) */
    , (
        COALESCE(staff.cc_cost_28_days, 0)
    )::DOUBLE AS cc_cost_28_days /* Cost within 28 days of the episode's first day, Care Coordinator (CAD) */
    , (
        COALESCE(staff.cc_cost_ops_3_days, 0)
    )::DOUBLE AS cc_cost_ops_3_days /* Cost with adjustments within 3 days of the first day, Care Coordinator (CAD) */
    , (
        COALESCE(staff.cc_cost_ops_7_days, 0)
    )::DOUBLE AS cc_cost_ops_7_days /* Cost with adjustments within 7 days of the first day, Care Coordinator (CAD) */
    , (
        COALESCE(staff.cc_cost_ops_14_days, 0)
    )::DOUBLE AS cc_cost_ops_14_days /* Cost with adjustments within 14 days of the first day, Care Coordinator (CAD) */
    , (
        COALESCE(staff.cc_cost_ops_28_days, 0)
    )::DOUBLE AS cc_cost_ops_28_days /* Cost with adjustments within 28 days of the first day, Care Coordinator (CAD) */
    , (
        COALESCE(staff.gp_cost_total, 0)
    )::DOUBLE AS gp_cost_total /* Cost of the episode, GP video (no ops premium) (CAD) */
    , (
        COALESCE(staff.gp_cost_ops_total, 0)
    )::DOUBLE AS gp_cost_ops_total /* Cost with adjustments, GP video (no ops premium) (CAD) */
    , (
        COALESCE(staff.gp_cost_3_days, 0)
    )::DOUBLE AS gp_cost_3_days /* Cost within 3 days of the episode's first day, GP video (no ops premium) (CAD) */
    , (
        COALESCE(staff.gp_cost_7_days, 0)
    )::DOUBLE AS gp_cost_7_days /* Cost within 7 days of the episode's first day, GP video (no ops premium) (CAD) */
    , (
        COALESCE(staff.gp_cost_14_days, 0)
    )::DOUBLE AS gp_cost_14_days /* Cost within 14 days of the episode's first day, GP video (no ops premium) (CAD) */
    , (
        COALESCE(staff.gp_cost_28_days, 0)
    )::DOUBLE AS gp_cost_28_days /* Cost within 28 days of the episode's first day, GP video (no ops premium) (CAD) */
    , (
        COALESCE(staff.gp_cost_ops_3_days, 0)
    )::DOUBLE AS gp_cost_ops_3_days /* Cost with adjustments within 3 days of the first day, GP video (no ops premium) (CAD) */
    , (
        COALESCE(staff.gp_cost_ops_7_days, 0)
    )::DOUBLE AS gp_cost_ops_7_days /* Cost with adjustments within 7 days of the first day, GP video (no ops premium) (CAD) */
    , (
        COALESCE(staff.gp_cost_ops_14_days, 0)
    )::DOUBLE AS gp_cost_ops_14_days /* Cost with adjustments within 14 days of the first day, GP video (no ops premium) (CAD) */
    , (
        COALESCE(staff.gp_cost_ops_28_days, 0)
    )::DOUBLE AS gp_cost_ops_28_days /* Cost with adjustments within 28 days of the first day, GP video (no ops premium) (CAD) */
    , (
        COALESCE(staff.total_cost_total, 0) + COALESCE(saas.saas_cost, 0) + COALESCE(bonjour_sante.bonjour_sante_cost, 0)
    )::DOUBLE AS total_cost_total /* Cost of the episode, all roles, plus SaaS and Bonjour Santé (CAD) */
    , (
        COALESCE(staff.total_cost_ops_total, 0) + COALESCE(saas.saas_cost, 0) + COALESCE(bonjour_sante.bonjour_sante_cost, 0)
    )::DOUBLE AS total_cost_ops_total /* Cost with adjustments, all roles, plus SaaS and Bonjour Santé (CAD) */
    , (
        COALESCE(staff.total_cost_3_days, 0) + COALESCE(saas.saas_cost, 0) + COALESCE(bonjour_sante.bonjour_sante_cost, 0)
    )::DOUBLE AS total_cost_3_days /* Cost within 3 days of the episode's first day, all roles, plus SaaS and Bonjour Santé (CAD) */
    , (
        COALESCE(staff.total_cost_7_days, 0) + COALESCE(saas.saas_cost, 0) + COALESCE(bonjour_sante.bonjour_sante_cost, 0)
    )::DOUBLE AS total_cost_7_days /* Cost within 7 days of the episode's first day, all roles, plus SaaS and Bonjour Santé (CAD) */
    , (
        COALESCE(staff.total_cost_14_days, 0) + COALESCE(saas.saas_cost, 0) + COALESCE(bonjour_sante.bonjour_sante_cost, 0)
    )::DOUBLE AS total_cost_14_days /* Cost within 14 days of the episode's first day, all roles, plus SaaS and Bonjour Santé (CAD) */
    , (
        COALESCE(staff.total_cost_28_days, 0) + COALESCE(saas.saas_cost, 0) + COALESCE(bonjour_sante.bonjour_sante_cost, 0)
    )::DOUBLE AS total_cost_28_days /* Cost within 28 days of the episode's first day, all roles, plus SaaS and Bonjour Santé (CAD) */
    , (
        COALESCE(staff.total_cost_ops_3_days, 0) + COALESCE(saas.saas_cost, 0) + COALESCE(bonjour_sante.bonjour_sante_cost, 0)
    )::DOUBLE AS total_cost_ops_3_days /* Cost with adjustments within 3 days of the first day, all roles, plus SaaS and Bonjour Santé (CAD) */
    , (
        COALESCE(staff.total_cost_ops_7_days, 0) + COALESCE(saas.saas_cost, 0) + COALESCE(bonjour_sante.bonjour_sante_cost, 0)
    )::DOUBLE AS total_cost_ops_7_days /* Cost with adjustments within 7 days of the first day, all roles, plus SaaS and Bonjour Santé (CAD) */
    , (
        COALESCE(staff.total_cost_ops_14_days, 0) + COALESCE(saas.saas_cost, 0) + COALESCE(bonjour_sante.bonjour_sante_cost, 0)
    )::DOUBLE AS total_cost_ops_14_days /* Cost with adjustments within 14 days of the first day, all roles, plus SaaS and Bonjour Santé (CAD) */
    , (
        COALESCE(staff.total_cost_ops_28_days, 0) + COALESCE(saas.saas_cost, 0) + COALESCE(bonjour_sante.bonjour_sante_cost, 0)
    )::DOUBLE AS total_cost_ops_28_days /* Cost with adjustments within 28 days of the first day, all roles, plus SaaS and Bonjour Santé (CAD) */
    , COALESCE(saas.saas_cost, 0)::DOUBLE AS saas_cost /* Allocated SaaS cost (CAD); 0 for episodes never activated */
    , COALESCE(bonjour_sante.bonjour_sante_cost, 0)::DOUBLE AS bonjour_sante_cost /* Allocated Bonjour Santé booking cost (CAD) */
FROM episodes
INNER JOIN channels
    ON episodes.episode_id = channels.episode_id
LEFT JOIN staff
    ON episodes.episode_id = staff.episode_id
LEFT JOIN saas
    ON episodes.episode_id = saas.episode_id
LEFT JOIN bonjour_sante
    ON episodes.episode_id = bonjour_sante.episode_id
