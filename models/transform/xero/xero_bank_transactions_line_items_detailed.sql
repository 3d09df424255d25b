MODEL (
    name analytics.xero_bank_transactions_line_items_detailed,
    kind FULL,
    cron '0 7 * * *',
    depends_on (
        analytics.xero_bank_transactions
        , analytics.xero_bank_transactions_line_items
        , analytics.xero_accounts
    ),
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
        , not_null(columns := (line_item_id, bank_transaction_id, line_amount_excl_tax))
        , assert_xero_bank_transaction_exists
        , assert_xero_account_code_exists
    ),
    description 'One row per line of a Xero bank transaction that is not deleted (status DELETED dropped): every column of the bank transaction (xero_bank_transactions, selected with the projection macro passthrough_columns), then the line''s columns (xero_bank_transactions_line_items; lines without a known transaction are dropped by the inner join) and line_amount_excl_tax, the line''s profit-and-loss amount: the amount excluding tax (line_amount minus tax_amount when the transaction''s line_amount_types is Inclusive, line_amount otherwise) signed expenses positive and income negative, i.e. -1 for money received (bank_transaction_type RECEIVE) and +1 for every other type (SPEND and the transfer and overpayment types). FULL, rebuilt by the daily 07:00 UTC run: transactions change status in place.'
);

WITH transactions AS (
    SELECT
        @STAR(analytics.xero_bank_transactions)
    FROM analytics.xero_bank_transactions
    WHERE
        status <> 'DELETED'
), lines AS (
    SELECT
        bank_transaction_id
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
    FROM analytics.xero_bank_transactions_line_items
)
SELECT
    @passthrough_columns(analytics.xero_bank_transactions, transactions)
    , lines.line_item_id::TEXT AS line_item_id /* Bank-transaction line id (Xero lineitemid) */
    , lines.account_code::TEXT AS account_code /* Code of the ledger account the line books to (xero_accounts) */
    , lines.description::TEXT AS description /* Free-text description of the line */
    , lines.quantity::DECIMAL(18, 4) AS quantity /* Quantity */
    , lines.unit_amount::DECIMAL(18, 4) AS unit_amount /* Unit amount */
    , lines.item_code::TEXT AS item_code /* Item code */
    , lines.tax_type::TEXT AS tax_type /* Tax type of the line (e.g. INPUT, NONE) */
    , lines.line_amount::DECIMAL(18, 2) AS line_amount /* Line amount as entered (tax included when the transaction is Inclusive), unsigned */
    , lines.tax_amount::DECIMAL(18, 2) AS tax_amount /* Tax of the line */
    , lines.discount_rate::DECIMAL(18, 4) AS discount_rate /* Discount rate */
    , (
        CASE WHEN transactions.bank_transaction_type = 'RECEIVE' THEN -1 ELSE 1 END * CASE
            WHEN transactions.line_amount_types = 'Inclusive'
            THEN lines.line_amount - lines.tax_amount
            ELSE lines.line_amount
        END
    )::DECIMAL(18, 2) AS line_amount_excl_tax /* Profit-and-loss amount of the line in CAD: excluding tax, money received (RECEIVE) negative, every other type positive */
FROM lines
INNER JOIN transactions
    ON lines.bank_transaction_id = transactions.bank_transaction_id
