MODEL (
    name analytics.xero_manual_journals_journal_lines_detailed,
    kind FULL,
    cron '0 7 * * *',
    depends_on (
        analytics.xero_manual_journals
        , analytics.xero_manual_journals_journal_lines
        , analytics.xero_accounts
    ),
    owner analytics,
    depends_on (
        analytics.xero_accounts
    ),
    grain (manual_journal_id, account_code),
    tags (transform, xero, finance),
    audits (
        not_null(columns := (manual_journal_id, account_code, line_amount_excl_tax))
        , assert_xero_manual_journal_exists
        , assert_xero_account_code_exists
    ),
    description 'One row per line of a Xero manual journal that is not voided (status VOIDED dropped; the accountant''s payroll, accrual and amortization entries): every column of the journal (xero_manual_journals, selected with the projection macro passthrough_columns), then the line''s columns (xero_manual_journals_journal_lines; lines without a known journal are dropped by the inner join) and line_amount_excl_tax, the line''s profit-and-loss amount: line_amount minus tax_amount when the journal''s line_amount_types is Inclusive, line_amount otherwise, with no sign change (journal lines are already signed: debits, i.e. expenses, positive and credits negative). FULL, rebuilt by the daily 07:00 UTC run: journals change status in place.'
);

WITH journals AS (
    SELECT
        @STAR(analytics.xero_manual_journals)
    FROM analytics.xero_manual_journals
    WHERE
        status <> 'VOIDED'
), lines AS (
    SELECT
        manual_journal_id
        , account_code
        , account_id
        , description
        , is_blank
        , line_amount
        , tax_amount
        , tax_type
    FROM analytics.xero_manual_journals_journal_lines
)
SELECT
    @passthrough_columns(analytics.xero_manual_journals, journals)
    , lines.account_code::TEXT AS account_code /* Code of the ledger account the line books to (xero_accounts) */
    , lines.account_id::TEXT AS account_id /* Id of the ledger account (xero_accounts) */
    , lines.description::TEXT AS description /* Free-text description of the line */
    , lines.is_blank::BOOLEAN AS is_blank /* Whether Xero marks the line blank */
    , lines.line_amount::DECIMAL(18, 2) AS line_amount /* Signed line amount: debit positive, credit negative */
    , lines.tax_amount::DECIMAL(18, 2) AS tax_amount /* Tax of the line */
    , lines.tax_type::TEXT AS tax_type /* Tax type of the line (e.g. NONE) */
    , CASE
        WHEN journals.line_amount_types = 'Inclusive'
        THEN lines.line_amount - lines.tax_amount
        ELSE lines.line_amount
    END::DECIMAL(18, 2) AS line_amount_excl_tax /* Profit-and-loss amount of the line in CAD: excluding tax, as signed in the journal (debits positive, credits negative) */
FROM lines
INNER JOIN journals
    ON lines.manual_journal_id = journals.manual_journal_id
