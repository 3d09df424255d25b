MODEL (
    name analytics.xero_manual_journals_journal_lines,
    kind FULL,
    cron '0 7 * * *',
    depends_on (analytics.xero_manual_journals, analytics.xero_accounts),
    owner analytics,
    grain (manual_journal_id, account_code),
    tags (base, xero, finance),
    audits (
        not_null(columns := (manual_journal_id, account_code))
        , assert_xero_manual_journal_exists
        , assert_xero_account_code_exists
    ),
    description 'One row per Xero manual-journal line (Singer tap tap-xero, table manual_journals__journallines): a signed amount (debit positive, credit negative) on a ledger account; manual_journal_id is the taps parent key _sdc_source_key_manualjournalid. The tap gives lines no id. Columns keep the tap''s names in snake case; no row is filtered here (status filters live in the transforms). FULL, rebuilt daily: the tap replicates whole tables and documents change status in place.'
);

WITH source AS (
    SELECT
        _sdc_source_key_manualjournalid
        , accountcode
        , accountid
        , "description"
        , isblank
        , lineamount
        , taxamount
        , taxtype
    FROM tap_xero.manual_journals__journallines
)
SELECT
    _sdc_source_key_manualjournalid::TEXT AS manual_journal_id /* Manual journal id (tap column _sdc_source_key_manualjournalid) */
    , accountcode::TEXT AS account_code /* Account code (tap column accountcode) */
    , accountid::TEXT AS account_id /* Account id (tap column accountid) */
    , "description"::TEXT AS description /* Description (tap column description) */
    , isblank::BOOLEAN AS is_blank /* Is blank (tap column isblank) */
    , lineamount::DECIMAL(18, 2) AS line_amount /* Line amount (tap column lineamount) */
    , taxamount::DECIMAL(18, 2) AS tax_amount /* Tax amount (tap column taxamount) */
    , taxtype::TEXT AS tax_type /* Tax type (tap column taxtype) */
FROM source
