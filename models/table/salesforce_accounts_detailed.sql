MODEL (
    name analytics.salesforce_accounts_detailed,
    kind FULL,
    cron '0 7,18 * * *',
    owner analytics,
    grain account_id,
    tags (table, salesforce, sales, pii),
    audits (unique_values(columns := (
            account_id
        )), not_null(columns := (
            account_id
    ))),
    description 'One row per Salesforce account with its sales context: the SDR and account manager (names and email looked up in the Salesforce users; null when unknown), and over the account''s direct opportunities (salesforce_opportunities_detailed_direct) the largest number_of_employees and amount (MRR), the first meeting (earliest back-filled meeting date) and is_won (true when any is won, false when none is, null when the account has no direct opportunity). FULL: small, rebuilt on every 07:00 and 18:00 UTC run.'
);

WITH accounts AS (
    SELECT
        account_id
        , account_name
        , billing_state_code
        , billing_country_code
        , industry
        , number_of_employees
        , mrr
        , sdr_id
        , am_id
    FROM analytics.salesforce_accounts
), users AS (
    SELECT
        user_id
        , user_name
        , email
    FROM analytics.salesforce_users
), opportunities AS (
    SELECT
        account_id
        , MAX(number_of_employees) AS opps_number_of_employees
        , MAX(amount) AS opps_amount
        , MIN(meeting_date) AS meeting_date
        , BOOL_OR(is_won::BOOLEAN) AS is_won
    FROM analytics.salesforce_opportunities_detailed_direct
    GROUP BY
        account_id
)
SELECT
    accounts.account_id::TEXT AS account_id /* Salesforce account id */
    , accounts.account_name::TEXT AS account_name /* Name of the account */
    , accounts.billing_state_code::TEXT AS province /* Billing province code of the account */
    , accounts.billing_country_code::TEXT AS country /* Billing country code of the account */
    , accounts.industry::TEXT AS industry /* Industry of the account */
    , accounts.number_of_employees::INT AS number_of_employees /* Employees of the account */
    , accounts.mrr::DOUBLE AS mrr /* MRR recorded on the account (CAD) */
    , accounts.sdr_id::TEXT AS sdr_id /* Salesforce user id of the SDR */
    , sdrs.user_name::TEXT AS sdr_name /* [PII] Name of the SDR */
    , accounts.am_id::TEXT AS am_id /* Salesforce user id of the account manager */
    , ams.user_name::TEXT AS am_name /* [PII] Name of the account manager */
    , ams.email::TEXT AS am_email /* [PII] Email of the account manager */
    , opportunities.opps_number_of_employees::INT AS opps_number_of_employees /* Largest number of employees over the account's direct opportunities */
    , opportunities.opps_amount::DOUBLE AS opps_amount /* Largest amount (MRR, CAD) over the account's direct opportunities */
    , opportunities.meeting_date::TIMESTAMPTZ AS meeting_date /* First meeting with the account: earliest back-filled meeting date of its direct opportunities */
    , opportunities.is_won::BOOLEAN AS is_won /* Any direct opportunity of the account is won (null without direct opportunity) */
FROM accounts
LEFT JOIN users AS sdrs
    ON accounts.sdr_id = sdrs.user_id
LEFT JOIN users AS ams
    ON accounts.am_id = ams.user_id
LEFT JOIN opportunities
    ON accounts.account_id = opportunities.account_id
