MODEL (
    name analytics.xero_accounts,
    kind FULL,
    cron '0 7 * * *',
    owner analytics,
    grain account_id,
    tags (base, xero, finance),
    audits (
        unique_values(columns := (account_id, account_name))
        , unique_values(columns := (
            account_code
        ), condition := NOT account_code IS NULL)
        , not_null(columns := (account_id, account_name))
    ),
    description 'One row per Xero ledger account (chart of accounts; Singer tap tap-xero, table accounts): code, name (Dialogue prefixes expense account names with the department), type (EXPENSE, REVENUE, BANK, CURRLIAB, ...) and class. Columns keep the tap''s names in snake case; no row is filtered here (status filters live in the transforms). FULL, rebuilt daily: the tap replicates whole tables and documents change status in place.'
);

WITH source AS (
    SELECT
        accountid
        , bankaccountnumber
        , bankaccounttype
        , "class"
        , "code"
        , currencycode
        , "description"
        , enablepaymentstoaccount
        , hasattachments
        , "name"
        , reportingcode
        , reportingcodename
        , showinexpenseclaims
        , "status"
        , systemaccount
        , taxtype
        , "type"
        , updateddateutc
    FROM tap_xero.accounts
)
SELECT
    accountid::TEXT AS account_id /* Account id (tap column accountid) */
    , bankaccountnumber::TEXT AS bank_account_number /* Bank account number (tap column bankaccountnumber) */
    , bankaccounttype::TEXT AS bank_account_type /* Bank account type (tap column bankaccounttype) */
    , "class"::TEXT AS account_class /* Account class (tap column class) */
    , "code"::TEXT AS account_code /* Account code (tap column code) */
    , currencycode::TEXT AS currency_code /* Currency code (tap column currencycode) */
    , "description"::TEXT AS account_description /* Account description (tap column description) */
    , enablepaymentstoaccount::BOOLEAN AS enable_payments_to_account /* Enable payments to account (tap column enablepaymentstoaccount) */
    , hasattachments::BOOLEAN AS has_attachments /* Has attachments (tap column hasattachments) */
    , "name"::TEXT AS account_name /* Account name (tap column name) */
    , reportingcode::TEXT AS reporting_code /* Reporting code (tap column reportingcode) */
    , reportingcodename::TEXT AS reporting_code_name /* Reporting code name (tap column reportingcodename) */
    , showinexpenseclaims::BOOLEAN AS show_in_expense_claims /* Show in expense claims (tap column showinexpenseclaims) */
    , "status"::TEXT AS status /* Status (tap column status) */
    , systemaccount::TEXT AS system_account /* System account (tap column systemaccount) */
    , taxtype::TEXT AS tax_type /* Tax type (tap column taxtype) */
    , "type"::TEXT AS account_type /* Account type (tap column type) */
    , updateddateutc::TIMESTAMPTZ AS updated_date_utc /* Updated date utc (tap column updateddateutc) */
FROM source
