MODEL (
    name analytics.salesforce_accounts,
    kind FULL,
    cron '0 7,18 * * *',
    owner analytics,
    grain account_id,
    tags (base, salesforce, membership),
    audits (unique_values(columns := (
            account_id
    )), not_null(columns := (account_id, account_name))),
    description 'One row per Salesforce account (a client company; Segment cloud source salesforce, table accounts). Soft-deleted accounts are dropped; commission rates are converted from percent to a fraction. FULL: small cloud-source replica, rebuilt on every 07:00 and 18:00 UTC run. Differs from the original: only the columns the membership and finance models use are exposed (the ~90 pass-through custom fields are left in the raw table).'
);

WITH accounts AS (
    SELECT
        id
        , name
        , industry
        , number_of_employees
        , number_of_employees_c
        , billing_state_code
        , billing_country_code
        , account_source
        , mrr_c
        , sdr_c
        , cs_account_manager_c
        , commission_rate_year_1_c
        , commission_rate_year_2_c
        , client_start_date_c
        , client_churn_date_c
        , churn_reason_c
        , "type"
        , owner_id
        , created_date
    FROM salesforce.accounts
    WHERE
        NOT COALESCE(is_deleted, FALSE) AND NOT id IS NULL
)
SELECT
    id::TEXT AS account_id /* Salesforce account id */
    , name::TEXT AS account_name /* Name of the client company */
    , industry::TEXT AS industry /* Industry of the client */
    , COALESCE(number_of_employees_c, number_of_employees)::INT AS number_of_employees /* Employees of the client (custom field, else standard field) */
    , billing_state_code::TEXT AS billing_state_code /* Two-letter province or state code of the billing address */
    , billing_country_code::TEXT AS billing_country_code /* Two-letter country code of the billing address */
    , account_source::TEXT AS account_source /* How the account was sourced */
    , mrr_c::DOUBLE AS mrr /* Monthly recurring revenue recorded in Salesforce, CAD */
    , sdr_c::TEXT AS sdr_id /* Salesforce user id of the sales development representative */
    , cs_account_manager_c::TEXT AS am_id /* Salesforce user id of the customer-success account manager */
    , (
        commission_rate_year_1_c / 100.0
    )::DOUBLE AS commission_rate_year_1 /* Partner commission rate in year 1, fraction */
    , (
        commission_rate_year_2_c / 100.0
    )::DOUBLE AS commission_rate_year_2 /* Partner commission rate in year 2, fraction */
    , client_start_date_c::TIMESTAMPTZ AS client_start_date /* When the account became a client (UTC) */
    , client_churn_date_c::TIMESTAMPTZ AS client_churn_date /* When the client churned (UTC), if it did */
    , churn_reason_c::TEXT AS churn_reason /* Why the client churned */
    , "type"::TEXT AS account_type /* Account type (client, prospect, partner, ...) */
    , owner_id::TEXT AS owner_id /* Salesforce user id of the account owner */
    , created_date::TIMESTAMPTZ AS created_date /* When the account was created in Salesforce (UTC) */
FROM accounts
