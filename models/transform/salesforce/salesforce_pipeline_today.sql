MODEL (
    name analytics.salesforce_pipeline_today,
    kind FULL,
    cron '0 7 * * *',
    owner analytics,
    grain opportunity_id,
    tags (transform, salesforce, sales, pii),
    audits (
        unique_values(columns := (
            opportunity_id
        ))
        , not_null(columns := (opportunity_id, stage_name_this_month))
    ),
    description 'One row per direct opportunity (salesforce_opportunities_detailed_direct) in today''s forecastable pipeline, today being the UTC day of the run: open today (created_date <= today < close_date), not inside one of its stalled spells at the run time, and expected to close within the horizon (close_date before today + 9 months when the owner is an Enterprise Account Executive, else today + 3 months). stage_name_this_month is the most advanced stage whose back-filled date is before today (Decide, Justify, Validate, Educate, Initiate, else Meeting Booked); is_first_month_in_pipeline: the month after the creation month is the current month; is_last_month_in_pipeline: the close month is the current month. FULL, rebuilt daily (depends on the run day).'
);

WITH opportunities AS (
    SELECT
        opportunity_id
        , opportunity_name
        , channel
        , partner_influence
        , partner_type
        , partner_id
        , partner_individual_id
        , lead_source
        , revenue_type
        , stage_name
        , close_date
        , is_closed
        , is_won
        , account_id
        , owner_id
        , billing_start_date
        , i_date
        , launch_date
        , self_signup_no_touch
        , number_of_employees
        , amount
        , created_date
        , opportunity_age
        , meeting_date
        , initiate_date
        , educate_date
        , validate_date
        , justify_date
        , decide_date
        , close_won_date
        , time_to_close_won
        , segment
        , segment_group
        , probability
        , value_period
        , is_pilot
        , sdr_id
        , original_source
        , partner_involvement
        , owner_name
        , owner_title
        , owner_province
        , owner_started_date
        , industry
        , account_name
        , province
        , country
        , product_ids
        , product_names
        , includes_24_7
        , includes_vaccination_campaign
        , includes_mental_health
        , includes_virtual_care
        , list_price_virtual_care
        , list_price_24_7
        , list_price_vaccination_campaign
        , list_price_mental_health
        , unit_price_virtual_care
        , unit_price_24_7
        , unit_price_vaccination_campaign
        , unit_price_mental_health
        , total_price_virtual_care
        , total_price_24_7
        , total_price_vaccination_campaign
        , total_price_mental_health
        , quantity_virtual_care
        , quantity_24_7
        , quantity_vaccination_campaign
        , quantity_mental_health
        , partner_contact_id
        , partner_contact_name
        , partner_account_id
        , partner_name
        , commission_rate_year_1
        , commission_rate_year_2
        , is_inbound
        , sdr_name
        , sdr_title
    FROM analytics.salesforce_opportunities_detailed_direct
), stalled AS (
    SELECT
        opportunity_id
        , stalled_start
        , stalled_end
    FROM analytics.salesforce_opportunities_stalled_period
), today AS (
    SELECT
        @execution_ds::DATE AS today
        , DATE_TRUNC('MONTH', @execution_ds::DATE)::DATE AS this_month
), open_today AS (
    SELECT
        opportunities.opportunity_id
        , CASE
            WHEN @to_utc(opportunities.decide_date) < today.today::TIMESTAMP
            THEN 'Decide'
            WHEN @to_utc(opportunities.justify_date) < today.today::TIMESTAMP
            THEN 'Justify'
            WHEN @to_utc(opportunities.validate_date) < today.today::TIMESTAMP
            THEN 'Validate'
            WHEN @to_utc(opportunities.educate_date) < today.today::TIMESTAMP
            THEN 'Educate'
            WHEN @to_utc(opportunities.initiate_date) < today.today::TIMESTAMP
            THEN 'Initiate'
            ELSE 'Meeting Booked'
        END AS stage_name_this_month
        , today.this_month = (
            DATE_TRUNC('MONTH', @to_utc(opportunities.created_date)) + INTERVAL '1' MONTH
        )::DATE AS is_first_month_in_pipeline
        , today.this_month = DATE_TRUNC('MONTH', @to_utc(opportunities.close_date))::DATE AS is_last_month_in_pipeline
    FROM opportunities
    CROSS JOIN today
    WHERE
        @to_utc(opportunities.created_date) <= today.today::TIMESTAMP
        AND today.today::TIMESTAMP < @to_utc(opportunities.close_date)
        AND @to_utc(opportunities.close_date) < CASE
            WHEN opportunities.owner_title = 'Enterprise Account Executive'
            THEN today.today + INTERVAL '9' MONTH
            ELSE today.today + INTERVAL '3' MONTH
        END
        AND NOT EXISTS(
            SELECT
                1
            FROM stalled
            WHERE
                stalled.opportunity_id = opportunities.opportunity_id
                AND stalled.stalled_start <= @execution_tstz::TIMESTAMPTZ
                AND @execution_tstz::TIMESTAMPTZ < stalled.stalled_end
        )
)
SELECT
    opportunities.opportunity_id::TEXT AS opportunity_id /* Salesforce opportunity id */
    , opportunities.opportunity_name::TEXT AS opportunity_name /* Opportunity name ("<client> - <product>") */
    , opportunities.channel::TEXT AS channel /* Sales channel: Direct or Partner */
    , opportunities.partner_influence::TEXT AS partner_influence /* How much a partner influenced the deal (N/A when not set) */
    , opportunities.partner_type::TEXT AS partner_type /* Kind of partner: Broker, Advisor, Carrier */
    , opportunities.partner_id::TEXT AS partner_id /* Partner account of the deal */
    , opportunities.partner_individual_id::TEXT AS partner_individual_id /* Partner contact of the deal */
    , opportunities.lead_source::TEXT AS lead_source /* Lead source of the deal */
    , opportunities.revenue_type::TEXT AS revenue_type /* New or Upsell (N/A when not set) */
    , opportunities.stage_name::TEXT AS stage_name /* Current stage of the deal */
    , opportunities.close_date::TIMESTAMPTZ AS close_date /* Close date (expected when open; midnight UTC) */
    , opportunities.is_closed::BOOLEAN AS is_closed /* The deal is closed (won or lost) */
    , opportunities.is_won::BOOLEAN AS is_won /* The deal is won */
    , opportunities.account_id::TEXT AS account_id /* Salesforce account of the deal */
    , opportunities.owner_id::TEXT AS owner_id /* Salesforce user who owns the deal */
    , opportunities.billing_start_date::TIMESTAMPTZ AS billing_start_date /* Planned billing start (midnight UTC) */
    , opportunities.i_date::TIMESTAMPTZ AS i_date /* Planned implementation date (midnight UTC) */
    , opportunities.launch_date::TIMESTAMPTZ AS launch_date /* Planned launch: billing start, else implementation date */
    , opportunities.self_signup_no_touch::BOOLEAN AS self_signup_no_touch /* The client signed up by itself, without a sales touch */
    , opportunities.number_of_employees::INT AS number_of_employees /* Employees of the client company */
    , opportunities.amount::DOUBLE AS amount /* MRR of the deal (CAD; 0 when missing) */
    , opportunities.created_date::TIMESTAMPTZ AS created_date /* When the opportunity was created (UTC) */
    , opportunities.opportunity_age::INT AS opportunity_age /* Whole days from meeting_date to the run */
    , opportunities.meeting_date::TIMESTAMPTZ AS meeting_date /* First meeting, back-filled; never null */
    , opportunities.initiate_date::TIMESTAMPTZ AS initiate_date /* Initiate stage date, back-filled */
    , opportunities.educate_date::TIMESTAMPTZ AS educate_date /* Educate stage date, back-filled */
    , opportunities.validate_date::TIMESTAMPTZ AS validate_date /* Validate stage date, back-filled */
    , opportunities.justify_date::TIMESTAMPTZ AS justify_date /* Justify stage date, back-filled */
    , opportunities.decide_date::TIMESTAMPTZ AS decide_date /* Decide stage date, back-filled */
    , opportunities.close_won_date::TIMESTAMPTZ AS close_won_date /* Close date of a Closed Won deal */
    , opportunities.time_to_close_won::INT AS time_to_close_won /* Closed Won only: whole days from the first stage date to the close */
    , opportunities.segment::TEXT AS segment /* Company-size band: 1-39 .. 1000+, N/A */
    , opportunities.segment_group::TEXT AS segment_group /* Coarse company-size band: 1-99, 100-499, 500+, N/A */
    , opportunities.probability::DOUBLE AS probability /* Win probability as a fraction */
    , opportunities.value_period::TEXT AS value_period /* Period of the amount: Monthly, One Time, Annual */
    , opportunities.is_pilot::BOOLEAN AS is_pilot /* The deal is a pilot */
    , opportunities.sdr_id::TEXT AS sdr_id /* Salesforce user (SDR) who booked the first meeting */
    , opportunities.original_source::TEXT AS original_source /* Original source of the lead (N/A when not set) */
    , opportunities.partner_involvement::TEXT AS partner_involvement /* Partner involvement (N/A when not set) */
    , opportunities.owner_name::TEXT AS owner_name /* [PII] Name of the opportunity owner */
    , opportunities.owner_title::TEXT AS owner_title /* Job title of the owner */
    , opportunities.owner_province::TEXT AS owner_province /* Province code of the owner */
    , opportunities.owner_started_date::TIMESTAMPTZ AS owner_started_date /* When the owner started in Salesforce (UTC) */
    , opportunities.industry::TEXT AS industry /* Industry of the account */
    , opportunities.account_name::TEXT AS account_name /* Name of the account */
    , opportunities.province::TEXT AS province /* Account billing province code, else the owner's */
    , opportunities.country::TEXT AS country /* Account billing country code, else the owner's */
    , opportunities.product_ids::TEXT AS product_ids /* Product ids of the opportunity, comma-separated, ordered by product name (Virtual Care without lines) */
    , opportunities.product_names::TEXT AS product_names /* Product names of the opportunity, comma-separated, ordered by name (Virtual Care without lines) */
    , opportunities.includes_24_7::BOOLEAN AS includes_24_7 /* The opportunity includes 24/7 */
    , opportunities.includes_vaccination_campaign::BOOLEAN AS includes_vaccination_campaign /* The opportunity includes a Vaccination Campaign */
    , opportunities.includes_mental_health::BOOLEAN AS includes_mental_health /* The opportunity includes Stress Management & Well-Being (mental health) */
    , opportunities.includes_virtual_care::BOOLEAN AS includes_virtual_care /* The opportunity includes Virtual Care (true without product lines) */
    , opportunities.list_price_virtual_care::DOUBLE AS list_price_virtual_care /* List price on the Virtual Care line (null without one) */
    , opportunities.list_price_24_7::DOUBLE AS list_price_24_7 /* List price on the 24/7 line (null without one) */
    , opportunities.list_price_vaccination_campaign::DOUBLE AS list_price_vaccination_campaign /* List price on the Vaccination Campaign line (null without one) */
    , opportunities.list_price_mental_health::DOUBLE AS list_price_mental_health /* List price on the Stress Management & Well-Being line (null without one) */
    , opportunities.unit_price_virtual_care::DOUBLE AS unit_price_virtual_care /* Unit price on the Virtual Care line (null without one) */
    , opportunities.unit_price_24_7::DOUBLE AS unit_price_24_7 /* Unit price on the 24/7 line (null without one) */
    , opportunities.unit_price_vaccination_campaign::DOUBLE AS unit_price_vaccination_campaign /* Unit price on the Vaccination Campaign line (null without one) */
    , opportunities.unit_price_mental_health::DOUBLE AS unit_price_mental_health /* Unit price on the Stress Management & Well-Being line (null without one) */
    , opportunities.total_price_virtual_care::DOUBLE AS total_price_virtual_care /* Total price on the Virtual Care line (null without one) */
    , opportunities.total_price_24_7::DOUBLE AS total_price_24_7 /* Total price on the 24/7 line (null without one) */
    , opportunities.total_price_vaccination_campaign::DOUBLE AS total_price_vaccination_campaign /* Total price on the Vaccination Campaign line (null without one) */
    , opportunities.total_price_mental_health::DOUBLE AS total_price_mental_health /* Total price on the Stress Management & Well-Being line (null without one) */
    , opportunities.quantity_virtual_care::DOUBLE AS quantity_virtual_care /* Quantity on the Virtual Care line (null without one) */
    , opportunities.quantity_24_7::DOUBLE AS quantity_24_7 /* Quantity on the 24/7 line (null without one) */
    , opportunities.quantity_vaccination_campaign::DOUBLE AS quantity_vaccination_campaign /* Quantity on the Vaccination Campaign line (null without one) */
    , opportunities.quantity_mental_health::DOUBLE AS quantity_mental_health /* Quantity on the Stress Management & Well-Being line (null without one) */
    , opportunities.partner_contact_id::TEXT AS partner_contact_id /* Partner contact of the deal */
    , opportunities.partner_contact_name::TEXT AS partner_contact_name /* [PII] Name of the partner contact */
    , opportunities.partner_account_id::TEXT AS partner_account_id /* Partner account of the deal */
    , opportunities.partner_name::TEXT AS partner_name /* Name of the partner account */
    , opportunities.commission_rate_year_1::DOUBLE AS commission_rate_year_1 /* Partner commission rate in the first year, fraction */
    , opportunities.commission_rate_year_2::DOUBLE AS commission_rate_year_2 /* Partner commission rate in the second year, fraction */
    , opportunities.is_inbound::BOOLEAN AS is_inbound /* The account's source is an inbound lead source */
    , opportunities.sdr_name::TEXT AS sdr_name /* [PII] Name of the SDR */
    , opportunities.sdr_title::TEXT AS sdr_title /* Job title of the SDR */
    , open_today.stage_name_this_month::TEXT AS stage_name_this_month /* Most advanced stage reached before today */
    , open_today.is_first_month_in_pipeline::BOOLEAN AS is_first_month_in_pipeline /* The month after the creation month is the current month */
    , open_today.is_last_month_in_pipeline::BOOLEAN AS is_last_month_in_pipeline /* The close month is the current month */
FROM open_today
INNER JOIN opportunities
    ON open_today.opportunity_id = opportunities.opportunity_id
