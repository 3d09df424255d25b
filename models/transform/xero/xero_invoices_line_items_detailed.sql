MODEL (
    name analytics.xero_invoices_line_items_detailed,
    kind FULL,
    cron '0 7 * * *',
    depends_on (analytics.xero_invoices, analytics.xero_invoices_line_items, analytics.xero_accounts),
    owner analytics,
    depends_on (
        analytics.xero_accounts
    ),
    grain line_item_id,
    tags (transform, xero, finance),
    audits (
        unique_values(columns := (
            line_item_id
        ))
        , not_null(columns := (line_item_id, invoice_id, line_amount_excl_tax))
        , assert_xero_invoice_exists
        , assert_xero_account_code_exists
    ),
    description 'One row per line of a Xero invoice that is not voided or deleted (status VOIDED or DELETED dropped; DRAFT, AUTHORISED and PAID kept): every column of the invoice (xero_invoices, selected with the projection macro passthrough_columns), then the line''s columns (xero_invoices_line_items; lines without a known invoice are dropped by the inner join) and line_amount_excl_tax, the line''s profit-and-loss amount: the amount excluding tax (line_amount minus tax_amount when the invoice''s line_amount_types is Inclusive, line_amount otherwise) signed expenses positive and income negative, i.e. +1 for supplier bills (invoice_type ACCPAY) and -1 for sales invoices to clients (ACCREC). FULL, rebuilt by the daily 07:00 UTC run: invoices change status in place.'
);

WITH invoices AS (
    SELECT
        @STAR(analytics.xero_invoices)
    FROM analytics.xero_invoices
    WHERE
        NOT status IN ('VOIDED', 'DELETED')
), lines AS (
    SELECT
        invoice_id
        , line_item_id
        , account_code
        , description
        , quantity
        , unit_amount
        , item_code
        , tax_type
        , line_amount
        , tax_amount
        , discount_rate
    FROM analytics.xero_invoices_line_items
)
SELECT
    @passthrough_columns(analytics.xero_invoices, invoices)
    , lines.line_item_id::TEXT AS line_item_id /* Invoice line id (Xero lineitemid) */
    , lines.account_code::TEXT AS account_code /* Code of the ledger account the line books to (xero_accounts) */
    , lines.description::TEXT AS description /* Free-text description of the line */
    , lines.quantity::DECIMAL(18, 4) AS quantity /* Quantity */
    , lines.unit_amount::DECIMAL(18, 4) AS unit_amount /* Unit amount */
    , lines.item_code::TEXT AS item_code /* Item code */
    , lines.tax_type::TEXT AS tax_type /* Tax type of the line (e.g. INPUT, OUTPUT, NONE) */
    , lines.line_amount::DECIMAL(18, 2) AS line_amount /* Line amount as entered (tax included when the invoice is Inclusive), unsigned */
    , lines.tax_amount::DECIMAL(18, 2) AS tax_amount /* Tax of the line */
    , lines.discount_rate::DECIMAL(18, 4) AS discount_rate /* Discount rate */
    , (
        CASE WHEN invoices.invoice_type = 'ACCREC' THEN -1 ELSE 1 END * CASE
            WHEN invoices.line_amount_types = 'Inclusive'
            THEN lines.line_amount - lines.tax_amount
            ELSE lines.line_amount
        END
    )::DECIMAL(18, 2) AS line_amount_excl_tax /* Profit-and-loss amount of the line in CAD: excluding tax, expenses (bills) positive, income (sales invoices) negative */
FROM lines
INNER JOIN invoices
    ON lines.invoice_id = invoices.invoice_id
