MODEL (
    name analytics.xero_expenses,
    kind FULL,
    cron '0 7 * * *',
    owner analytics,
    grain (expense_source, line_id),
    tags (transform, xero, finance),
    audits (
        unique_combination_of_columns(columns := (expense_source, line_id))
        , not_null(columns := (expense_source, line_id, document_id, line_amount_excl_tax, date_month))
        , accepted_values("column" := expense_source, is_in := ('bt_lines', 'invoice_lines', 'mj_lines', 'payments'))
        , assert_xero_account_code_exists
    ),
    description 'One row per Xero ledger line of the four sources that reach the profit and loss: invoice lines (expense_source invoice_lines, supplier bills and sales invoices alike), bank-transaction lines (bt_lines), manual-journal lines (mj_lines) and payments (payments), each from its detailed model (voided and deleted documents already dropped), with the amount excluding tax signed expenses positive and income negative (line_amount_excl_tax), the raw amount, tax and tax type of the line, the document''s day, week and month, and the name and description of its ledger account (xero_accounts, left join on account_code: a line whose code is unknown has no name). Despite the name, income lines and payments are included: these are every profit-and-loss line. A payment books to the bank account it moved on (its account_code), so it falls outside the expense account groups unless a bank account is named like one. tax_type is the line''s or payment''s own (the original selected an unqualified tax_type present on both the line and the account, a column reference Postgres rejects as ambiguous; the line''s is kept). line_id identifies the line within its source (line item id, payment id, or journal id and account code for a journal line, which has no id). FULL, rebuilt by the daily 07:00 UTC run after the detailed models.'
);

WITH ledger_lines AS (
    SELECT
        'invoice_lines' AS expense_source
        , line_item_id AS line_id
        , invoice_id AS document_id
        , account_code
        , line_amount_excl_tax
        , line_amount
        , line_amount_types
        , tax_amount
        , tax_type
        , date_day
        , date_week
        , date_month
    FROM analytics.xero_invoices_line_items_detailed
    UNION ALL
    SELECT
        'bt_lines' AS expense_source
        , line_item_id AS line_id
        , bank_transaction_id AS document_id
        , account_code
        , line_amount_excl_tax
        , line_amount
        , line_amount_types
        , tax_amount
        , tax_type
        , date_day
        , date_week
        , date_month
    FROM analytics.xero_bank_transactions_line_items_detailed
    UNION ALL
    SELECT
        'mj_lines' AS expense_source
        , manual_journal_id || ':' || account_code AS line_id
        , manual_journal_id AS document_id
        , account_code
        , line_amount_excl_tax
        , line_amount
        , line_amount_types
        , tax_amount
        , tax_type
        , date_day
        , date_week
        , date_month
    FROM analytics.xero_manual_journals_journal_lines_detailed
    UNION ALL
    SELECT
        'payments' AS expense_source
        , payment_id AS line_id
        , payment_id AS document_id
        , account_code
        , line_amount_excl_tax
        , line_amount
        , line_amount_types
        , tax_amount
        , tax_type
        , date_day
        , date_week
        , date_month
    FROM analytics.xero_payments_detailed
), accounts AS (
    SELECT
        account_code
        , account_name
        , account_description
    FROM analytics.xero_accounts
)
SELECT
    ledger_lines.expense_source::TEXT AS expense_source /* Source of the line: invoice_lines, bt_lines (bank transactions), mj_lines (manual journals) or payments */
    , ledger_lines.line_id::TEXT AS line_id /* The line within its source: line item id (invoice and bank-transaction lines), payment id, or journal id and account code joined by a colon (journal lines) */
    , ledger_lines.document_id::TEXT AS document_id /* The invoice, bank transaction, manual journal or payment the line belongs to */
    , ledger_lines.account_code::TEXT AS account_code /* Code of the ledger account the line books to (the bank account for a payment) */
    , ledger_lines.line_amount_excl_tax::DECIMAL(18, 2) AS line_amount_excl_tax /* Profit-and-loss amount in CAD: excluding tax, expenses positive, income negative */
    , ledger_lines.line_amount::DECIMAL(18, 2) AS line_amount /* Amount as entered on the line or payment (tax included on Inclusive documents; journal lines signed, others unsigned) */
    , ledger_lines.line_amount_types::TEXT AS line_amount_types /* Exclusive, Inclusive or NoTax (of the document; of the paid invoice for a payment) */
    , ledger_lines.tax_amount::DECIMAL(18, 2) AS tax_amount /* Tax of the line (the paid invoice's total tax for a payment) */
    , ledger_lines.tax_type::TEXT AS tax_type /* Tax type of the line (the bank account's for a payment), not the ledger account's */
    , ledger_lines.date_day::DATE AS date_day /* UTC day of the document date */
    , ledger_lines.date_week::DATE AS date_week /* Monday of the UTC week of the document date */
    , ledger_lines.date_month::DATE AS date_month /* First day of the UTC month of the document date */
    , accounts.account_name::TEXT AS account_name /* Name of the ledger account (null when the code is unknown or missing) */
    , accounts.account_description::TEXT AS account_description /* Description of the ledger account */
FROM ledger_lines
LEFT JOIN accounts
    ON ledger_lines.account_code = accounts.account_code
