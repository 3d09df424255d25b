MODEL (
    name analytics.xero_invoices,
    kind FULL,
    cron '0 7 * * *',
    owner analytics,
    grain invoice_id,
    tags (base, xero, finance),
    audits (
        unique_values(columns := (
            invoice_id
        ))
        , not_null(columns := (invoice_id, status, invoice_type, line_amount_types))
        , accepted_values("column" := status, is_in := ('DRAFT', 'PAID', 'VOIDED', 'DELETED', 'AUTHORISED'))
        , accepted_values("column" := invoice_type, is_in := ('ACCREC', 'ACCPAY'))
        , accepted_values("column" := line_amount_types, is_in := ('NoTax', 'Inclusive', 'Exclusive'))
    ),
    description 'One row per Xero invoice (Singer tap tap-xero, table invoices): supplier bills (invoice_type ACCPAY) and sales invoices to clients (ACCREC), with their status (DRAFT, AUTHORISED, PAID, VOIDED, DELETED), line amount types (Exclusive, Inclusive, NoTax) and totals; contact_* is the supplier or client (the taps contact__* columns). Columns keep the tap''s names in snake case, plus date_day, date_week (Monday), date_month, date_quarter and date_year, UTC truncations of the document date; no row is filtered here (status filters live in the transforms). FULL, rebuilt daily: the tap replicates whole tables and documents change status in place.'
);

WITH source AS (
    SELECT
        amountcredited
        , amountdue
        , amountpaid
        , brandingthemeid
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
        , duedate
        , duedatestring
        , expectedpaymentdate
        , expectedpaymentdatestring
        , fullypaidondate
        , hasattachments
        , haserrors
        , invoiceid
        , invoicenumber
        , isdiscounted
        , lineamounttypes
        , plannedpaymentdate
        , plannedpaymentdatestring
        , "reference"
        , senttocontact
        , "status"
        , subtotal
        , "total"
        , totaldiscount
        , totaltax
        , "type"
        , updateddateutc
        , "url"
    FROM tap_xero.invoices
)
SELECT
    amountcredited::DECIMAL(18, 2) AS amount_credited /* Amount credited (tap column amountcredited) */
    , amountdue::DECIMAL(18, 2) AS amount_due /* Amount due (tap column amountdue) */
    , amountpaid::DECIMAL(18, 2) AS amount_paid /* Amount paid (tap column amountpaid) */
    , brandingthemeid::TEXT AS branding_theme_id /* Branding theme id (tap column brandingthemeid) */
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
    , duedate::TIMESTAMPTZ AS due_date /* Due date (tap column duedate) */
    , duedatestring::TEXT AS due_date_string /* Due date string (tap column duedatestring) */
    , expectedpaymentdate::TIMESTAMPTZ AS expected_payment_date /* Expected payment date (tap column expectedpaymentdate) */
    , expectedpaymentdatestring::TEXT AS expected_payment_date_string /* Expected payment date string (tap column expectedpaymentdatestring) */
    , fullypaidondate::TIMESTAMPTZ AS fully_paid_on_date /* Fully paid on date (tap column fullypaidondate) */
    , hasattachments::BOOLEAN AS has_attachments /* Has attachments (tap column hasattachments) */
    , haserrors::BOOLEAN AS has_errors /* Has errors (tap column haserrors) */
    , invoiceid::TEXT AS invoice_id /* Invoice id (tap column invoiceid) */
    , invoicenumber::TEXT AS invoice_number /* Invoice number (tap column invoicenumber) */
    , isdiscounted::BOOLEAN AS is_discounted /* Is discounted (tap column isdiscounted) */
    , lineamounttypes::TEXT AS line_amount_types /* Line amount types (tap column lineamounttypes) */
    , plannedpaymentdate::TIMESTAMPTZ AS planned_payment_date /* Planned payment date (tap column plannedpaymentdate) */
    , plannedpaymentdatestring::TEXT AS planned_payment_date_string /* Planned payment date string (tap column plannedpaymentdatestring) */
    , "reference"::TEXT AS reference /* Reference (tap column reference) */
    , senttocontact::BOOLEAN AS sent_to_contact /* Sent to contact (tap column senttocontact) */
    , "status"::TEXT AS status /* Status (tap column status) */
    , subtotal::DECIMAL(18, 2) AS subtotal /* Subtotal (tap column subtotal) */
    , "total"::DECIMAL(18, 2) AS total /* Total (tap column total) */
    , totaldiscount::DECIMAL(18, 2) AS total_discount /* Total discount (tap column totaldiscount) */
    , totaltax::DECIMAL(18, 2) AS total_tax /* Total tax (tap column totaltax) */
    , "type"::TEXT AS invoice_type /* Invoice type (tap column type) */
    , updateddateutc::TIMESTAMPTZ AS updated_date /* Updated date (tap column updateddateutc) */
    , "url"::TEXT AS url /* Url (tap column url) */
    , DATE_TRUNC('DAY', @to_utc("date"))::DATE AS date_day /* UTC day of the document date */
    , DATE_TRUNC('WEEK', @to_utc("date"))::DATE AS date_week /* Monday of the UTC week of the document date */
    , DATE_TRUNC('MONTH', @to_utc("date"))::DATE AS date_month /* First day of the UTC month of the document date */
    , DATE_TRUNC('QUARTER', @to_utc("date"))::DATE AS date_quarter /* First day of the UTC quarter of the document date */
    , DATE_TRUNC('YEAR', @to_utc("date"))::DATE AS date_year /* First day of the UTC year of the document date */
FROM source
