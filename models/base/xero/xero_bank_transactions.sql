MODEL (
    name analytics.xero_bank_transactions,
    kind FULL,
    cron '0 7 * * *',
    owner analytics,
    grain bank_transaction_id,
    tags (base, xero, finance),
    audits (
        unique_values(columns := (
            bank_transaction_id
        ))
        , not_null(columns := (bank_transaction_id, bank_transaction_type, line_amount_types, status))
        , accepted_values(
            "column" := bank_transaction_type,
            is_in := ('RECEIVE', 'SPEND', 'RECEIVE-TRANSFER', 'RECEIVE-OVERPAYMENT', 'SPEND-OVERPAYMENT', 'SPEND-TRANSFER')
        )
        , accepted_values("column" := line_amount_types, is_in := ('NoTax', 'Inclusive', 'Exclusive'))
        , accepted_values("column" := status, is_in := ('DELETED', 'AUTHORISED'))
    ),
    description 'One row per Xero bank transaction (Singer tap tap-xero, table bank_transactions): money spent or received directly on a bank account (card expenses, transfers, over- and prepayments; bank_transaction_type RECEIVE, SPEND, RECEIVE-TRANSFER, SPEND-TRANSFER, RECEIVE-OVERPAYMENT, SPEND-OVERPAYMENT), status AUTHORISED or DELETED; bank_account_* is the bank account and contact_* the counterparty (the taps bankaccount__* and contact__* columns). Columns keep the tap''s names in snake case, plus date_day, date_week (Monday), date_month, date_quarter and date_year, UTC truncations of the document date; no row is filtered here (status filters live in the transforms). FULL, rebuilt daily: the tap replicates whole tables and documents change status in place.'
);

WITH source AS (
    SELECT
        bankaccount__accountid
        , bankaccount__bankaccountnumber
        , bankaccount__bankaccounttype
        , bankaccount__class
        , bankaccount__code
        , bankaccount__currencycode
        , bankaccount__description
        , bankaccount__enablepaymentstoaccount
        , bankaccount__hasattachments
        , bankaccount__name
        , bankaccount__reportingcode
        , bankaccount__reportingcodename
        , bankaccount__showinexpenseclaims
        , bankaccount__status
        , bankaccount__systemaccount
        , bankaccount__taxtype
        , bankaccount__type
        , bankaccount__updateddateutc
        , banktransactionid
        , contact__accountnumber
        , contact__accountspayabletaxtype
        , contact__accountsreceivabletaxtype
        , contact__balances__accountspayable__outstanding
        , contact__balances__accountspayable__overdue
        , contact__balances__accountsreceivable__outstanding
        , contact__balances__accountsreceivable__overdue
        , contact__bankaccountdetails
        , contact__batchpayments__bankaccountname
        , contact__batchpayments__bankaccountnumber
        , contact__batchpayments__code
        , contact__batchpayments__details
        , contact__batchpayments__reference
        , contact__brandingtheme__brandingthemeid
        , contact__brandingtheme__createddateutc
        , contact__brandingtheme__name
        , contact__brandingtheme__sortorder
        , contact__contactid
        , contact__contactnumber
        , contact__contactstatus
        , contact__defaultcurrency
        , contact__discount
        , contact__emailaddress
        , contact__firstname
        , contact__hasattachments
        , contact__hasvalidationerrors
        , contact__iscustomer
        , contact__issupplier
        , contact__lastname
        , contact__name
        , contact__paymentterms__bills__day
        , contact__paymentterms__bills__type
        , contact__paymentterms__sales__day
        , contact__paymentterms__sales__type
        , contact__purchasesdefaultaccountcode
        , contact__salesdefaultaccountcode
        , contact__skypeusername
        , contact__taxnumber
        , contact__trackingcategoryname
        , contact__trackingcategoryoption
        , contact__updateddateutc
        , contact__website
        , contact__xeronetworkkey
        , currencycode
        , currencyrate
        , "date"
        , datestring
        , externallinkprovidername
        , hasattachments
        , isreconciled
        , lineamounttypes
        , overpaymentid
        , prepaymentid
        , "reference"
        , "status"
        , subtotal
        , "total"
        , totaltax
        , "type"
        , updateddateutc
        , "url"
    FROM tap_xero.bank_transactions
)
SELECT
    bankaccount__accountid::TEXT AS bank_account_id /* Bank account id (tap column bankaccount__accountid) */
    , bankaccount__bankaccountnumber::TEXT AS bank_account_bank_account_number /* Bank account bank account number (tap column bankaccount__bankaccountnumber) */
    , bankaccount__bankaccounttype::TEXT AS bank_account_bank_account_type /* Bank account bank account type (tap column bankaccount__bankaccounttype) */
    , bankaccount__class::TEXT AS bank_account_class /* Bank account class (tap column bankaccount__class) */
    , bankaccount__code::TEXT AS bank_account_code /* Bank account code (tap column bankaccount__code) */
    , bankaccount__currencycode::TEXT AS bank_account_currency_code /* Bank account currency code (tap column bankaccount__currencycode) */
    , bankaccount__description::TEXT AS bank_account_description /* Bank account description (tap column bankaccount__description) */
    , bankaccount__enablepaymentstoaccount::BOOLEAN AS bank_account_enable_payments_to_account /* Bank account enable payments to account (tap column bankaccount__enablepaymentstoaccount) */
    , bankaccount__hasattachments::BOOLEAN AS bank_account_has_attachments /* Bank account has attachments (tap column bankaccount__hasattachments) */
    , bankaccount__name::TEXT AS bank_account_name /* Bank account name (tap column bankaccount__name) */
    , bankaccount__reportingcode::TEXT AS bank_account_reporting_code /* Bank account reporting code (tap column bankaccount__reportingcode) */
    , bankaccount__reportingcodename::TEXT AS bank_account_reporting_code_name /* Bank account reporting code name (tap column bankaccount__reportingcodename) */
    , bankaccount__showinexpenseclaims::BOOLEAN AS bank_account_show_in_expense_claims /* Bank account show in expense claims (tap column bankaccount__showinexpenseclaims) */
    , bankaccount__status::TEXT AS bank_account_status /* Bank account status (tap column bankaccount__status) */
    , bankaccount__systemaccount::TEXT AS bank_account_system_account /* Bank account system account (tap column bankaccount__systemaccount) */
    , bankaccount__taxtype::TEXT AS bank_account_tax_type /* Bank account tax type (tap column bankaccount__taxtype) */
    , bankaccount__type::TEXT AS bank_account_type /* Bank account type (tap column bankaccount__type) */
    , bankaccount__updateddateutc::TIMESTAMPTZ AS bank_account_updated_date_utc /* Bank account updated date utc (tap column bankaccount__updateddateutc) */
    , banktransactionid::TEXT AS bank_transaction_id /* Bank transaction id (tap column banktransactionid) */
    , contact__accountnumber::TEXT AS contact_account_number /* Contact account number (tap column contact__accountnumber) */
    , contact__accountspayabletaxtype::TEXT AS contact_accounts_payable_tax_type /* Contact accounts payable tax type (tap column contact__accountspayabletaxtype) */
    , contact__accountsreceivabletaxtype::TEXT AS contact_accounts_receivable_tax_type /* Contact accounts receivable tax type (tap column contact__accountsreceivabletaxtype) */
    , contact__balances__accountspayable__outstanding::DECIMAL(18, 2) AS contact_balances_accounts_payable_outstanding /* Contact balances accounts payable outstanding (tap column contact__balances__accountspayable__outstanding) */
    , contact__balances__accountspayable__overdue::DECIMAL(18, 2) AS contact_balances_accounts_payable_overdue /* Contact balances accounts payable overdue (tap column contact__balances__accountspayable__overdue) */
    , contact__balances__accountsreceivable__outstanding::DECIMAL(18, 2) AS contact_balances_accounts_receivable_outstanding /* Contact balances accounts receivable outstanding (tap column contact__balances__accountsreceivable__outstanding) */
    , contact__balances__accountsreceivable__overdue::DECIMAL(18, 2) AS contact_balances_accounts_receivable_overdue /* Contact balances accounts receivable overdue (tap column contact__balances__accountsreceivable__overdue) */
    , contact__bankaccountdetails::TEXT AS contact_bank_account_details /* Contact bank account details (tap column contact__bankaccountdetails) */
    , contact__batchpayments__bankaccountname::TEXT AS contact_batch_payments_bank_account_name /* Contact batch payments bank account name (tap column contact__batchpayments__bankaccountname) */
    , contact__batchpayments__bankaccountnumber::TEXT AS contact_batch_payments_bank_account_number /* Contact batch payments bank account number (tap column contact__batchpayments__bankaccountnumber) */
    , contact__batchpayments__code::TEXT AS contact_batch_payments_code /* Contact batch payments code (tap column contact__batchpayments__code) */
    , contact__batchpayments__details::TEXT AS contact_batch_payments_details /* Contact batch payments details (tap column contact__batchpayments__details) */
    , contact__batchpayments__reference::TEXT AS contact_batch_payments_reference /* Contact batch payments reference (tap column contact__batchpayments__reference) */
    , contact__brandingtheme__brandingthemeid::TEXT AS contact_branding_theme_branding_theme_id /* Contact branding theme branding theme id (tap column contact__brandingtheme__brandingthemeid) */
    , contact__brandingtheme__createddateutc::TIMESTAMPTZ AS contact_branding_theme_created_date_utc /* Contact branding theme created date utc (tap column contact__brandingtheme__createddateutc) */
    , contact__brandingtheme__name::TEXT AS contact_branding_theme_name /* Contact branding theme name (tap column contact__brandingtheme__name) */
    , contact__brandingtheme__sortorder::BIGINT AS contact_branding_theme_sort_order /* Contact branding theme sort order (tap column contact__brandingtheme__sortorder) */
    , contact__contactid::TEXT AS contact_id /* Contact id (tap column contact__contactid) */
    , contact__contactnumber::TEXT AS contact_number /* Contact number (tap column contact__contactnumber) */
    , contact__contactstatus::TEXT AS contact_status /* Contact status (tap column contact__contactstatus) */
    , contact__defaultcurrency::TEXT AS contact_default_currency /* Contact default currency (tap column contact__defaultcurrency) */
    , contact__discount::DECIMAL(18, 2) AS contact_discount /* Contact discount (tap column contact__discount) */
    , contact__emailaddress::TEXT AS contact_email_address /* Contact email address (tap column contact__emailaddress) */
    , contact__firstname::TEXT AS contact_first_name /* Contact first name (tap column contact__firstname) */
    , contact__hasattachments::BOOLEAN AS contact_has_attachments /* Contact has attachments (tap column contact__hasattachments) */
    , contact__hasvalidationerrors::BOOLEAN AS contact_has_validation_errors /* Contact has validation errors (tap column contact__hasvalidationerrors) */
    , contact__iscustomer::BOOLEAN AS contact_is_customer /* Contact is customer (tap column contact__iscustomer) */
    , contact__issupplier::BOOLEAN AS contact_is_supplier /* Contact is supplier (tap column contact__issupplier) */
    , contact__lastname::TEXT AS contact_last_name /* Contact last name (tap column contact__lastname) */
    , contact__name::TEXT AS contact_name /* Contact name (tap column contact__name) */
    , contact__paymentterms__bills__day::BIGINT AS contact_payment_terms_bills_day /* Contact payment terms bills day (tap column contact__paymentterms__bills__day) */
    , contact__paymentterms__bills__type::TEXT AS contact_payment_terms_bills_type /* Contact payment terms bills type (tap column contact__paymentterms__bills__type) */
    , contact__paymentterms__sales__day::BIGINT AS contact_payment_terms_sales_day /* Contact payment terms sales day (tap column contact__paymentterms__sales__day) */
    , contact__paymentterms__sales__type::TEXT AS contact_payment_terms_sales_type /* Contact payment terms sales type (tap column contact__paymentterms__sales__type) */
    , contact__purchasesdefaultaccountcode::TEXT AS contact_purchases_default_account_code /* Contact purchases default account code (tap column contact__purchasesdefaultaccountcode) */
    , contact__salesdefaultaccountcode::TEXT AS contact_sales_default_account_code /* Contact sales default account code (tap column contact__salesdefaultaccountcode) */
    , contact__skypeusername::TEXT AS contact_skype_username /* Contact skype username (tap column contact__skypeusername) */
    , contact__taxnumber::TEXT AS contact_tax_number /* Contact tax number (tap column contact__taxnumber) */
    , contact__trackingcategoryname::TEXT AS contact_tracking_category_name /* Contact tracking category name (tap column contact__trackingcategoryname) */
    , contact__trackingcategoryoption::TEXT AS contact_tracking_category_option /* Contact tracking category option (tap column contact__trackingcategoryoption) */
    , contact__updateddateutc::TIMESTAMPTZ AS contact_updated_date_utc /* Contact updated date utc (tap column contact__updateddateutc) */
    , contact__website::TEXT AS contact_website /* Contact website (tap column contact__website) */
    , contact__xeronetworkkey::TEXT AS contact_xero_network_key /* Contact xero network key (tap column contact__xeronetworkkey) */
    , currencycode::TEXT AS currency_code /* Currency code (tap column currencycode) */
    , currencyrate::DECIMAL(18, 4) AS currency_rate /* Currency rate (tap column currencyrate) */
    , "date"::TIMESTAMPTZ AS date /* Date (tap column date) */
    , datestring::TEXT AS date_string /* Date string (tap column datestring) */
    , externallinkprovidername::TEXT AS external_link_provider_name /* External link provider name (tap column externallinkprovidername) */
    , hasattachments::BOOLEAN AS has_attachments /* Has attachments (tap column hasattachments) */
    , isreconciled::BOOLEAN AS is_reconciled /* Is reconciled (tap column isreconciled) */
    , lineamounttypes::TEXT AS line_amount_types /* Line amount types (tap column lineamounttypes) */
    , overpaymentid::TEXT AS overpayment_id /* Overpayment id (tap column overpaymentid) */
    , prepaymentid::TEXT AS prepayment_id /* Prepayment id (tap column prepaymentid) */
    , "reference"::TEXT AS reference /* Reference (tap column reference) */
    , "status"::TEXT AS status /* Status (tap column status) */
    , subtotal::DECIMAL(18, 2) AS subtotal /* Subtotal (tap column subtotal) */
    , "total"::DECIMAL(18, 2) AS total /* Total (tap column total) */
    , totaltax::DECIMAL(18, 2) AS total_tax /* Total tax (tap column totaltax) */
    , "type"::TEXT AS bank_transaction_type /* Bank transaction type (tap column type) */
    , updateddateutc::TIMESTAMPTZ AS updated_date_utc /* Updated date utc (tap column updateddateutc) */
    , "url"::TEXT AS url /* Url (tap column url) */
    , DATE_TRUNC('DAY', @to_utc("date"))::DATE AS date_day /* UTC day of the document date */
    , DATE_TRUNC('WEEK', @to_utc("date"))::DATE AS date_week /* Monday of the UTC week of the document date */
    , DATE_TRUNC('MONTH', @to_utc("date"))::DATE AS date_month /* First day of the UTC month of the document date */
    , DATE_TRUNC('QUARTER', @to_utc("date"))::DATE AS date_quarter /* First day of the UTC quarter of the document date */
    , DATE_TRUNC('YEAR', @to_utc("date"))::DATE AS date_year /* First day of the UTC year of the document date */
FROM source
