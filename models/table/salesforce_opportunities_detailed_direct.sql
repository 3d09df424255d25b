MODEL (
    name analytics.salesforce_opportunities_detailed_direct,
    kind FULL,
    cron '0 7,18 * * *',
    owner analytics,
    grain opportunity_id,
    tags (table, salesforce, sales, pii),
    audits (unique_values(columns := (
            opportunity_id
        )), not_null(columns := (
            opportunity_id
    ))),
    description 'One row per opportunity worked by the direct sales team: the detailed opportunities minus those owned by a member of the partnership team (seed salesforce_partnership_owners) and minus the self-sign-ups with no sales touch. FULL: small, rebuilt on every 07:00 and 18:00 UTC run. Differs from the original: the partnership owners come from a seed instead of two user ids hard-coded in SQL.'
);

WITH opportunities AS (
    SELECT
        @salesforce_opportunity_columns()
    FROM analytics.salesforce_opportunities_detailed
), partnership_owners AS (
    SELECT
        user_id
    FROM analytics.salesforce_partnership_owners
)
SELECT
    @salesforce_opportunity_columns(opportunities)
FROM opportunities
WHERE
    NOT opportunities.self_signup_no_touch
    AND NOT EXISTS(
        SELECT
            1
        FROM partnership_owners
        WHERE
            partnership_owners.user_id = opportunities.owner_id
    )
