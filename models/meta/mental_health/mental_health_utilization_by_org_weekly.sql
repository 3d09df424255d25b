MODEL (
    name analytics.mental_health_utilization_by_org_weekly,
    kind FULL,
    cron '0 7 * * *',
    owner analytics,
    grain (date_week, organization_id),
    tags (meta, mental_health, costs, membership),
    audits (
        unique_combination_of_columns(columns := (date_week, organization_id))
        , not_null(
            columns := (
                date_week
                , organization_name
                , organization_id
                , est_mh_revenue
                , eligible_members_count
                , active_episodes
            )
        )
    ),
    description 'One row per Monday week (dimension_weeks, weeks starting after 2018-10-01, the pilot''s start kept as a constant of the original) and organization with the mental-health feature and members that week: estimated mental-health revenue, cost and gross margin. The mental-health start of an organization is the creation of the mental_health feature (scribe_features) on one of its plans (scribe_plan_features, scribe_plans); a week counts when that start (local) precedes the week''s end. Members: user_contract rows whose local validity overlaps the week [week_start, week_end). eligible_members_count = distinct Employees when the organization''s mental-health add-on price (organizations.charge_price_mental_health, per employee per month) is above 0; est_mh_revenue = that price / 4.33 (monthly to weekly) summed over the Employee contract rows (0 when the price is 0 or null). Costs (costs_by_episode_daily): the days of psy-pilot episodes whose Monday week is the week, assigned to the organization of the episode subject''s contract valid on that local day (the lowest contract id when two are); est_mh_cost = their total cost (CAD, 0 when none), active_episodes = distinct such episodes. est_mh_gm = (est_mh_revenue - est_mh_cost) / est_mh_revenue, null without a cost row or when the revenue is 0. Differs from the original: an organization whose plans carried the mental-health feature twice was joined twice there, doubling its sums; here its earliest feature creation counts once. FULL, rebuilt by the daily 07:00 UTC run.'
);

WITH weeks AS (
    SELECT
        date_week
        , week_start
        , week_end
    FROM analytics.dimension_weeks
    WHERE
        date_week > '2018-10-01'::DATE
), features AS (
    SELECT
        feature_id
    FROM analytics.scribe_features
    WHERE
        feature_name = 'mental_health'
), plan_features AS (
    SELECT
        plan_id
        , feature_id
        , created_at
    FROM analytics.scribe_plan_features
), plans AS (
    SELECT
        plan_id
        , organization_id
    FROM analytics.scribe_plans
), mental_health_starts AS (
    SELECT
        plans.organization_id
        , MIN(@to_est(plan_features.created_at)) AS mental_health_started_at_est
    FROM plan_features
    INNER JOIN features
        ON plan_features.feature_id = features.feature_id
    INNER JOIN plans
        ON plan_features.plan_id = plans.plan_id
    GROUP BY
        plans.organization_id
), organizations AS (
    SELECT
        organization_id
        , organization_name
        , account_id
        , account_name
        , charge_price_mental_health
    FROM analytics.organizations
), contracts AS (
    SELECT
        user_id
        , contract_id
        , organization_id
        , family_member_type
        , during_start_est
        , during_end_est
    FROM analytics.user_contract
), costs AS (
    SELECT
        episode_id
        , user_id
        , date_day_est
        , total_cost
    FROM analytics.costs_by_episode_daily
    WHERE
        issue_type = 'psy-pilot'
), organization_weeks AS (
    SELECT
        weeks.date_week
        , contracts.organization_id
        , COUNT(
            DISTINCT CASE
                WHEN contracts.family_member_type = 'Employee' AND organizations.charge_price_mental_health > 0
                THEN contracts.user_id
            END
        ) AS eligible_members_count
        , SUM(
            CASE
                WHEN contracts.family_member_type = 'Employee'
                THEN COALESCE(organizations.charge_price_mental_health, 0) / 4.33
                ELSE 0
            END
        ) AS est_mh_revenue
    FROM weeks
    INNER JOIN contracts
        ON contracts.during_start_est < weeks.week_end AND weeks.week_start < contracts.during_end_est
    INNER JOIN mental_health_starts
        ON contracts.organization_id = mental_health_starts.organization_id
        AND mental_health_starts.mental_health_started_at_est < weeks.week_end
    INNER JOIN organizations
        ON contracts.organization_id = organizations.organization_id
    GROUP BY
        weeks.date_week
        , contracts.organization_id
), cost_days AS (
    SELECT
        costs.episode_id
        , DATE_TRUNC('WEEK', costs.date_day_est)::DATE AS date_week
        , contracts.organization_id
        , costs.total_cost
    FROM costs
    INNER JOIN contracts
        ON costs.user_id = contracts.user_id
        AND contracts.during_start_est <= costs.date_day_est::TIMESTAMP
        AND costs.date_day_est::TIMESTAMP < contracts.during_end_est
    QUALIFY
        ROW_NUMBER() OVER (PARTITION BY costs.episode_id, costs.date_day_est ORDER BY contracts.contract_id) = 1
), organization_week_costs AS (
    SELECT
        date_week
        , organization_id
        , SUM(total_cost) AS est_mh_cost
        , COUNT(DISTINCT episode_id) AS active_episodes
    FROM cost_days
    GROUP BY
        date_week
        , organization_id
)
SELECT
    organization_weeks.date_week::DATE AS date_week /* Monday starting the week */
    , organizations.organization_name::TEXT AS organization_name /* Name of the organization */
    , organization_weeks.organization_id::BIGINT AS organization_id /* Scribe organization id */
    , organizations.account_name::TEXT AS account_name /* Salesforce account name of the organization */
    , organizations.account_id::TEXT AS account_id /* Salesforce account id of the organization */
    , organization_weeks.est_mh_revenue::DOUBLE AS est_mh_revenue /* Estimated mental-health revenue of the week (CAD): add-on price / 4.33 per Employee contract */
    , COALESCE(organization_week_costs.est_mh_cost, 0)::DOUBLE AS est_mh_cost /* Staff cost of the week's psy-pilot episode days (CAD) */
    , CASE
        WHEN organization_week_costs.organization_id IS NULL OR organization_weeks.est_mh_revenue = 0
        THEN NULL
        ELSE (
            organization_weeks.est_mh_revenue - organization_week_costs.est_mh_cost
        ) / organization_weeks.est_mh_revenue
    END::DOUBLE AS est_mh_gm /* Estimated gross margin (revenue - cost) / revenue; null without cost or revenue */
    , organization_weeks.eligible_members_count::BIGINT AS eligible_members_count /* Distinct Employees covered with a paid mental-health add-on */
    , COALESCE(organization_week_costs.active_episodes, 0)::BIGINT AS active_episodes /* Distinct psy-pilot episodes with a cost day in the week */
FROM organization_weeks
INNER JOIN organizations
    ON organization_weeks.organization_id = organizations.organization_id
LEFT JOIN organization_week_costs
    ON organization_weeks.date_week = organization_week_costs.date_week
    AND organization_weeks.organization_id = organization_week_costs.organization_id
