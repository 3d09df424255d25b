MODEL (
    name analytics.tableau_cs_opportunities_launch,
    kind FULL,
    cron '0 7 * * *',
    owner analytics,
    grain opportunity_id,
    tags (tableau, sales, launch_plan),
    audits (
        unique_values(columns := (
            opportunity_id
        ))
        , not_null(columns := (opportunity_id, stage_name, launch_date, owner_id))
        , accepted_values("column" := stage_name, is_in := ('Closed Won', 'Decide'))
    ),
    description 'Customer Success launch plan (Tableau): one row per opportunity (salesforce_opportunities_detailed, every channel) that is won or in the Decide stage and whose launch date (billing start, else implementation date) is after the Monday two weeks before the week of the run (UTC): the clients about to launch and those launched in the last two weeks. Every column of the detailed opportunity, in its order and type, except the person names (owner_name, sdr_name, partner_contact_name): the owner, the SDR and the partner contact are identified by their Salesforce user and contact ids (owner_id, sdr_id, partner_contact_id), which dashboards resolve through Salesforce; product lists are comma-separated text. Differs from the original: the original exposed every column, person names included. FULL, rebuilt by the daily 07:00 UTC run: the window moves with the date. A dashboard contract: names and types are stable.'
);

WITH opportunities AS (
    SELECT
        @salesforce_opportunity_columns()
    FROM analytics.salesforce_opportunities_detailed
), launches AS (
    SELECT
        opportunity_id
    FROM opportunities
    WHERE
        (
            is_won OR stage_name = 'Decide'
        )
        AND @to_utc(launch_date) > DATE_TRUNC('WEEK', @execution_ds::DATE) - INTERVAL '14' DAY
)
SELECT
    @salesforce_opportunity_columns(opportunities, exclude := (owner_name, sdr_name, partner_contact_name))
FROM launches
INNER JOIN opportunities
    ON launches.opportunity_id = opportunities.opportunity_id
