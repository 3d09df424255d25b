MODEL (
    name analytics.salesforce_opportunities,
    kind FULL,
    cron '0 7,18 * * *',
    owner analytics,
    grain opportunity_id,
    tags (base, salesforce, sales),
    audits (
        unique_values(columns := (
            opportunity_id
        ))
        , not_null(
            columns := (
                opportunity_id
                , meeting_date
                , revenue_type
                , self_signup_no_touch
                , segment
                , segment_group
                , value_period
                , partner_influence
                , channel
                , original_source
                , partner_involvement
            )
        )
        , accepted_values("column" := segment, is_in := ('N/A', '1-39', '40-99', '100-199', '200-499', '500-999', '1000+'))
        , accepted_values("column" := segment_group, is_in := ('N/A', '1-99', '100-499', '500+'))
        , accepted_values("column" := value_period, is_in := ('N/A', 'Monthly', 'One Time', 'Annual'))
        , accepted_values(
            "column" := partner_influence,
            is_in := ('N/A', 'Full involvement', 'No involvement', 'Introduced', 'Meeting Booked')
        )
        , accepted_values("column" := channel, is_in := ('Direct', 'Partner'))
        , accepted_values(
            "column" := original_source,
            is_in := (
                'N/A'
                , 'Network Intro (investor, etc.)'
                , 'Outbound'
                , 'Inbound'
                , 'Partner (carrier, advisor/broker, etc.)'
            )
        )
        , accepted_values("column" := partner_involvement, is_in := ('N/A', 'High', 'Low', 'Full', 'None'))
    ),
    description 'One row per Salesforce opportunity (a deal; Segment cloud source salesforce, table opportunities), soft-deleted ones dropped; amount is the deal''s MRR (CAD, 0 when missing). Rules: partner_influence, revenue_type, original_source and partner_involvement default to N/A and self_signup_no_touch to false; partner_id is partner_c, else advisor_broker_consultant_c (a partner account); partner_individual_id is individual_s_name_c, else advisor_broker_consultant_2_c (a partner contact); launch_date is the billing start, else the implementation date (i_date_c). Stage dates are back-filled from later stages: with W = close_date when the deal is closed and won, initiate_date is the first known of the initiate, educate, validate, justify and decide dates and W; educate_date of educate..decide and W; validate_date of validate..decide and W; justify_date of justify, decide and W; decide_date of decide and W. meeting_date (never null) is the first known of the initiate, meeting, educate, validate, justify and decide dates, then the close date for a won deal, else the creation date: the initiate date deliberately wins over the meeting date, as in the original. opportunity_age is the whole days from meeting_date to the run (@execution_tstz). close_won_date is close_date when stage_name is Closed Won; time_to_close_won (Closed Won only) is the whole days from the first known of the meeting, initiate, educate, validate, justify and decide dates and W to close_date (here the meeting date comes first: the original''s two back-fill orders are reproduced). segment bands the company by number_of_employees (< 40 1-39, < 100 40-99, < 200 100-199, < 500 200-499, < 1000 500-999, else 1000+), or when unknown by the raw amount (MRR: null N/A, < 400 1-39, < 900 40-99, < 1800 100-199, < 4500 200-499, < 8000 500-999, else 1000+); segment_group likewise (employees < 100 1-99, < 500 100-499, else 500+; amounts null N/A, < 900 1-99, < 4500 100-499, else 500+). probability is a fraction (raw percent / 100); value_period is Monthly when missing, One Time for one_time, else the raw value; is_pilot is pilot_c = Yes. FULL: small cloud-source replica whose records change in place, rebuilt on every 07:00 and 18:00 UTC run (read by the sales business tables).'
);

WITH opportunities AS (
    SELECT
        id
        , name
        , channel_c
        , partner_influence_c
        , partner_type_c
        , partner_c
        , advisor_broker_consultant_c
        , individual_s_name_c
        , advisor_broker_consultant_2_c
        , lead_source
        , revenue_type_c
        , stage_name
        , close_date
        , is_closed
        , is_won
        , account_id
        , owner_id
        , billing_start_date_c
        , i_date_c
        , self_signup_no_touch_c
        , number_of_employees_c
        , amount
        , created_date
        , meeting_date_c
        , initiate_date_c
        , educate_date_c
        , validate_date_c
        , justify_date_c
        , decide_date_c
        , probability
        , value_period_c
        , pilot_c
        , sdr_c
        , original_source_c
        , partner_involvement_c
        , CASE WHEN is_closed AND is_won THEN close_date END AS won_close_date
    FROM salesforce.opportunities
    WHERE
        NOT COALESCE(is_deleted, FALSE)
), stages AS (
    SELECT
        id
        , COALESCE(
            initiate_date_c,
            meeting_date_c,
            educate_date_c,
            validate_date_c,
            justify_date_c,
            decide_date_c,
            CASE WHEN is_closed AND is_won THEN close_date ELSE created_date END
        ) AS meeting_date
        , COALESCE(meeting_date_c, initiate_date_c, educate_date_c, validate_date_c, justify_date_c, decide_date_c, won_close_date) AS first_stage_date
        , COALESCE(initiate_date_c, educate_date_c, validate_date_c, justify_date_c, decide_date_c, won_close_date) AS initiate_date
        , COALESCE(educate_date_c, validate_date_c, justify_date_c, decide_date_c, won_close_date) AS educate_date
        , COALESCE(validate_date_c, justify_date_c, decide_date_c, won_close_date) AS validate_date
        , COALESCE(justify_date_c, decide_date_c, won_close_date) AS justify_date
        , COALESCE(decide_date_c, won_close_date) AS decide_date
        , CASE
            WHEN number_of_employees_c IS NULL
            THEN CASE
                WHEN amount IS NULL
                THEN 'N/A'
                WHEN amount < 400
                THEN '1-39'
                WHEN amount < 900
                THEN '40-99'
                WHEN amount < 1800
                THEN '100-199'
                WHEN amount < 4500
                THEN '200-499'
                WHEN amount < 8000
                THEN '500-999'
                ELSE '1000+'
            END
            WHEN number_of_employees_c < 40
            THEN '1-39'
            WHEN number_of_employees_c < 100
            THEN '40-99'
            WHEN number_of_employees_c < 200
            THEN '100-199'
            WHEN number_of_employees_c < 500
            THEN '200-499'
            WHEN number_of_employees_c < 1000
            THEN '500-999'
            ELSE '1000+'
        END AS segment
        , CASE
            WHEN number_of_employees_c IS NULL
            THEN CASE
                WHEN amount IS NULL
                THEN 'N/A'
                WHEN amount < 900
                THEN '1-99'
                WHEN amount < 4500
                THEN '100-499'
                ELSE '500+'
            END
            WHEN number_of_employees_c < 100
            THEN '1-99'
            WHEN number_of_employees_c < 500
            THEN '100-499'
            ELSE '500+'
        END AS segment_group
    FROM opportunities
)
SELECT
    opportunities.id::TEXT AS opportunity_id /* Salesforce opportunity id */
    , opportunities.name::TEXT AS opportunity_name /* Opportunity name ("<client> - <product>") */
    , opportunities.channel_c::TEXT AS channel /* Sales channel: Direct or Partner */
    , COALESCE(opportunities.partner_influence_c, 'N/A')::TEXT AS partner_influence /* How much a partner influenced the deal (N/A when not set) */
    , opportunities.partner_type_c::TEXT AS partner_type /* Kind of partner: Broker, Advisor, Carrier */
    , COALESCE(opportunities.partner_c, opportunities.advisor_broker_consultant_c)::TEXT AS partner_id /* Partner account of the deal: partner_c, else advisor_broker_consultant_c */
    , COALESCE(opportunities.individual_s_name_c, opportunities.advisor_broker_consultant_2_c)::TEXT AS partner_individual_id /* Partner contact of the deal: individual_s_name_c, else advisor_broker_consultant_2_c */
    , opportunities.lead_source::TEXT AS lead_source /* Lead source of the deal */
    , COALESCE(opportunities.revenue_type_c, 'N/A')::TEXT AS revenue_type /* New or Upsell (N/A when not set) */
    , opportunities.stage_name::TEXT AS stage_name /* Current stage: Meeting Booked .. Decide, Closed Won, Closed Lost, Stalled, Long Term */
    , opportunities.close_date::TIMESTAMPTZ AS close_date /* Close date (expected when open; midnight UTC) */
    , opportunities.is_closed::BOOLEAN AS is_closed /* The deal is closed (won or lost) */
    , opportunities.is_won::BOOLEAN AS is_won /* The deal is won */
    , opportunities.account_id::TEXT AS account_id /* Salesforce account of the deal (client, prospect or partner) */
    , opportunities.owner_id::TEXT AS owner_id /* Salesforce user who owns the deal */
    , opportunities.billing_start_date_c::TIMESTAMPTZ AS billing_start_date /* Planned billing start (midnight UTC) */
    , opportunities.i_date_c::TIMESTAMPTZ AS i_date /* Planned implementation date (midnight UTC) */
    , COALESCE(opportunities.billing_start_date_c, opportunities.i_date_c)::TIMESTAMPTZ AS launch_date /* Planned launch: billing start, else implementation date */
    , COALESCE(opportunities.self_signup_no_touch_c, FALSE)::BOOLEAN AS self_signup_no_touch /* The client signed up by itself, without a sales touch (false when not set) */
    , opportunities.number_of_employees_c::INT AS number_of_employees /* Employees of the client company */
    , COALESCE(opportunities.amount, 0)::DOUBLE AS amount /* MRR of the deal (CAD; 0 when missing) */
    , opportunities.created_date::TIMESTAMPTZ AS created_date /* When the opportunity was created (UTC) */
    , TRUNC(@seconds_between(stages.meeting_date, @execution_tstz::TIMESTAMPTZ) / 86400)::INT AS opportunity_age /* Whole days from meeting_date to the run */
    , stages.meeting_date::TIMESTAMPTZ AS meeting_date /* First meeting, back-filled (initiate date first, then meeting, later stages, close if won, else creation); never null */
    , stages.initiate_date::TIMESTAMPTZ AS initiate_date /* Initiate stage date, back-filled from later stages and the won close date */
    , stages.educate_date::TIMESTAMPTZ AS educate_date /* Educate stage date, back-filled from later stages and the won close date */
    , stages.validate_date::TIMESTAMPTZ AS validate_date /* Validate stage date, back-filled from later stages and the won close date */
    , stages.justify_date::TIMESTAMPTZ AS justify_date /* Justify stage date, back-filled from later stages and the won close date */
    , stages.decide_date::TIMESTAMPTZ AS decide_date /* Decide stage date, back-filled from the won close date */
    , CASE WHEN opportunities.stage_name = 'Closed Won' THEN opportunities.close_date END::TIMESTAMPTZ AS close_won_date /* Close date of a Closed Won deal */
    , CASE
        WHEN opportunities.stage_name = 'Closed Won'
        THEN TRUNC(@seconds_between(stages.first_stage_date, opportunities.close_date) / 86400)
    END::INT AS time_to_close_won /* Closed Won only: whole days from the first stage date (meeting first) to the close */
    , stages.segment::TEXT AS segment /* Company-size band by employees, else by MRR: 1-39 .. 1000+, N/A */
    , stages.segment_group::TEXT AS segment_group /* Coarse company-size band: 1-99, 100-499, 500+, N/A */
    , (
        opportunities.probability / 100
    )::DOUBLE AS probability /* Win probability as a fraction */
    , CASE
        WHEN opportunities.value_period_c IS NULL
        THEN 'Monthly'
        WHEN opportunities.value_period_c = 'one_time'
        THEN 'One Time'
        ELSE opportunities.value_period_c
    END::TEXT AS value_period /* Period of the amount: Monthly (default), One Time, Annual */
    , COALESCE(opportunities.pilot_c = 'Yes', FALSE)::BOOLEAN AS is_pilot /* The deal is a pilot */
    , opportunities.sdr_c::TEXT AS sdr_id /* Salesforce user (SDR) who booked the first meeting */
    , COALESCE(opportunities.original_source_c, 'N/A')::TEXT AS original_source /* Original source of the lead (N/A when not set) */
    , COALESCE(opportunities.partner_involvement_c, 'N/A')::TEXT AS partner_involvement /* Partner involvement: High, Low, Full, None (N/A when not set) */
FROM opportunities
INNER JOIN stages
    ON opportunities.id = stages.id
