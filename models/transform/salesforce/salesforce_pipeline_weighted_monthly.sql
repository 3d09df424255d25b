MODEL (
    name analytics.salesforce_pipeline_weighted_monthly,
    kind FULL,
    cron '0 7 * * *',
    owner analytics,
    grain (date_month, opportunity_id),
    tags (transform, salesforce, sales, pii),
    audits (
        unique_combination_of_columns(columns := (date_month, opportunity_id))
        , not_null(columns := (amount, segment_group, stage_name_this_month, amount_sf_weighted))
        , accepted_values(
            "column" := stage_name_this_month,
            is_in := ('Decide', 'Justify', 'Validate', 'Educate', 'Initiate', 'Meeting Booked')
        )
        , assert_salesforce_pipeline_weighted
    ),
    description 'The monthly pipeline (salesforce_pipeline_monthly: one row per UTC month and open direct opportunity) with two weighted amounts. amount_weighted = amount x the probability of winning from the stage reached that month: for segment group 500+ always the default probability of the seed salesforce_pipeline_probabilities_default for (segment group, stage); for the other groups the empirical probability_mrr_3_months of salesforce_pipeline_probabilities for the same segment group and stage, measured in the quarter two quarters before the quarter of the opportunity''s meeting date (the 2018-Q1 rates for meeting dates before 2018-06-01, a named constant), else the default; segment group N/A matches neither and stays null (audit assert_salesforce_pipeline_weighted). amount_sf_weighted = amount x the Salesforce stage weight (Decide 0.9, Justify 0.75, Validate 0.5, Educate 0.25, Initiate 0.1, Meeting Booked 0.01). FULL, rebuilt daily.'
);

@DEF(rate_fallback_before, '2018-06-01');

WITH pipeline AS (
    SELECT
        date_month
        , opportunity_id
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
        , stage_name_this_month
        , is_first_month_in_pipeline
        , is_last_month_in_pipeline
        , mom_evolution
    FROM analytics.salesforce_pipeline_monthly
), empirical AS (
    SELECT
        date_quarter
        , segment_group
        , stage_name
        , probability_mrr_3_months
    FROM analytics.salesforce_pipeline_probabilities
), defaults AS (
    SELECT
        segment_group
        , stage_name
        , probability
    FROM analytics.salesforce_pipeline_probabilities_default
), rate_quarters AS (
    SELECT
        opportunity_id
        , date_month
        , CASE
            WHEN @to_utc(meeting_date) < @rate_fallback_before::TIMESTAMP
            THEN '2018-01-01'::DATE
            ELSE (
                DATE_TRUNC('QUARTER', @to_utc(meeting_date)) - INTERVAL '6' MONTH
            )::DATE
        END AS rate_quarter
    FROM pipeline
), weights AS (
    SELECT
        pipeline.opportunity_id
        , pipeline.date_month
        , CASE
            WHEN pipeline.segment_group = '500+'
            THEN defaults.probability
            ELSE COALESCE(empirical.probability_mrr_3_months, defaults.probability)
        END AS probability
        , CASE pipeline.stage_name_this_month
            WHEN 'Decide'
            THEN 0.9
            WHEN 'Justify'
            THEN 0.75
            WHEN 'Validate'
            THEN 0.5
            WHEN 'Educate'
            THEN 0.25
            WHEN 'Initiate'
            THEN 0.1
            WHEN 'Meeting Booked'
            THEN 0.01
        END AS sf_weight
    FROM pipeline
    INNER JOIN rate_quarters
        ON pipeline.opportunity_id = rate_quarters.opportunity_id
        AND pipeline.date_month = rate_quarters.date_month
    LEFT JOIN defaults
        ON pipeline.segment_group = defaults.segment_group
        AND pipeline.stage_name_this_month = defaults.stage_name
    LEFT JOIN empirical
        ON pipeline.segment_group = empirical.segment_group
        AND pipeline.stage_name_this_month = empirical.stage_name
        AND rate_quarters.rate_quarter = empirical.date_quarter
)
SELECT
    pipeline.date_month::DATE AS date_month /* First day of the UTC month of the pipeline */
    , pipeline.opportunity_id::TEXT AS opportunity_id /* Salesforce opportunity id */
    , pipeline.opportunity_name::TEXT AS opportunity_name /* Opportunity name ("<client> - <product>") */
    , pipeline.channel::TEXT AS channel /* Sales channel: Direct or Partner */
    , pipeline.partner_influence::TEXT AS partner_influence /* How much a partner influenced the deal (N/A when not set) */
    , pipeline.partner_type::TEXT AS partner_type /* Kind of partner: Broker, Advisor, Carrier */
    , pipeline.partner_id::TEXT AS partner_id /* Partner account of the deal */
    , pipeline.partner_individual_id::TEXT AS partner_individual_id /* Partner contact of the deal */
    , pipeline.lead_source::TEXT AS lead_source /* Lead source of the deal */
    , pipeline.revenue_type::TEXT AS revenue_type /* New or Upsell (N/A when not set) */
    , pipeline.stage_name::TEXT AS stage_name /* Current stage of the deal */
    , pipeline.close_date::TIMESTAMPTZ AS close_date /* Close date (expected when open; midnight UTC) */
    , pipeline.is_closed::BOOLEAN AS is_closed /* The deal is closed (won or lost) */
    , pipeline.is_won::BOOLEAN AS is_won /* The deal is won */
    , pipeline.account_id::TEXT AS account_id /* Salesforce account of the deal */
    , pipeline.owner_id::TEXT AS owner_id /* Salesforce user who owns the deal */
    , pipeline.billing_start_date::TIMESTAMPTZ AS billing_start_date /* Planned billing start (midnight UTC) */
    , pipeline.i_date::TIMESTAMPTZ AS i_date /* Planned implementation date (midnight UTC) */
    , pipeline.launch_date::TIMESTAMPTZ AS launch_date /* Planned launch: billing start, else implementation date */
    , pipeline.self_signup_no_touch::BOOLEAN AS self_signup_no_touch /* The client signed up by itself, without a sales touch */
    , pipeline.number_of_employees::INT AS number_of_employees /* Employees of the client company */
    , pipeline.amount::DOUBLE AS amount /* MRR of the deal (CAD; 0 when missing) */
    , pipeline.created_date::TIMESTAMPTZ AS created_date /* When the opportunity was created (UTC) */
    , pipeline.opportunity_age::INT AS opportunity_age /* Whole days from meeting_date to the run */
    , pipeline.meeting_date::TIMESTAMPTZ AS meeting_date /* First meeting, back-filled; never null */
    , pipeline.initiate_date::TIMESTAMPTZ AS initiate_date /* Initiate stage date, back-filled */
    , pipeline.educate_date::TIMESTAMPTZ AS educate_date /* Educate stage date, back-filled */
    , pipeline.validate_date::TIMESTAMPTZ AS validate_date /* Validate stage date, back-filled */
    , pipeline.justify_date::TIMESTAMPTZ AS justify_date /* Justify stage date, back-filled */
    , pipeline.decide_date::TIMESTAMPTZ AS decide_date /* Decide stage date, back-filled */
    , pipeline.close_won_date::TIMESTAMPTZ AS close_won_date /* Close date of a Closed Won deal */
    , pipeline.time_to_close_won::INT AS time_to_close_won /* Closed Won only: whole days from the first stage date to the close */
    , pipeline.segment::TEXT AS segment /* Company-size band: 1-39 .. 1000+, N/A */
    , pipeline.segment_group::TEXT AS segment_group /* Coarse company-size band: 1-99, 100-499, 500+, N/A */
    , pipeline.probability::DOUBLE AS probability /* Win probability as a fraction */
    , pipeline.value_period::TEXT AS value_period /* Period of the amount: Monthly, One Time, Annual */
    , pipeline.is_pilot::BOOLEAN AS is_pilot /* The deal is a pilot */
    , pipeline.sdr_id::TEXT AS sdr_id /* Salesforce user (SDR) who booked the first meeting */
    , pipeline.original_source::TEXT AS original_source /* Original source of the lead (N/A when not set) */
    , pipeline.partner_involvement::TEXT AS partner_involvement /* Partner involvement (N/A when not set) */
    , pipeline.owner_name::TEXT AS owner_name /* [PII] Name of the opportunity owner */
    , pipeline.owner_title::TEXT AS owner_title /* Job title of the owner */
    , pipeline.owner_province::TEXT AS owner_province /* Province code of the owner */
    , pipeline.owner_started_date::TIMESTAMPTZ AS owner_started_date /* When the owner started in Salesforce (UTC) */
    , pipeline.industry::TEXT AS industry /* Industry of the account */
    , pipeline.account_name::TEXT AS account_name /* Name of the account */
    , pipeline.province::TEXT AS province /* Account billing province code, else the owner's */
    , pipeline.country::TEXT AS country /* Account billing country code, else the owner's */
    , pipeline.product_ids::TEXT AS product_ids /* Product ids of the opportunity, comma-separated, ordered by product name (Virtual Care without lines) */
    , pipeline.product_names::TEXT AS product_names /* Product names of the opportunity, comma-separated, ordered by name (Virtual Care without lines) */
    , pipeline.includes_24_7::BOOLEAN AS includes_24_7 /* The opportunity includes 24/7 */
    , pipeline.includes_vaccination_campaign::BOOLEAN AS includes_vaccination_campaign /* The opportunity includes a Vaccination Campaign */
    , pipeline.includes_mental_health::BOOLEAN AS includes_mental_health /* The opportunity includes Stress Management & Well-Being (mental health) */
    , pipeline.includes_virtual_care::BOOLEAN AS includes_virtual_care /* The opportunity includes Virtual Care (true without product lines) */
    , pipeline.list_price_virtual_care::DOUBLE AS list_price_virtual_care /* List price on the Virtual Care line (null without one) */
    , pipeline.list_price_24_7::DOUBLE AS list_price_24_7 /* List price on the 24/7 line (null without one) */
    , pipeline.list_price_vaccination_campaign::DOUBLE AS list_price_vaccination_campaign /* List price on the Vaccination Campaign line (null without one) */
    , pipeline.list_price_mental_health::DOUBLE AS list_price_mental_health /* List price on the Stress Management & Well-Being line (null without one) */
    , pipeline.unit_price_virtual_care::DOUBLE AS unit_price_virtual_care /* Unit price on the Virtual Care line (null without one) */
    , pipeline.unit_price_24_7::DOUBLE AS unit_price_24_7 /* Unit price on the 24/7 line (null without one) */
    , pipeline.unit_price_vaccination_campaign::DOUBLE AS unit_price_vaccination_campaign /* Unit price on the Vaccination Campaign line (null without one) */
    , pipeline.unit_price_mental_health::DOUBLE AS unit_price_mental_health /* Unit price on the Stress Management & Well-Being line (null without one) */
    , pipeline.total_price_virtual_care::DOUBLE AS total_price_virtual_care /* Total price on the Virtual Care line (null without one) */
    , pipeline.total_price_24_7::DOUBLE AS total_price_24_7 /* Total price on the 24/7 line (null without one) */
    , pipeline.total_price_vaccination_campaign::DOUBLE AS total_price_vaccination_campaign /* Total price on the Vaccination Campaign line (null without one) */
    , pipeline.total_price_mental_health::DOUBLE AS total_price_mental_health /* Total price on the Stress Management & Well-Being line (null without one) */
    , pipeline.quantity_virtual_care::DOUBLE AS quantity_virtual_care /* Quantity on the Virtual Care line (null without one) */
    , pipeline.quantity_24_7::DOUBLE AS quantity_24_7 /* Quantity on the 24/7 line (null without one) */
    , pipeline.quantity_vaccination_campaign::DOUBLE AS quantity_vaccination_campaign /* Quantity on the Vaccination Campaign line (null without one) */
    , pipeline.quantity_mental_health::DOUBLE AS quantity_mental_health /* Quantity on the Stress Management & Well-Being line (null without one) */
    , pipeline.partner_contact_id::TEXT AS partner_contact_id /* Partner contact of the deal */
    , pipeline.partner_contact_name::TEXT AS partner_contact_name /* [PII] Name of the partner contact */
    , pipeline.partner_account_id::TEXT AS partner_account_id /* Partner account of the deal */
    , pipeline.partner_name::TEXT AS partner_name /* Name of the partner account */
    , pipeline.commission_rate_year_1::DOUBLE AS commission_rate_year_1 /* Partner commission rate in the first year, fraction */
    , pipeline.commission_rate_year_2::DOUBLE AS commission_rate_year_2 /* Partner commission rate in the second year, fraction */
    , pipeline.is_inbound::BOOLEAN AS is_inbound /* The account's source is an inbound lead source */
    , pipeline.sdr_name::TEXT AS sdr_name /* [PII] Name of the SDR */
    , pipeline.sdr_title::TEXT AS sdr_title /* Job title of the SDR */
    , pipeline.stage_name_this_month::TEXT AS stage_name_this_month /* Most advanced stage reached before the month start */
    , pipeline.is_first_month_in_pipeline::BOOLEAN AS is_first_month_in_pipeline /* The month right after the creation month */
    , pipeline.is_last_month_in_pipeline::BOOLEAN AS is_last_month_in_pipeline /* The close month (actual or expected) */
    , pipeline.mom_evolution::TEXT AS mom_evolution /* New, Closed Won, Closed Lost or Other */
    , (
        pipeline.amount * weights.probability
    )::DOUBLE AS amount_weighted /* Amount x the probability of winning from the stage (CAD; null for segment group N/A) */
    , (
        pipeline.amount * weights.sf_weight
    )::DOUBLE AS amount_sf_weighted /* Amount x the Salesforce stage weight (CAD) */
FROM pipeline
INNER JOIN weights
    ON pipeline.opportunity_id = weights.opportunity_id AND pipeline.date_month = weights.date_month
