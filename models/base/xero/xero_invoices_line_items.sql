MODEL (
    name analytics.xero_invoices_line_items,
    kind FULL,
    cron '0 7 * * *',
    depends_on (analytics.xero_invoices, analytics.xero_accounts),
    owner analytics,
    grain line_item_id,
    tags (base, xero, finance),
    audits (
        unique_values(columns := (
            line_item_id
        ))
        , not_null(columns := (line_item_id, invoice_id))
        , assert_xero_invoice_exists
        , assert_xero_account_code_exists
    ),
    description 'One row per Xero invoice line (Singer tap tap-xero, table invoices__lineitems): the ledger account it books to (account_code), its amount and tax; invoice_id is the taps parent key _sdc_source_key_invoiceid. Columns keep the tap''s names in snake case; no row is filtered here (status filters live in the transforms). FULL, rebuilt daily: the tap replicates whole tables and documents change status in place.'
);

WITH source AS (
    SELECT
        _sdc_source_key_invoiceid
        , accountcode
        , "description"
        , discountrate
        , itemcode
        , lineamount
        , lineitemid
        , quantity
        , taxamount
        , taxtype
        , unitamount
    FROM tap_xero.invoices__lineitems
)
SELECT
    _sdc_source_key_invoiceid::TEXT AS invoice_id /* Invoice id (tap column _sdc_source_key_invoiceid) */
    , accountcode::TEXT AS account_code /* Account code (tap column accountcode) */
    , "description"::TEXT AS description /* Description (tap column description) */
    , discountrate::DECIMAL(18, 4) AS discount_rate /* Discount rate (tap column discountrate) */
    , itemcode::TEXT AS item_code /* Item code (tap column itemcode) */
    , lineamount::DECIMAL(18, 2) AS line_amount /* Line amount (tap column lineamount) */
    , lineitemid::TEXT AS line_item_id /* Line item id (tap column lineitemid) */
    , quantity::DECIMAL(18, 4) AS quantity /* Quantity (tap column quantity) */
    , taxamount::DECIMAL(18, 2) AS tax_amount /* Tax amount (tap column taxamount) */
    , taxtype::TEXT AS tax_type /* Tax type (tap column taxtype) */
    , unitamount::DECIMAL(18, 4) AS unit_amount /* Unit amount (tap column unitamount) */
FROM source
