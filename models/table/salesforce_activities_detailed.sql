MODEL (
    name analytics.salesforce_activities_detailed,
    kind FULL,
    cron '0 7,18 * * *',
    owner analytics,
    grain activity_id,
    tags (table, salesforce, sales, pii),
    audits (
        unique_values(columns := (
            activity_id
        ))
        , not_null(columns := (activity_id, activity_date, owner_id))
    ),
    description 'One row per prospecting activity: a Completed task or event done by a sales rep (owner title Account Executive, Enterprise Account Executive or SDR; owners missing from the users are dropped) before the first meeting with the account: kept when the account has no first meeting (or the activity no known account) or its first meeting is on or after the activity date. The account side comes from salesforce_accounts_detailed (account_id is null when the activity has no matching account); number_of_employees is the account''s, else the largest of its direct opportunities; amount is the account''s MRR, else the largest direct opportunity amount. FULL: small, rebuilt on every 07:00 and 18:00 UTC run.'
);

WITH activities AS (
    SELECT
        activity_id
        , account_id
        , owner_id
        , status
        , activity_date
        , type
        , task_subtype
    FROM analytics.salesforce_activities
    WHERE
        status = 'Completed'
), reps AS (
    SELECT
        user_id
        , user_name
    FROM analytics.salesforce_users
    WHERE
        title IN ('Account Executive', 'Enterprise Account Executive', 'SDR')
), accounts AS (
    SELECT
        account_id
        , account_name
        , meeting_date
        , province
        , country
        , industry
        , is_won
        , number_of_employees
        , opps_number_of_employees
        , mrr
        , opps_amount
    FROM analytics.salesforce_accounts_detailed
)
SELECT
    activities.activity_id::TEXT AS activity_id /* Salesforce task or event id */
    , accounts.account_id::TEXT AS account_id /* Salesforce account of the activity (null when it has no known account) */
    , accounts.account_name::TEXT AS account_name /* Name of the account */
    , accounts.meeting_date::TIMESTAMPTZ AS meeting_date /* First meeting with the account (null when none yet) */
    , accounts.province::TEXT AS province /* Billing province code of the account */
    , accounts.country::TEXT AS country /* Billing country code of the account */
    , accounts.industry::TEXT AS industry /* Industry of the account */
    , activities.owner_id::TEXT AS owner_id /* Salesforce user (sales rep) who did the activity */
    , reps.user_name::TEXT AS owner_name /* [PII] Name of the sales rep */
    , activities.activity_date::TIMESTAMPTZ AS activity_date /* When the activity was done (UTC) */
    , activities.type::TEXT AS type /* Kind of activity: Call, Email, Meeting, Demo, Other */
    , activities.task_subtype::TEXT AS task_subtype /* Task subtype, or Event */
    , accounts.is_won::BOOLEAN AS account_is_won /* Any direct opportunity of the account is won */
    , COALESCE(accounts.number_of_employees, accounts.opps_number_of_employees)::INT AS number_of_employees /* Employees of the account, else the largest of its direct opportunities */
    , COALESCE(accounts.mrr, accounts.opps_amount)::DOUBLE AS amount /* MRR of the account, else the largest direct opportunity amount (CAD) */
FROM activities
INNER JOIN reps
    ON activities.owner_id = reps.user_id
LEFT JOIN accounts
    ON activities.account_id = accounts.account_id
WHERE
    accounts.meeting_date IS NULL OR accounts.meeting_date >= activities.activity_date
