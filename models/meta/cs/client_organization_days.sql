MODEL (
    name analytics.client_organization_days,
    kind FULL,
    cron '0 7 * * *',
    owner analytics,
    grain (organization_id, date_day),
    tags (meta, cs, client, pii),
    audits (
        unique_combination_of_columns(columns := (date_day, organization_id))
        , not_null(
            columns := (
                date_day
                , organization_id
                , organization_name_id
                , account_manager_email
                , account_name
                , billing_start_date
            )
        )
        , forall(criteria := (
            date_day >= billing_start_date
        ))
        , assert_day_recent(day_column := date_day)
    ),
    description 'Day spine of the client dashboard: one row per organization (every organization of organizations, paying or not, that has a billing start date) and day from its billing start date to the day before the run (execution date), inclusive. organization_name_id is "<organization_id> - <organization name>". account_manager_email is N/A for an organization without account manager (the dashboard requires a value). FULL, rebuilt by the daily 07:00 UTC run.'
);

WITH organizations AS (
    SELECT
        organization_id
        , organization_name_id
        , account_manager_email
        , account_name
        , billing_start_date
    FROM analytics.organizations
    WHERE
        NOT billing_start_date IS NULL
), days AS (
    SELECT
        date_day
    FROM analytics.dimension_days
    WHERE
        date_day < @execution_ds::DATE
)
SELECT
    organizations.organization_id::BIGINT AS organization_id /* Scribe organization id */
    , organizations.organization_name_id::TEXT AS organization_name_id /* "<organization_id> - <organization name>", the dashboard's organization label */
    , COALESCE(organizations.account_manager_email, 'N/A')::TEXT AS account_manager_email /* [PII] Email of the account manager (Dialogue staff); N/A when none */
    , organizations.account_name::TEXT AS account_name /* Salesforce account name (N/A when not linked) */
    , organizations.billing_start_date::DATE AS billing_start_date /* First billed day of the organization */
    , days.date_day::DATE AS date_day /* Day, from the billing start date to the day before the run */
FROM organizations
INNER JOIN days
    ON days.date_day >= organizations.billing_start_date
