MODEL (
    name analytics.xero_payments,
    kind FULL,
    cron '0 7 * * *',
    depends_on (
        analytics.xero_accounts
    ),
    owner analytics,
    grain payment_id,
    tags (base, xero, finance),
    audits (
        unique_values(columns := (
            payment_id
        ))
        , not_null(columns := (payment_id, payment_type, status))
        , accepted_values("column" := payment_type, is_in := ('ACCPAYPAYMENT', 'ACCRECPAYMENT'))
        , accepted_values("column" := status, is_in := ('AUTHORISED', 'DELETED'))
        , assert_xero_account_code_exists
    ),
    description 'One row per Xero payment applied to an invoice (Singer tap tap-xero, table payments): payment_type ACCPAYPAYMENT (paying a supplier bill) or ACCRECPAYMENT (a client paying), status AUTHORISED or DELETED, on a bank account (account_*) for an invoice (invoice_*, the taps flattened invoice__* columns). line_amount is the payment amount, tax_amount the paid invoices total tax, line_amount_types the invoices, account_code the bank account code (an empty code becomes null) and tax_type the bank accounts tax type. Columns keep the tap''s names in snake case, plus date_day, date_week (Monday), date_month, date_quarter and date_year, UTC truncations of the document date; no row is filtered here (status filters live in the transforms). FULL, rebuilt daily: the tap replicates whole tables and documents change status in place.'
);

WITH source AS (
    SELECT
        account__accountid
        , account__bankaccountnumber
        , account__bankaccounttype
        , account__class
        , account__code
        , account__currencycode
        , account__description
        , account__enablepaymentstoaccount
        , account__hasattachments
        , account__reportingcode
        , account__reportingcodename
        , account__showinexpenseclaims
        , account__status
        , account__systemaccount
        , account__taxtype
        , account__type
        , account__updateddateutc
        , "amount"
        , bankamount
        , batchpaymentid
        , creditnote__creditnotenumber
        , currencyrate
        , "date"
        , hasaccount
        , hasvalidationerrors
        , invoice__amountcredited
        , invoice__amountdue
        , invoice__amountpaid
        , invoice__brandingthemeid
        , invoice__contact__accountnumber
        , invoice__contact__accountspayabletaxtype
        , invoice__contact__accountsreceivabletaxtype
        , invoice__contact__balances__accountspayable__outstanding
        , invoice__contact__balances__accountspayable__overdue
        , invoice__contact__balances__accountsreceivable__outstanding
        , invoice__contact__balances__accountsreceivable__overdue
        , invoice__contact__bankaccountdetails
        , invoice__contact__batchpayments__bankaccountname
        , invoice__contact__batchpayments__bankaccountnumber
        , invoice__contact__batchpayments__code
        , invoice__contact__batchpayments__details
        , invoice__contact__batchpayments__reference
        , invoice__contact__brandingtheme__brandingthemeid
        , invoice__contact__brandingtheme__createddateutc
        , invoice__contact__brandingtheme__name
        , invoice__contact__brandingtheme__sortorder
        , invoice__contact__contactid
        , invoice__contact__contactnumber
        , invoice__contact__contactstatus
        , invoice__contact__defaultcurrency
        , invoice__contact__discount
        , invoice__contact__emailaddress
        , invoice__contact__firstname
        , invoice__contact__hasattachments
        , invoice__contact__hasvalidationerrors
        , invoice__contact__iscustomer
        , invoice__contact__issupplier
        , invoice__contact__lastname
        , invoice__contact__name
        , invoice__contact__paymentterms__bills__day
        , invoice__contact__paymentterms__bills__type
        , invoice__contact__paymentterms__sales__day
        , invoice__contact__paymentterms__sales__type
        , invoice__contact__purchasesdefaultaccountcode
        , invoice__contact__salesdefaultaccountcode
        , invoice__contact__skypeusername
        , invoice__contact__taxnumber
        , invoice__contact__trackingcategoryname
        , invoice__contact__trackingcategoryoption
        , invoice__contact__updateddateutc
        , invoice__contact__website
        , invoice__contact__xeronetworkkey
        , invoice__currencycode
        , invoice__currencyrate
        , invoice__date
        , invoice__datestring
        , invoice__duedate
        , invoice__duedatestring
        , invoice__expectedpaymentdate
        , invoice__fullypaidondate
        , invoice__hasattachments
        , invoice__haserrors
        , invoice__invoiceid
        , invoice__invoicenumber
        , invoice__isdiscounted
        , invoice__lineamounttypes
        , invoice__plannedpaymentdate
        , invoice__reference
        , invoice__senttocontact
        , invoice__status
        , invoice__subtotal
        , invoice__total
        , invoice__totaldiscount
        , invoice__totaltax
        , invoice__type
        , invoice__updateddateutc
        , invoice__url
        , isreconciled
        , paymentid
        , paymenttype
        , "reference"
        , "status"
        , updateddateutc
    FROM tap_xero.payments
)
SELECT
    account__accountid::TEXT AS account_id /* Account id (tap column account__accountid) */
    , account__bankaccountnumber::TEXT AS account_bank_account_number /* Account bank account number (tap column account__bankaccountnumber) */
    , account__bankaccounttype::TEXT AS account_bank_account_type /* Account bank account type (tap column account__bankaccounttype) */
    , account__class::TEXT AS account_class /* Account class (tap column account__class) */
    , NULLIF(account__code, '')::TEXT AS account_code /* Account code (tap column account__code) */
    , account__currencycode::TEXT AS account_currency_code /* Account currency code (tap column account__currencycode) */
    , account__description::TEXT AS account_description /* Account description (tap column account__description) */
    , account__enablepaymentstoaccount::BOOLEAN AS account_enable_payments_to_account /* Account enable payments to account (tap column account__enablepaymentstoaccount) */
    , account__hasattachments::BOOLEAN AS account_has_attachments /* Account has attachments (tap column account__hasattachments) */
    , account__reportingcode::TEXT AS account_reporting_code /* Account reporting code (tap column account__reportingcode) */
    , account__reportingcodename::TEXT AS account_reporting_code_name /* Account reporting code name (tap column account__reportingcodename) */
    , account__showinexpenseclaims::BOOLEAN AS account_show_in_expense_claims /* Account show in expense claims (tap column account__showinexpenseclaims) */
    , account__status::TEXT AS account_status /* Account status (tap column account__status) */
    , account__systemaccount::TEXT AS account_system_account /* Account system account (tap column account__systemaccount) */
    , account__taxtype::TEXT AS tax_type /* Tax type (tap column account__taxtype) */
    , account__type::TEXT AS account_type /* Account type (tap column account__type) */
    , account__updateddateutc::TIMESTAMPTZ AS account_updated_date_utc /* Account updated date utc (tap column account__updateddateutc) */
    , "amount"::DECIMAL(18, 2) AS line_amount /* Line amount (tap column amount) */
    , bankamount::DECIMAL(18, 2) AS bank_amount /* Bank amount (tap column bankamount) */
    , batchpaymentid::TEXT AS batch_payment_id /* Batch payment id (tap column batchpaymentid) */
    , creditnote__creditnotenumber::TEXT AS credit_note_credit_note_number /* Credit note credit note number (tap column creditnote__creditnotenumber) */
    , currencyrate::DECIMAL(18, 4) AS currency_rate /* Currency rate (tap column currencyrate) */
    , "date"::TIMESTAMPTZ AS date /* Date (tap column date) */
    , hasaccount::BOOLEAN AS has_account /* Has account (tap column hasaccount) */
    , hasvalidationerrors::BOOLEAN AS has_validation_errors /* Has validation errors (tap column hasvalidationerrors) */
    , invoice__amountcredited::DECIMAL(18, 2) AS invoice_amount_credited /* Invoice amount credited (tap column invoice__amountcredited) */
    , invoice__amountdue::DECIMAL(18, 2) AS invoice_amount_due /* Invoice amount due (tap column invoice__amountdue) */
    , invoice__amountpaid::DECIMAL(18, 2) AS invoice_amount_paid /* Invoice amount paid (tap column invoice__amountpaid) */
    , invoice__brandingthemeid::TEXT AS invoice_branding_theme_id /* Invoice branding theme id (tap column invoice__brandingthemeid) */
    , invoice__contact__accountnumber::TEXT AS invoice_contact_account_number /* Invoice contact account number (tap column invoice__contact__accountnumber) */
    , invoice__contact__accountspayabletaxtype::TEXT AS invoice_contact_accounts_payable_tax_type /* Invoice contact accounts payable tax type (tap column invoice__contact__accountspayabletaxtype) */
    , invoice__contact__accountsreceivabletaxtype::TEXT AS invoice_contact_accounts_receivable_tax_type /* Invoice contact accounts receivable tax type (tap column invoice__contact__accountsreceivabletaxtype) */
    , invoice__contact__balances__accountspayable__outstanding::DECIMAL(18, 2) AS invoice_contact_balances_accounts_payable_outstanding /* Invoice contact balances accounts payable outstanding (tap column invoice__contact__balances__accountspayable__outstanding) */
    , invoice__contact__balances__accountspayable__overdue::DECIMAL(18, 2) AS invoice_contact_balances_accounts_payable_overdue /* Invoice contact balances accounts payable overdue (tap column invoice__contact__balances__accountspayable__overdue) */
    , invoice__contact__balances__accountsreceivable__outstanding::DECIMAL(18, 2) AS invoice_contact_balances_accounts_receivable_outstanding /* Invoice contact balances accounts receivable outstanding (tap column invoice__contact__balances__accountsreceivable__outstanding) */
    , invoice__contact__balances__accountsreceivable__overdue::DECIMAL(18, 2) AS invoice_contact_balances_accounts_receivable_overdue /* Invoice contact balances accounts receivable overdue (tap column invoice__contact__balances__accountsreceivable__overdue) */
    , invoice__contact__bankaccountdetails::TEXT AS invoice_contact_bank_account_details /* Invoice contact bank account details (tap column invoice__contact__bankaccountdetails) */
    , invoice__contact__batchpayments__bankaccountname::TEXT AS invoice_contact_batch_payments_bank_account_name /* Invoice contact batch payments bank account name (tap column invoice__contact__batchpayments__bankaccountname) */
    , invoice__contact__batchpayments__bankaccountnumber::TEXT AS invoice_contact_batch_payments_bank_account_number /* Invoice contact batch payments bank account number (tap column invoice__contact__batchpayments__bankaccountnumber) */
    , invoice__contact__batchpayments__code::TEXT AS invoice_contact_batch_payments_code /* Invoice contact batch payments code (tap column invoice__contact__batchpayments__code) */
    , invoice__contact__batchpayments__details::TEXT AS invoice_contact_batch_payments_details /* Invoice contact batch payments details (tap column invoice__contact__batchpayments__details) */
    , invoice__contact__batchpayments__reference::TEXT AS invoice_contact_batch_payments_reference /* Invoice contact batch payments reference (tap column invoice__contact__batchpayments__reference) */
    , invoice__contact__brandingtheme__brandingthemeid::TEXT AS invoice_contact_branding_theme_branding_theme_id /* Invoice contact branding theme branding theme id (tap column invoice__contact__brandingtheme__brandingthemeid) */
    , invoice__contact__brandingtheme__createddateutc::TIMESTAMPTZ AS invoice_contact_branding_theme_created_date_utc /* Invoice contact branding theme created date utc (tap column invoice__contact__brandingtheme__createddateutc) */
    , invoice__contact__brandingtheme__name::TEXT AS invoice_contact_branding_theme_name /* Invoice contact branding theme name (tap column invoice__contact__brandingtheme__name) */
    , invoice__contact__brandingtheme__sortorder::BIGINT AS invoice_contact_branding_theme_sort_order /* Invoice contact branding theme sort order (tap column invoice__contact__brandingtheme__sortorder) */
    , invoice__contact__contactid::TEXT AS invoice_contact_id /* Invoice contact id (tap column invoice__contact__contactid) */
    , invoice__contact__contactnumber::TEXT AS invoice_contact_number /* Invoice contact number (tap column invoice__contact__contactnumber) */
    , invoice__contact__contactstatus::TEXT AS invoice_contact_status /* Invoice contact status (tap column invoice__contact__contactstatus) */
    , invoice__contact__defaultcurrency::TEXT AS invoice_contact_default_currency /* Invoice contact default currency (tap column invoice__contact__defaultcurrency) */
    , invoice__contact__discount::DECIMAL(18, 2) AS invoice_contact_discount /* Invoice contact discount (tap column invoice__contact__discount) */
    , invoice__contact__emailaddress::TEXT AS invoice_contact_email_address /* Invoice contact email address (tap column invoice__contact__emailaddress) */
    , invoice__contact__firstname::TEXT AS invoice_contact_first_name /* Invoice contact first name (tap column invoice__contact__firstname) */
    , invoice__contact__hasattachments::BOOLEAN AS invoice_contact_has_attachments /* Invoice contact has attachments (tap column invoice__contact__hasattachments) */
    , invoice__contact__hasvalidationerrors::BOOLEAN AS invoice_contact_has_validation_errors /* Invoice contact has validation errors (tap column invoice__contact__hasvalidationerrors) */
    , invoice__contact__iscustomer::BOOLEAN AS invoice_contact_is_customer /* Invoice contact is customer (tap column invoice__contact__iscustomer) */
    , invoice__contact__issupplier::BOOLEAN AS invoice_contact_is_supplier /* Invoice contact is supplier (tap column invoice__contact__issupplier) */
    , invoice__contact__lastname::TEXT AS invoice_contact_last_name /* Invoice contact last name (tap column invoice__contact__lastname) */
    , invoice__contact__name::TEXT AS invoice_contact_name /* Invoice contact name (tap column invoice__contact__name) */
    , invoice__contact__paymentterms__bills__day::BIGINT AS invoice_contact_payment_terms_bills_day /* Invoice contact payment terms bills day (tap column invoice__contact__paymentterms__bills__day) */
    , invoice__contact__paymentterms__bills__type::TEXT AS invoice_contact_payment_terms_bills_type /* Invoice contact payment terms bills type (tap column invoice__contact__paymentterms__bills__type) */
    , invoice__contact__paymentterms__sales__day::BIGINT AS invoice_contact_payment_terms_sales_day /* Invoice contact payment terms sales day (tap column invoice__contact__paymentterms__sales__day) */
    , invoice__contact__paymentterms__sales__type::TEXT AS invoice_contact_payment_terms_sales_type /* Invoice contact payment terms sales type (tap column invoice__contact__paymentterms__sales__type) */
    , invoice__contact__purchasesdefaultaccountcode::TEXT AS invoice_contact_purchases_default_account_code /* Invoice contact purchases default account code (tap column invoice__contact__purchasesdefaultaccountcode) */
    , invoice__contact__salesdefaultaccountcode::TEXT AS invoice_contact_sales_default_account_code /* Invoice contact sales default account code (tap column invoice__contact__salesdefaultaccountcode) */
    , invoice__contact__skypeusername::TEXT AS invoice_contact_skype_username /* Invoice contact skype username (tap column invoice__contact__skypeusername) */
    , invoice__contact__taxnumber::TEXT AS invoice_contact_tax_number /* Invoice contact tax number (tap column invoice__contact__taxnumber) */
    , invoice__contact__trackingcategoryname::TEXT AS invoice_contact_tracking_category_name /* Invoice contact tracking category name (tap column invoice__contact__trackingcategoryname) */
    , invoice__contact__trackingcategoryoption::TEXT AS invoice_contact_tracking_category_option /* Invoice contact tracking category option (tap column invoice__contact__trackingcategoryoption) */
    , invoice__contact__updateddateutc::TIMESTAMPTZ AS invoice_contact_updated_date_utc /* Invoice contact updated date utc (tap column invoice__contact__updateddateutc) */
    , invoice__contact__website::TEXT AS invoice_contact_website /* Invoice contact website (tap column invoice__contact__website) */
    , invoice__contact__xeronetworkkey::TEXT AS invoice_contact_xero_network_key /* Invoice contact xero network key (tap column invoice__contact__xeronetworkkey) */
    , invoice__currencycode::TEXT AS invoice_currency_code /* Invoice currency code (tap column invoice__currencycode) */
    , invoice__currencyrate::DECIMAL(18, 4) AS invoice_currency_rate /* Invoice currency rate (tap column invoice__currencyrate) */
    , invoice__date::TIMESTAMPTZ AS invoice_date /* Invoice date (tap column invoice__date) */
    , invoice__datestring::TEXT AS invoice_date_string /* Invoice date string (tap column invoice__datestring) */
    , invoice__duedate::TIMESTAMPTZ AS invoice_due_date /* Invoice due date (tap column invoice__duedate) */
    , invoice__duedatestring::TEXT AS invoice_due_date_string /* Invoice due date string (tap column invoice__duedatestring) */
    , invoice__expectedpaymentdate::TIMESTAMPTZ AS invoice_expected_payment_date /* Invoice expected payment date (tap column invoice__expectedpaymentdate) */
    , invoice__fullypaidondate::TIMESTAMPTZ AS invoice_fully_paid_on_date /* Invoice fully paid on date (tap column invoice__fullypaidondate) */
    , invoice__hasattachments::BOOLEAN AS invoice_has_attachments /* Invoice has attachments (tap column invoice__hasattachments) */
    , invoice__haserrors::BOOLEAN AS invoice_has_errors /* Invoice has errors (tap column invoice__haserrors) */
    , invoice__invoiceid::TEXT AS invoice_id /* Invoice id (tap column invoice__invoiceid) */
    , invoice__invoicenumber::TEXT AS invoice_number /* Invoice number (tap column invoice__invoicenumber) */
    , invoice__isdiscounted::BOOLEAN AS invoice_is_discounted /* Invoice is discounted (tap column invoice__isdiscounted) */
    , invoice__lineamounttypes::TEXT AS line_amount_types /* Line amount types (tap column invoice__lineamounttypes) */
    , invoice__plannedpaymentdate::TIMESTAMPTZ AS invoice_planned_payment_date /* Invoice planned payment date (tap column invoice__plannedpaymentdate) */
    , invoice__reference::TEXT AS invoice_reference /* Invoice reference (tap column invoice__reference) */
    , invoice__senttocontact::BOOLEAN AS invoice_sent_to_contact /* Invoice sent to contact (tap column invoice__senttocontact) */
    , invoice__status::TEXT AS invoice_status /* Invoice status (tap column invoice__status) */
    , invoice__subtotal::DECIMAL(18, 2) AS invoice_subtotal /* Invoice subtotal (tap column invoice__subtotal) */
    , invoice__total::DECIMAL(18, 2) AS invoice_total /* Invoice total (tap column invoice__total) */
    , invoice__totaldiscount::DECIMAL(18, 2) AS invoice_total_discount /* Invoice total discount (tap column invoice__totaldiscount) */
    , invoice__totaltax::DECIMAL(18, 2) AS tax_amount /* Tax amount (tap column invoice__totaltax) */
    , invoice__type::TEXT AS invoice_type /* Invoice type (tap column invoice__type) */
    , invoice__updateddateutc::TIMESTAMPTZ AS invoice_updated_date_utc /* Invoice updated date utc (tap column invoice__updateddateutc) */
    , invoice__url::TEXT AS invoice_url /* Invoice url (tap column invoice__url) */
    , isreconciled::BOOLEAN AS is_reconciled /* Is reconciled (tap column isreconciled) */
    , paymentid::TEXT AS payment_id /* Payment id (tap column paymentid) */
    , paymenttype::TEXT AS payment_type /* Payment type (tap column paymenttype) */
    , "reference"::TEXT AS reference /* Reference (tap column reference) */
    , "status"::TEXT AS status /* Status (tap column status) */
    , updateddateutc::TIMESTAMPTZ AS updated_date_utc /* Updated date utc (tap column updateddateutc) */
    , DATE_TRUNC('DAY', @to_utc("date"))::DATE AS date_day /* UTC day of the document date */
    , DATE_TRUNC('WEEK', @to_utc("date"))::DATE AS date_week /* Monday of the UTC week of the document date */
    , DATE_TRUNC('MONTH', @to_utc("date"))::DATE AS date_month /* First day of the UTC month of the document date */
    , DATE_TRUNC('QUARTER', @to_utc("date"))::DATE AS date_quarter /* First day of the UTC quarter of the document date */
    , DATE_TRUNC('YEAR', @to_utc("date"))::DATE AS date_year /* First day of the UTC year of the document date */
FROM source
