MODEL (
    name archive.nps_dm_list_archived,
    kind SCD_TYPE_2_BY_TIME (
        unique_key (email, "timestamp"),
        updated_at_name "timestamp",
        time_data_type TIMESTAMPTZ
    ),
    cron '0 7,18 * * *',
    owner analytics,
    grain (email, "timestamp"),
    tags (archive, nps, pii),
    audits (
        unique_combination_of_columns(columns := (email, "timestamp"))
        , not_null(columns := (email, "timestamp", locale))
    ),
    description 'The log of decision-maker NPS sends: every row nps_dm_list ever held, one row per contact email and list run time (the original archive key concat(email, timestamp)): who was queued for a Delighted decision-maker survey, when, in which locale and at which month number. SCD type 2 by time on timestamp, at the 07:00 and 18:00 UTC runs: each list brings new keys, earlier lists leave the source and stay in the archive (hard deletes are not invalidated), so the table only grows, by exactly the lists produced. Prod-only history (SQLMesh never shares SCD2 history with dev environments).'
);

WITH list AS (
    SELECT
        email
        , contact_type
        , organization_id
        , month_since_billing_start_date
        , locale
        , delighted_email_subject
        , delighted_intro_message
        , "timestamp"
    FROM analytics.nps_dm_list
)
SELECT
    email::TEXT AS email /* [PII] Email address the survey went to */
    , contact_type::TEXT AS contact_type /* Salesforce contact type of the contact */
    , organization_id::BIGINT AS organization_id /* Scribe organization of the contact */
    , month_since_billing_start_date::INT AS month_since_billing_start_date /* Whole 30-day months since the organization's billing start at the send */
    , locale::TEXT AS locale /* Delighted locale: en-dialogue-2 or fr-dialogue-2 */
    , delighted_email_subject::TEXT AS delighted_email_subject /* [PII] Email subject sent (may contain the first name) */
    , delighted_intro_message::TEXT AS delighted_intro_message /* [PII] Intro message sent (may contain the first name) */
    , "timestamp"::TIMESTAMPTZ AS "timestamp" /* Run time of the list that contained the row (UTC) */
FROM list
