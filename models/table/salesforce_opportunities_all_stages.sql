MODEL (
    name analytics.salesforce_opportunities_all_stages,
    kind FULL,
    cron '0 7,18 * * *',
    owner analytics,
    grain (status, opportunity_id),
    tags (table, salesforce, sales, pii),
    audits (
        unique_combination_of_columns(columns := (status, opportunity_id))
        , not_null(columns := ("date", status, opportunity_id))
        , accepted_values(
            "column" := status,
            is_in := ('Activity', 'Meeting Booked', 'Initiate', 'Educate', 'Validate', 'Justify', 'Decide', 'Closed Won')
        )
    ),
    description 'The sales funnel as events: one row per (status, opportunity or activity). Each prospecting activity (salesforce_activities_detailed) once with status Activity: opportunity_id is the activity id, date the activity date, meeting_date the account''s first meeting else the activity date, is_won the account''s, the opportunity-only columns null and is_inbound false. Each direct opportunity (salesforce_opportunities_detailed_direct) once per stage whose back-filled date is known (Meeting Booked, Initiate, Educate, Validate, Justify, Decide; date = that stage date), and once as Closed Won (date = close date) when closed and won; so a won opportunity has all seven stage rows. The other columns come from the opportunity (age_in_days = opportunity_age). FULL: small, rebuilt on every 07:00 and 18:00 UTC run. Differs from the original: nothing; the column date keeps the original''s name.'
);

WITH activities AS (
    SELECT
        activity_id
        , activity_date
        , meeting_date
        , account_is_won
        , number_of_employees
        , owner_name
        , amount
        , province
        , country
        , industry
    FROM analytics.salesforce_activities_detailed
), opportunities AS (
    SELECT
        opportunity_id
        , meeting_date
        , initiate_date
        , educate_date
        , validate_date
        , justify_date
        , decide_date
        , close_date
        , is_closed
        , is_won
        , opportunity_age
        , number_of_employees
        , segment_group
        , segment
        , owner_name
        , owner_title
        , amount
        , province
        , country
        , industry
        , lead_source
        , is_inbound
        , sdr_id
        , sdr_name
        , sdr_title
    FROM analytics.salesforce_opportunities_detailed_direct
), funnel AS (
    SELECT
        'Activity' AS status
        , activity_id AS opportunity_id
        , activity_date AS "date"
        , COALESCE(meeting_date, activity_date) AS meeting_date
        , NULL::TIMESTAMPTZ AS close_date
        , NULL::BOOLEAN AS is_closed
        , account_is_won AS is_won
        , NULL::INT AS age_in_days
        , number_of_employees
        , NULL::TEXT AS segment_group
        , NULL::TEXT AS segment
        , owner_name
        , NULL::TEXT AS owner_title
        , amount
        , province
        , country
        , industry
        , NULL::TEXT AS lead_source
        , FALSE AS is_inbound
        , NULL::TEXT AS sdr_id
        , NULL::TEXT AS sdr_name
        , NULL::TEXT AS sdr_title
    FROM activities
    UNION ALL
    SELECT
        'Meeting Booked' AS status
        , opportunity_id
        , meeting_date AS "date"
        , meeting_date
        , close_date
        , is_closed
        , is_won
        , opportunity_age AS age_in_days
        , number_of_employees
        , segment_group
        , segment
        , owner_name
        , owner_title
        , amount
        , province
        , country
        , industry
        , lead_source
        , is_inbound
        , sdr_id
        , sdr_name
        , sdr_title
    FROM opportunities
    WHERE
        NOT meeting_date IS NULL
    UNION ALL
    SELECT
        'Initiate' AS status
        , opportunity_id
        , initiate_date AS "date"
        , meeting_date
        , close_date
        , is_closed
        , is_won
        , opportunity_age AS age_in_days
        , number_of_employees
        , segment_group
        , segment
        , owner_name
        , owner_title
        , amount
        , province
        , country
        , industry
        , lead_source
        , is_inbound
        , sdr_id
        , sdr_name
        , sdr_title
    FROM opportunities
    WHERE
        NOT initiate_date IS NULL
    UNION ALL
    SELECT
        'Educate' AS status
        , opportunity_id
        , educate_date AS "date"
        , meeting_date
        , close_date
        , is_closed
        , is_won
        , opportunity_age AS age_in_days
        , number_of_employees
        , segment_group
        , segment
        , owner_name
        , owner_title
        , amount
        , province
        , country
        , industry
        , lead_source
        , is_inbound
        , sdr_id
        , sdr_name
        , sdr_title
    FROM opportunities
    WHERE
        NOT educate_date IS NULL
    UNION ALL
    SELECT
        'Validate' AS status
        , opportunity_id
        , validate_date AS "date"
        , meeting_date
        , close_date
        , is_closed
        , is_won
        , opportunity_age AS age_in_days
        , number_of_employees
        , segment_group
        , segment
        , owner_name
        , owner_title
        , amount
        , province
        , country
        , industry
        , lead_source
        , is_inbound
        , sdr_id
        , sdr_name
        , sdr_title
    FROM opportunities
    WHERE
        NOT validate_date IS NULL
    UNION ALL
    SELECT
        'Justify' AS status
        , opportunity_id
        , justify_date AS "date"
        , meeting_date
        , close_date
        , is_closed
        , is_won
        , opportunity_age AS age_in_days
        , number_of_employees
        , segment_group
        , segment
        , owner_name
        , owner_title
        , amount
        , province
        , country
        , industry
        , lead_source
        , is_inbound
        , sdr_id
        , sdr_name
        , sdr_title
    FROM opportunities
    WHERE
        NOT justify_date IS NULL
    UNION ALL
    SELECT
        'Decide' AS status
        , opportunity_id
        , decide_date AS "date"
        , meeting_date
        , close_date
        , is_closed
        , is_won
        , opportunity_age AS age_in_days
        , number_of_employees
        , segment_group
        , segment
        , owner_name
        , owner_title
        , amount
        , province
        , country
        , industry
        , lead_source
        , is_inbound
        , sdr_id
        , sdr_name
        , sdr_title
    FROM opportunities
    WHERE
        NOT decide_date IS NULL
    UNION ALL
    SELECT
        'Closed Won' AS status
        , opportunity_id
        , close_date AS "date"
        , meeting_date
        , close_date
        , is_closed
        , is_won
        , opportunity_age AS age_in_days
        , number_of_employees
        , segment_group
        , segment
        , owner_name
        , owner_title
        , amount
        , province
        , country
        , industry
        , lead_source
        , is_inbound
        , sdr_id
        , sdr_name
        , sdr_title
    FROM opportunities
    WHERE
        is_closed AND is_won
)
SELECT
    status::TEXT AS status /* Funnel step: Activity, Meeting Booked .. Decide, Closed Won */
    , opportunity_id::TEXT AS opportunity_id /* Opportunity id, or the activity id for Activity rows */
    , "date"::TIMESTAMPTZ AS "date" /* When the step happened: stage date, close date or activity date (UTC) */
    , meeting_date::TIMESTAMPTZ AS meeting_date /* First meeting (back-filled), or for activities the account's first meeting else the activity date */
    , close_date::TIMESTAMPTZ AS close_date /* Close date of the opportunity (null for activities) */
    , is_closed::BOOLEAN AS is_closed /* The opportunity is closed (null for activities) */
    , is_won::BOOLEAN AS is_won /* The opportunity is won; for activities, the account has a won direct opportunity */
    , age_in_days::INT AS age_in_days /* Opportunity age in whole days (null for activities) */
    , number_of_employees::INT AS number_of_employees /* Employees of the client company */
    , segment_group::TEXT AS segment_group /* Coarse company-size band (null for activities) */
    , segment::TEXT AS segment /* Company-size band (null for activities) */
    , owner_name::TEXT AS owner_name /* [PII] Owner of the opportunity or rep of the activity */
    , owner_title::TEXT AS owner_title /* Job title of the owner (null for activities) */
    , amount::DOUBLE AS amount /* MRR (CAD) */
    , province::TEXT AS province /* Province code */
    , country::TEXT AS country /* Country code */
    , industry::TEXT AS industry /* Industry of the account */
    , lead_source::TEXT AS lead_source /* Lead source of the opportunity (null for activities) */
    , is_inbound::BOOLEAN AS is_inbound /* The account is inbound (false for activities) */
    , sdr_id::TEXT AS sdr_id /* SDR of the opportunity (null for activities) */
    , sdr_name::TEXT AS sdr_name /* [PII] Name of the SDR (null for activities) */
    , sdr_title::TEXT AS sdr_title /* Job title of the SDR (null for activities) */
FROM funnel
