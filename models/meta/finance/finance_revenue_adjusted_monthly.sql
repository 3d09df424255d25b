MODEL (
    name analytics.finance_revenue_adjusted_monthly,
    kind FULL,
    cron '0 7 * * *',
    owner analytics,
    grain (account, "month", organization_id),
    tags (meta, finance),
    audits (
        not_null(columns := (account, "month", date_month, recognized))
    ),
    description 'Legacy fuzzy attribution of an older Xero revenue journal (finance_revenue_adjustment) to Scribe organizations: one row per journal line and organization it matches, or one row with a null organization when it matches none. A line matches an organization when its lower-cased description (account) contains the lower-cased organization name, or when its cleaned label (org_name) equals the organization name; organizations of the rule seed finance_revenue_adjustment_excluded_orgs never match (their names appear in lines about other organizations). A line matching several organizations appears once per organization, so there is no unique key (as in the original). date_month parses the text month (M/D/YYYY 0:00:00); it is computed here because the journal''s seed model cannot add columns. Differs from the original: the excluded organization ids come from that seed instead of being hard-coded in SQL. FULL, rebuilt by the daily 07:00 UTC run; read only by finance_revenue_adjusted_by_account_monthly.'
);

WITH journal AS (
    SELECT
        account
        , "month"
        , recognized
        , mh
        , org_name
    FROM analytics.finance_revenue_adjustment
), excluded AS (
    SELECT
        organization_id
    FROM analytics.finance_revenue_adjustment_excluded_orgs
), organizations AS (
    SELECT
        organization_id
        , organization_name
        , account_name
        , billing_start_date
    FROM analytics.organizations
    WHERE
        NOT organization_id IN (
            SELECT
                organization_id
            FROM excluded
        )
), matched AS (
    SELECT
        journal.account
        , journal."month"
        , journal.recognized
        , journal.mh
        , organizations.organization_name
        , organizations.account_name
        , organizations.organization_id
        , organizations.billing_start_date
        , SPLIT_PART(TRIM(journal."month"), ' ', 1) AS month_day
    FROM journal
    LEFT JOIN organizations
        ON STRPOS(LOWER(journal.account), LOWER(organizations.organization_name)) > 0
        OR journal.org_name = organizations.organization_name
)
SELECT
    "month"::TEXT AS "month" /* Month of the journal line as written, M/D/YYYY 0:00:00 */
    , (
        SPLIT_PART(month_day, '/', 3) || '-' || LPAD(SPLIT_PART(month_day, '/', 1), 2, '0') || '-' || LPAD(SPLIT_PART(month_day, '/', 2), 2, '0')
    )::DATE AS date_month /* The month parsed as a date (first day) */
    , recognized::DOUBLE AS recognized /* Amount recognized on the line (CAD) */
    , mh::DOUBLE AS mh /* Mental-health part of the amount (CAD) */
    , account::TEXT AS account /* Description of the journal line */
    , organization_name::TEXT AS organization_name /* Matched Scribe organization (null when none) */
    , account_name::TEXT AS account_name /* Salesforce account of the matched organization (N/A when not linked, null when no match) */
    , organization_id::BIGINT AS organization_id /* Matched Scribe organization id (null when none) */
    , billing_start_date::DATE AS billing_start_date /* Billing start of the matched organization */
FROM matched
