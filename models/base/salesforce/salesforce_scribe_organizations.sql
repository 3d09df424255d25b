MODEL (
    name analytics.salesforce_scribe_organizations,
    kind FULL,
    cron '0 7,18 * * *',
    owner analytics,
    grain (account_id, organization_id),
    tags (base, salesforce, membership),
    audits (
        unique_combination_of_columns(columns := (account_id, organization_id))
        , not_null(columns := (account_id, organization_id))
    ),
    description 'One row per link between a Salesforce account and a Scribe organization (Salesforce maestro_orgs records; custom object, Segment cloud source salesforce): the bridge from a Scribe organization to its Salesforce account. Soft-deleted records are dropped and duplicate links kept once. FULL: small cloud-source replica, rebuilt on every 07:00 and 18:00 UTC run.'
);

WITH maestro_orgs AS (
    SELECT
        sf_account_c
        , maestro_org_number_c
        , name
        , active_provinces_c
    FROM salesforce.maestro_orgs
    WHERE
        NOT COALESCE(is_deleted, FALSE) AND NOT sf_account_c IS NULL AND NOT maestro_org_number_c IS NULL
), distinct_links AS (
    SELECT DISTINCT
        sf_account_c
        , maestro_org_number_c
        , name
        , active_provinces_c
    FROM maestro_orgs
    QUALIFY
        ROW_NUMBER() OVER (PARTITION BY sf_account_c, maestro_org_number_c ORDER BY name, active_provinces_c) = 1
)
SELECT
    sf_account_c::TEXT AS account_id /* Salesforce account id */
    , maestro_org_number_c::BIGINT AS organization_id /* Scribe organization id (stored as a float in Salesforce) */
    , name::TEXT AS maestro_org_name /* Name of the maestro_orgs record */
    , active_provinces_c::TEXT AS active_provinces /* Provinces where the organization has employees (free text) */
FROM distinct_links
