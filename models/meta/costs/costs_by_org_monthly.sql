MODEL (
    name analytics.costs_by_org_monthly,
    kind FULL,
    cron '0 7 * * *',
    owner analytics,
    grain (organization_name, date_month),
    tags (meta, costs, finance),
    audits (
        unique_combination_of_columns(columns := (organization_name, date_month))
        , not_null(columns := (organization_name, date_month, cc_cost, nc_cost, np_cost, gp_psy_cost, gp_other_cost))
    ),
    description 'Care staff costs per organization and month: the role costs of costs_by_episode_daily (Care Coordinator, Nurse Clinician, Nurse Practitioner, GP on psychology issues, GP on other issues; missing costs as 0) summed over the episodes of the organization (episodes_with_contracts, inner join), by month of the cost''s Montreal local day. As in the original, an episode whose subject held two contracts at its start counts its costs under both (episodes_with_contracts gives one row per contract), the same tolerance as gm_by_account_monthly. Differs from the original: the month is that of the local cost day (the original truncated a UTC day; the rebuild''s costs are per local day). FULL, refreshed by the 07:00 UTC run like its FULL parents; one row per organization and month (a view in the original''s dev target: SQLMesh virtual environments make the distinction unnecessary).'
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
), episodes AS (
    SELECT
        episode_id
        , organization_name
        , account_name
    FROM analytics.episodes_with_contracts
)
SELECT
    episodes.organization_name::TEXT AS organization_name /* Name of the organization of the episode's contract */
    , episodes.account_name::TEXT AS account_name /* Salesforce account name of the organization */
    , costs.date_month::DATE AS date_month /* First day of the month of the Montreal local cost day */
    , SUM(COALESCE(costs.cc_cost, 0))::DOUBLE AS cc_cost /* Care Coordinator cost (CAD) */
    , SUM(COALESCE(costs.nc_cost, 0))::DOUBLE AS nc_cost /* Nurse Clinician cost (CAD) */
    , SUM(COALESCE(costs.np_cost, 0))::DOUBLE AS np_cost /* Nurse Practitioner cost (CAD) */
    , SUM(COALESCE(costs.gp_psy_cost, 0))::DOUBLE AS gp_psy_cost /* GP cost of videos on psychology issue types (CAD) */
    , SUM(COALESCE(costs.gp_other_cost, 0))::DOUBLE AS gp_other_cost /* GP cost of the other videos (CAD) */
FROM costs
INNER JOIN episodes
    ON costs.episode_id = episodes.episode_id
GROUP BY
    episodes.organization_name
    , episodes.account_name
    , costs.date_month
