MODEL (
    name analytics.nps_dm_list,
    kind FULL,
    cron '0 7,18 * * *',
    owner analytics,
    grain email,
    tags (meta, nps, pii),
    audits (
        unique_values(columns := (
            email
        ))
        , not_null(
            columns := (
                email
                , contact_type
                , organization_id
                , month_since_billing_start_date
                , locale
                , delighted_email_subject
                , delighted_intro_message
                , "timestamp"
            )
        )
        , accepted_values(
            "column" := contact_type,
            is_in := (
                'HR + DM (do not use - old)'
                , 'Decision-Maker'
                , 'HR Contact (User)'
                , 'C-suite Executive'
                , 'HR Primary Contact'
                , 'Account support'
                , 'Decision Maker'
            )
        )
        , accepted_values("column" := locale, is_in := ('en-dialogue-2', 'fr-dialogue-2'))
    ),
    description 'The decision-maker NPS send list "as of now" (one row per contact email to survey), read by the Lambda that triggers Delighted after each run and logged by archive.nps_dm_list_archived; timestamp = run time. Candidates: the Salesforce contacts (salesforce_contacts) with an email and a contact type among HR + DM (do not use - old), Decision-Maker, HR Contact (User), C-suite Executive, HR Primary Contact, Account support, Decision Maker, of the Salesforce account linked (salesforce_scribe_organizations_detailed) to a paying organization active now (scribe_organizations_active_today). A contact of several organizations keeps the one with the earliest billing start (ties: lowest organization id). month_since_billing_start_date = whole days from the billing start to the UTC day of the run, divided by 30 and truncated (an approximation of months, as in the original). Listed when that number is 2, 3, 5 or 6, 10 or 11 (first sends at months 2, 5 and 10, a reminder one month later) and the email has no decision-maker NPS response (delighted_survey_decision_maker) in the 60 days before the run. Language: the Scribe user with the same email (lower-cased language), else the organization''s email preference (english and bilingual-english-french give en, french and bilingual-french-english give fr, anything else passes through); locale is en-dialogue-2 for en and fr-dialogue-2 otherwise (a passed-through preference gets the French locale, as in the original). Subject and intro message are the localized product copy, prefixed with the first name and a comma when the contact has one, else capitalized. FULL, at the 07:00 and 18:00 UTC runs (the Lambda reads the list after each run). Differs from the original: when two Scribe users share the email, the one with the latest received_at decides the language (the original picked one arbitrarily); a null first name is treated like an empty one; a Scribe language N/A (unknown) falls back to the email preference; emails are compared lower-cased with the responses.'
);

WITH organizations AS (
    SELECT
        organization_id
        , email_preference
        , billing_start_date
    FROM analytics.scribe_organizations_active_today
    WHERE
        is_paid
), organization_accounts AS (
    SELECT
        organization_id
        , account_id
    FROM analytics.salesforce_scribe_organizations_detailed
), contacts AS (
    SELECT
        contact_id
        , email
        , first_name
        , contact_type
        , account_id
    FROM analytics.salesforce_contacts
    WHERE
        NOT email IS NULL
        AND contact_type IN (
            'HR + DM (do not use - old)'
            , 'Decision-Maker'
            , 'HR Contact (User)'
            , 'C-suite Executive'
            , 'HR Primary Contact'
            , 'Account support'
            , 'Decision Maker'
        )
), users AS (
    SELECT
        email
        , LOWER("language") AS "language"
    FROM analytics.scribe_users
    WHERE
        NOT email IS NULL AND "language" IN ('FR', 'EN')
    QUALIFY
        ROW_NUMBER() OVER (PARTITION BY email ORDER BY received_at DESC, user_id DESC) = 1
), responses AS (
    SELECT
        email
        , "timestamp"
    FROM analytics.delighted_survey_decision_maker
), recently_responded AS (
    SELECT DISTINCT
        email
    FROM responses
    WHERE
        "timestamp" > @execution_tstz::TIMESTAMPTZ - INTERVAL '60' DAY
        AND "timestamp" <= @execution_tstz::TIMESTAMPTZ
), candidates AS (
    SELECT
        contacts.email
        , contacts.first_name
        , contacts.contact_type
        , organizations.organization_id
        , organizations.billing_start_date
        , COALESCE(
            users."language",
            CASE organizations.email_preference
                WHEN 'english'
                THEN 'en'
                WHEN 'bilingual-english-french'
                THEN 'en'
                WHEN 'french'
                THEN 'fr'
                WHEN 'bilingual-french-english'
                THEN 'fr'
                ELSE organizations.email_preference
            END
        ) AS "language"
        , TRUNC(@days_between(organizations.billing_start_date, @execution_tstz::DATE)::DOUBLE / 30)::INT AS month_since_billing_start_date
    FROM organizations
    INNER JOIN organization_accounts
        ON organizations.organization_id = organization_accounts.organization_id
    INNER JOIN contacts
        ON organization_accounts.account_id = contacts.account_id
    LEFT JOIN users
        ON contacts.email = users.email
    QUALIFY
        ROW_NUMBER() OVER (
            PARTITION BY contacts.email
            ORDER BY organizations.billing_start_date, organizations.organization_id, contacts.contact_id
        ) = 1
), listed AS (
    SELECT
        candidates.email
        , candidates.contact_type
        , candidates.organization_id
        , candidates.month_since_billing_start_date
        , candidates."language"
        , NULLIF(candidates.first_name, '') AS first_name
    FROM candidates
    LEFT JOIN recently_responded
        ON LOWER(candidates.email) = recently_responded.email
    WHERE
        candidates.month_since_billing_start_date IN (2, 3, 5, 6, 10, 11)
        AND recently_responded.email IS NULL
)
SELECT
    email::TEXT AS email /* [PII] Email address the survey goes to */
    , contact_type::TEXT AS contact_type /* Salesforce contact type of the contact */
    , organization_id::BIGINT AS organization_id /* Scribe organization of the contact (earliest billing start) */
    , month_since_billing_start_date::INT AS month_since_billing_start_date /* Whole 30-day months since the organization's billing start */
    , CASE WHEN "language" = 'en' THEN 'en-dialogue-2' ELSE 'fr-dialogue-2' END::TEXT AS locale /* Delighted locale: en-dialogue-2 for English, fr-dialogue-2 otherwise */
    , CASE
        WHEN "language" = 'en' AND NOT first_name IS NULL
        THEN first_name || ', how likely are you to recommend Dialogue?'
        WHEN "language" = 'en'
        THEN 'How likely are you to recommend Dialogue?'
        WHEN NOT first_name IS NULL
        THEN first_name || ', seriez-vous prêt(e) à recommander Dialogue?'
        ELSE 'Seriez-vous prêt(e) à recommander Dialogue?'
    END::TEXT AS delighted_email_subject /* [PII] Email subject, with the first name when known */
    , CASE
        WHEN "language" = 'en' AND NOT first_name IS NULL
        THEN first_name || ', we would love your feedback! This survey will take less than a minute, and will help us improve our services'
        WHEN "language" = 'en'
        THEN 'We would love your feedback! This survey will take less than a minute, and will help us improve our services'
        WHEN NOT first_name IS NULL
        THEN first_name || ', nous aimerions recevoir vos commentaires! Ce questionnaire prendra moins d''une minute, et nous aidera à améliorer nos services'
        ELSE 'Nous aimerions recevoir vos commentaires! Ce questionnaire prendra moins d''une minute, et nous aidera à améliorer nos services'
    END::TEXT AS delighted_intro_message /* [PII] Intro message of the survey, with the first name when known */
    , @execution_tstz::TIMESTAMPTZ AS "timestamp" /* Run time that produced the list (UTC); with email the key of the archive */
FROM listed
