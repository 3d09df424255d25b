MODEL (
    name analytics.scribe_organizations_active_today,
    kind FULL,
    cron '0 7,18 * * *',
    owner analytics,
    grain organization_id,
    tags (meta, organizations, membership),
    audits (
        unique_values(columns := (
            organization_id
        ))
        , not_null(columns := (organization_id, organization_name, is_paid, email_preference))
        , accepted_values(
            "column" := email_preference,
            is_in := ('english', 'french', 'bilingual-english-french', 'bilingual-french-english')
        )
    ),
    description 'The Scribe organizations active at the run time, one row per organization: those with at least one contract whose coverage contains the run time (during_start <= run time < during_end, UTC; scribe_contracts), with their name, email preference, billing start and whether they pay (scribe_organizations_detailed). "Now" is the run time, so a rerun of the same interval gives the same list. FULL, at the 07:00 and 18:00 UTC runs: it feeds the decision-maker NPS send list nps_dm_list, which the sending Lambda reads after each run. A meta model because it reads a table-layer model (the original kept it with the Scribe transforms).'
);

WITH organizations AS (
    SELECT
        organization_id
        , organization_name
        , email_preference
        , billing_start_date
        , is_paid
    FROM analytics.scribe_organizations_detailed
), contracts AS (
    SELECT
        organization_id
        , during_start
        , during_end
    FROM analytics.scribe_contracts
), active_organizations AS (
    SELECT DISTINCT
        organization_id
    FROM contracts
    WHERE
        during_start <= @execution_tstz::TIMESTAMPTZ AND during_end > @execution_tstz::TIMESTAMPTZ
)
SELECT
    organizations.organization_id::BIGINT AS organization_id /* Scribe organization id */
    , organizations.organization_name::TEXT AS organization_name /* Name of the organization */
    , organizations.email_preference::TEXT AS email_preference /* english, french, bilingual-english-french or bilingual-french-english */
    , organizations.billing_start_date::DATE AS billing_start_date /* First billed day of the organization */
    , organizations.is_paid::BOOLEAN AS is_paid /* The organization pays (price not 0) */
FROM organizations
INNER JOIN active_organizations
    ON organizations.organization_id = active_organizations.organization_id
