MODEL (
    name analytics.gm_weekly,
    kind FULL,
    cron '0 7 * * *',
    owner analytics,
    grain date_week,
    tags (meta, gm, finance),
    audits (
        unique_values(columns := (
            date_week
        ))
        , not_null(columns := (date_week, active_contracts_avg, active_contracts_paid_avg, revenue, fl_cost_total))
        , assert_gm_gm1_finite
    ),
    description 'One row per Monday week of the contract series (scribe_contracts_weekly) with a weekly gross-margin proxy: revenue = average daily active contracts of paying organizations x 7 CAD PEPM / 4.33 weeks per month; gm1 = (revenue - front-line When I Work cost of the week) / revenue (null without revenue); staff cost per active patient-day by role (cost / DAUs of active_users_weekly) and cost per chat day and per GP/NP video day. The current week is partial (the scorecard mart only shows completed weeks). Rates are null where the denominator is 0. FULL, rebuilt by the daily 07:00 UTC run: a small weekly series. Differs from the original: revenue counts paid contracts only (unpaid contracts bring no revenue).'
);

WITH contracts AS (
    SELECT
        date_week
        , active_contracts_avg
        , active_contracts_paid_avg
    FROM analytics.scribe_contracts_weekly
), costs AS (
    SELECT
        date_week
        , fl_cost_total
        , fl_cost_video
        , fl_cost_chat
        , fl_cost_gp
        , fl_cost_np
        , fl_cost_nc
        , fl_cost_cc
    FROM analytics.wiw_costs_weekly
), users AS (
    SELECT
        date_week
        , waus
        , daus
        , daus_chat
        , daus_video_gp_np
    FROM analytics.active_users_weekly
), joined AS (
    SELECT
        contracts.date_week
        , contracts.active_contracts_avg::DOUBLE AS active_contracts_avg
        , contracts.active_contracts_paid_avg::DOUBLE AS active_contracts_paid_avg
        , contracts.active_contracts_paid_avg::DOUBLE * 7.0 / 4.33 AS revenue
        , COALESCE(costs.fl_cost_total, 0)::DOUBLE AS fl_cost_total
        , COALESCE(costs.fl_cost_video, 0)::DOUBLE AS fl_cost_video
        , COALESCE(costs.fl_cost_chat, 0)::DOUBLE AS fl_cost_chat
        , COALESCE(costs.fl_cost_gp, 0)::DOUBLE AS fl_cost_gp
        , COALESCE(costs.fl_cost_np, 0)::DOUBLE AS fl_cost_np
        , COALESCE(costs.fl_cost_nc, 0)::DOUBLE AS fl_cost_nc
        , COALESCE(costs.fl_cost_cc, 0)::DOUBLE AS fl_cost_cc
        , COALESCE(users.waus, 0) AS waus
        , COALESCE(users.daus, 0) AS daus
        , COALESCE(users.daus_chat, 0) AS daus_chat
        , COALESCE(users.daus_video_gp_np, 0) AS daus_video_gp_np
    FROM contracts
    LEFT JOIN costs
        ON contracts.date_week = costs.date_week
    LEFT JOIN users
        ON contracts.date_week = users.date_week
)
SELECT
    date_week::DATE AS date_week /* Monday of the week */
    , active_contracts_avg::DECIMAL(14, 2) AS active_contracts_avg /* Average daily active contracts */
    , active_contracts_paid_avg::DECIMAL(14, 2) AS active_contracts_paid_avg /* Average daily active contracts of paying organizations */
    , revenue::DECIMAL(14, 2) AS revenue /* Revenue proxy: paid contracts x 7 CAD / 4.33 (CAD per week) */
    , fl_cost_total::DECIMAL(14, 2) AS fl_cost_total /* Front-line staff cost of the week, When I Work (CAD) */
    , (
        (
            revenue - fl_cost_total
        ) / NULLIF(revenue, 0)
    )::DECIMAL(18, 4) AS gm1 /* Gross margin 1: (revenue - front-line cost) / revenue, a fraction (0.25 = 25%); null without revenue */
    , waus::BIGINT AS waus /* Weekly active users (distinct patients) */
    , daus::BIGINT AS daus /* Active patient-days */
    , daus_chat::BIGINT AS daus_chat /* Active patient-days with a chat */
    , daus_video_gp_np::BIGINT AS daus_video_gp_np /* Active patient-days with a GP or NP video */
    , (
        fl_cost_nc / NULLIF(daus, 0)
    )::DECIMAL(12, 2) AS cost_per_patient_nc /* Nurse Clinician cost per active patient-day (CAD) */
    , (
        fl_cost_cc / NULLIF(daus, 0)
    )::DECIMAL(12, 2) AS cost_per_patient_cc /* Care Coordinator cost per active patient-day (CAD) */
    , (
        fl_cost_np / NULLIF(daus, 0)
    )::DECIMAL(12, 2) AS cost_per_patient_np /* Nurse Practitioner cost per active patient-day (CAD) */
    , (
        fl_cost_gp / NULLIF(daus, 0)
    )::DECIMAL(12, 2) AS cost_per_patient_gp /* GP cost per active patient-day (CAD) */
    , (
        fl_cost_chat / NULLIF(daus_chat, 0)
    )::DECIMAL(12, 2) AS cost_per_chat /* Chat-role cost (NC + CC) per active chat day (CAD) */
    , (
        fl_cost_video / NULLIF(daus_video_gp_np, 0)
    )::DECIMAL(12, 2) AS cost_per_video /* Video-role cost (GP + NP) per GP/NP video day (CAD) */
FROM joined
