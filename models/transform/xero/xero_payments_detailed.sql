MODEL (
    name analytics.xero_payments_detailed,
    kind FULL,
    cron '0 7 * * *',
    depends_on (analytics.xero_payments, analytics.xero_accounts),
    owner analytics,
    depends_on (
        analytics.xero_accounts
    ),
    grain payment_id,
    tags (transform, xero, finance),
    audits (
        unique_values(columns := (
            payment_id
        ))
        , not_null(columns := (payment_id, line_amount_excl_tax))
        , assert_xero_account_code_exists
    ),
    description 'One row per Xero payment that is not deleted (status DELETED dropped): every column of xero_payments (selected with the projection macro passthrough_columns), then line_amount_excl_tax = (-1 for a payment of a supplier bill, payment_type ACCPAYPAYMENT, +1 for a client payment, ACCRECPAYMENT) x (the payment amount line_amount minus tax_amount, the paid invoice''s total tax, 0 when unknown). Reproduced from the original on purpose: the whole invoice''s tax is subtracted from each payment, so an invoice paid in two parts has its tax subtracted twice. FULL, rebuilt by the daily 07:00 UTC run: payments change status in place.'
);

WITH payments AS (
    SELECT
        @STAR(analytics.xero_payments)
    FROM analytics.xero_payments
    WHERE
        status <> 'DELETED'
)
SELECT
    @passthrough_columns(analytics.xero_payments, payments)
    , (
        CASE WHEN payments.payment_type = 'ACCPAYPAYMENT' THEN -1 ELSE 1 END * (
            payments.line_amount - COALESCE(payments.tax_amount, 0)
        )
    )::DECIMAL(18, 2) AS line_amount_excl_tax /* Payment amount less the paid invoice's whole tax (0 when unknown), negative for bill payments (ACCPAYPAYMENT), positive for client payments; the whole tax is subtracted from each part of an invoice paid in several parts, as in the original */
FROM payments
