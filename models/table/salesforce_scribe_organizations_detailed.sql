MODEL (
    name analytics.salesforce_scribe_organizations_detailed,
    kind FULL,
    cron '0 7,18 * * *',
    owner analytics,
    grain organization_id,
    tags (table, salesforce, membership),
    audits (
        unique_values(columns := (
            organization_id
        ))
        , not_null(columns := (organization_id, account_id, account_name, account_industry))
    ),
    description 'One row per Scribe organization linked to a (non-deleted) Salesforce account through maestro_orgs, with the account name and industry (N/A when missing). When an organization is linked to several accounts, the smallest account id is kept so the bridge stays one-to-one. FULL: small, rebuilt on every 07:00 and 18:00 UTC run.'
);

WITH maestro_orgs AS (
    SELECT
        account_id
        , organization_id
        , maestro_org_name
        , active_provinces
    FROM analytics.salesforce_scribe_organizations
), accounts AS (
    SELECT
        account_id
        , account_name
        , industry
        , am_id
    FROM analytics.salesforce_accounts
), linked AS (
    SELECT
        maestro_orgs.organization_id
        , maestro_orgs.account_id
        , maestro_orgs.maestro_org_name
        , maestro_orgs.active_provinces
        , accounts.account_name
        , accounts.industry
        , accounts.am_id
    FROM maestro_orgs
    INNER JOIN accounts
        ON maestro_orgs.account_id = accounts.account_id
    QUALIFY
        ROW_NUMBER() OVER (PARTITION BY maestro_orgs.organization_id ORDER BY maestro_orgs.account_id) = 1
)
SELECT
    organization_id::BIGINT AS organization_id /* Scribe organization id */
    , account_id::TEXT AS account_id /* Salesforce account id of the client */
    , account_name::TEXT AS account_name /* Name of the Salesforce account */
    , COALESCE(industry, 'N/A')::TEXT AS account_industry /* Industry of the account (N/A when missing) */
    , am_id::TEXT AS am_id /* Salesforce user id of the customer-success account manager */
    , maestro_org_name::TEXT AS maestro_org_name /* Name of the maestro_orgs record */
    , active_provinces::TEXT AS active_provinces /* Provinces where the organization has employees (free text) */
FROM linked
