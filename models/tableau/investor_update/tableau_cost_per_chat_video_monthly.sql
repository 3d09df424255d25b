MODEL (
    name analytics.tableau_cost_per_chat_video_monthly,
    kind FULL,
    cron '0 7 * * *',
    owner analytics,
    grain date_month,
    tags (tableau, finance, investor_update),
    audits (
        unique_values(columns := (
            date_month
        ))
        , not_null(columns := (date_month, is_completed))
        , assert_gm_gm1_finite
        , assert_tableau_only_completed_periods_filled(columns := (revenue, cost_total, gm1, daus, cost_per_chat, cost_per_video))
    ),
    description 'Investor Update (Tableau) and finance monthly GM: unit economics per month, one row per month of the finance seed from the first month with active users to the current month. Completed months carry: cost_video = GP + NP front-line cost; cost_other = Bonjour Santé (+ licences and SaaS from 2019); cost_chat = NC + CC + other; cost_total; paid_users_rate = paid DAUs / DAUs; cost_per_chat = chat cost / chat DAUs; cost_per_video = video cost / GP-NP video DAUs; cost_to_serve_a_member = total cost / active contracts (active contracts: the sum over organizations of the month''s average daily active contracts, fractional, as in the original); arpu = telehealth revenue / paid active contracts; gm1 = (revenue - total cost x (1 - rebate)) / revenue, with no rebate when the rebate seed has no row; cost per active patient-day by role. Money in CAD; rates are null where the denominator is 0. The month in progress is kept with empty values. FULL, rebuilt by the daily 07:00 UTC run. A dashboard contract: names and types are stable.'
);

WITH finance AS (
    SELECT
        date_month
        , telehealth_revenue
        , fl_gp_cost
        , fl_np_cost
        , fl_nc_cost
        , fl_cc_cost
        , bonjour_sante_cost
        , licenses_cost
        , saas_cost
    FROM analytics.finance_revenue_and_costs_monthly
), rebates AS (
    SELECT
        date_month
        , rebate_percentage
    FROM analytics.finance_rebate_monthly
), users AS (
    SELECT
        date_month
        , daus
        , daus_paid
        , daus_chat
        , daus_video_gp_np
    FROM analytics.active_users_monthly
), contracts AS (
    SELECT
        date_month
        , active_contracts
        , active_contracts_paid
    FROM analytics.scribe_active_contracts_monthly
), bounds AS (
    SELECT
        MIN(date_month) AS first_month
        , DATE_TRUNC('MONTH', @to_est(@execution_tstz::TIMESTAMPTZ))::DATE AS current_month
    FROM users
), costs AS (
    SELECT
        finance.date_month
        , finance.telehealth_revenue::DOUBLE AS revenue
        , (
            COALESCE(finance.fl_gp_cost, 0) + COALESCE(finance.fl_np_cost, 0)
        )::DOUBLE AS cost_video
        , (
            COALESCE(finance.bonjour_sante_cost, 0) + CASE
                WHEN finance.date_month >= '2019-01-01'
                THEN COALESCE(finance.licenses_cost, 0) + COALESCE(finance.saas_cost, 0)
                ELSE 0
            END
        )::DOUBLE AS cost_other
        , (
            COALESCE(finance.fl_nc_cost, 0) + COALESCE(finance.fl_cc_cost, 0)
        )::DOUBLE AS cost_chat_staff
        , COALESCE(finance.fl_gp_cost, 0)::DOUBLE AS cost_gp
        , COALESCE(finance.fl_np_cost, 0)::DOUBLE AS cost_np
        , COALESCE(finance.fl_nc_cost, 0)::DOUBLE AS cost_nc
        , COALESCE(finance.fl_cc_cost, 0)::DOUBLE AS cost_cc
        , COALESCE(rebates.rebate_percentage, 0)::DOUBLE AS rebate_percentage
    FROM finance
    LEFT JOIN rebates
        ON finance.date_month = rebates.date_month
), joined AS (
    SELECT
        costs.date_month
        , costs.date_month < bounds.current_month AS is_completed
        , costs.revenue
        , costs.cost_video
        , costs.cost_other
        , costs.cost_chat_staff + costs.cost_other AS cost_chat
        , costs.cost_video + costs.cost_chat_staff + costs.cost_other AS cost_total
        , costs.cost_gp
        , costs.cost_np
        , costs.cost_nc
        , costs.cost_cc
        , costs.rebate_percentage
        , COALESCE(users.daus, 0) AS daus
        , COALESCE(users.daus_paid, 0) AS daus_paid
        , COALESCE(users.daus_chat, 0) AS daus_chat
        , COALESCE(users.daus_video_gp_np, 0) AS daus_video_gp_np
        , COALESCE(contracts.active_contracts, 0) AS active_contracts
        , COALESCE(contracts.active_contracts_paid, 0) AS active_contracts_paid
    FROM costs
    CROSS JOIN bounds
    LEFT JOIN users
        ON costs.date_month = users.date_month
    LEFT JOIN contracts
        ON costs.date_month = contracts.date_month
    WHERE
        costs.date_month BETWEEN bounds.first_month AND bounds.current_month
)
SELECT
    date_month::DATE AS date_month /* First day of the month */
    , is_completed::BOOLEAN AS is_completed /* The month ended before the day of the run; only completed months carry values */
    , CASE WHEN is_completed THEN revenue END::DECIMAL(14, 2) AS revenue /* Telehealth revenue of the month (CAD) */
    , CASE WHEN is_completed THEN cost_video END::DECIMAL(14, 2) AS cost_video /* Video cost: GP + NP front-line cost (CAD) */
    , CASE WHEN is_completed THEN cost_other END::DECIMAL(14, 2) AS cost_other /* Other cost: Bonjour Santé, plus licences and SaaS from 2019 (CAD) */
    , CASE WHEN is_completed THEN cost_chat END::DECIMAL(14, 2) AS cost_chat /* Chat cost: NC + CC front-line cost + other cost (CAD) */
    , CASE WHEN is_completed THEN cost_total END::DECIMAL(14, 2) AS cost_total /* Total cost to serve: video + chat (CAD) */
    , CASE WHEN is_completed THEN rebate_percentage END::DECIMAL(6, 4) AS rebate_percentage /* Rebate on costs applied in GM1, a fraction (0 without rebate row) */
    , CASE WHEN is_completed THEN daus END::BIGINT AS daus /* Active patient-days */
    , CASE WHEN is_completed THEN daus_chat END::BIGINT AS daus_chat /* Active patient-days with a chat */
    , CASE WHEN is_completed THEN daus_video_gp_np END::BIGINT AS daus_video_gp_np /* Active patient-days with a GP or NP video */
    , CASE WHEN is_completed THEN active_contracts END::DOUBLE AS active_contracts /* Active contracts: sum over organizations of the month's average daily active contracts (fractional) */
    , CASE WHEN is_completed THEN active_contracts_paid END::DOUBLE AS active_contracts_paid /* Active contracts of paying organizations (sum of their month's average daily active contracts, fractional) */
    , CASE WHEN is_completed THEN daus_paid::DOUBLE / NULLIF(daus, 0) END::DECIMAL(10, 4) AS paid_users_rate /* Paid active patient-days / active patient-days, a fraction */
    , CASE WHEN is_completed THEN cost_chat / NULLIF(daus_chat, 0) END::DECIMAL(12, 2) AS cost_per_chat /* Chat cost per active chat day (CAD) */
    , CASE WHEN is_completed THEN cost_video / NULLIF(daus_video_gp_np, 0) END::DECIMAL(12, 2) AS cost_per_video /* Video cost per GP/NP video day (CAD) */
    , CASE WHEN is_completed THEN cost_total / NULLIF(active_contracts, 0) END::DECIMAL(12, 4) AS cost_to_serve_a_member /* Total cost per active contract (CAD per member per month) */
    , CASE WHEN is_completed THEN revenue / NULLIF(active_contracts_paid, 0) END::DECIMAL(12, 4) AS arpu /* Revenue per paid active contract (CAD per member per month) */
    , CASE
        WHEN is_completed
        THEN (
            revenue - cost_total * (
                1 - rebate_percentage
            )
        ) / NULLIF(revenue, 0)
    END::DECIMAL(18, 4) AS gm1 /* Gross margin 1: (revenue - total cost x (1 - rebate)) / revenue, a fraction */
    , CASE WHEN is_completed THEN cost_nc / NULLIF(daus, 0) END::DECIMAL(12, 2) AS cost_per_patient_nc /* Nurse Clinician cost per active patient-day (CAD) */
    , CASE WHEN is_completed THEN cost_cc / NULLIF(daus, 0) END::DECIMAL(12, 2) AS cost_per_patient_cc /* Care Coordinator cost per active patient-day (CAD) */
    , CASE WHEN is_completed THEN cost_np / NULLIF(daus, 0) END::DECIMAL(12, 2) AS cost_per_patient_np /* Nurse Practitioner cost per active patient-day (CAD) */
    , CASE WHEN is_completed THEN cost_gp / NULLIF(daus, 0) END::DECIMAL(12, 2) AS cost_per_patient_gp /* GP cost per active patient-day (CAD) */
FROM joined
