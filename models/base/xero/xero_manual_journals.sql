MODEL (
    name analytics.xero_manual_journals,
    kind FULL,
    cron '0 7 * * *',
    owner analytics,
    grain manual_journal_id,
    tags (base, xero, finance),
    audits (
        unique_values(columns := (
            manual_journal_id
        ))
        , not_null(columns := (manual_journal_id, status, line_amount_types))
        , accepted_values("column" := status, is_in := ('POSTED', 'VOIDED'))
        , accepted_values("column" := line_amount_types, is_in := ('NoTax', 'Inclusive', 'Exclusive'))
    ),
    description 'One row per Xero manual journal (Singer tap tap-xero, table manual_journals): the accountants entries (payroll, accruals, amortization), status POSTED or VOIDED. Columns keep the tap''s names in snake case, plus date_day, date_week (Monday), date_month, date_quarter and date_year, UTC truncations of the document date; no row is filtered here (status filters live in the transforms). FULL, rebuilt daily: the tap replicates whole tables and documents change status in place.'
);

WITH source AS (
    SELECT
        "date"
        , hasattachments
        , lineamounttypes
        , manualjournalid
        , narration
        , showoncashbasisreports
        , "status"
        , updateddateutc
        , "url"
    FROM tap_xero.manual_journals
)
SELECT
    "date"::TIMESTAMPTZ AS date /* Date (tap column date) */
    , hasattachments::BOOLEAN AS has_attachments /* Has attachments (tap column hasattachments) */
    , lineamounttypes::TEXT AS line_amount_types /* Line amount types (tap column lineamounttypes) */
    , manualjournalid::TEXT AS manual_journal_id /* Manual journal id (tap column manualjournalid) */
    , narration::TEXT AS narration /* Narration (tap column narration) */
    , showoncashbasisreports::BOOLEAN AS show_on_cash_basis_reports /* Show on cash basis reports (tap column showoncashbasisreports) */
    , "status"::TEXT AS status /* Status (tap column status) */
    , updateddateutc::TIMESTAMPTZ AS updated_date /* Updated date (tap column updateddateutc) */
    , "url"::TEXT AS url /* Url (tap column url) */
    , DATE_TRUNC('DAY', @to_utc("date"))::DATE AS date_day /* UTC day of the document date */
    , DATE_TRUNC('WEEK', @to_utc("date"))::DATE AS date_week /* Monday of the UTC week of the document date */
    , DATE_TRUNC('MONTH', @to_utc("date"))::DATE AS date_month /* First day of the UTC month of the document date */
    , DATE_TRUNC('QUARTER', @to_utc("date"))::DATE AS date_quarter /* First day of the UTC quarter of the document date */
    , DATE_TRUNC('YEAR', @to_utc("date"))::DATE AS date_year /* First day of the UTC year of the document date */
FROM source
