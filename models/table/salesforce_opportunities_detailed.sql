MODEL (
    name analytics.salesforce_opportunities_detailed,
    kind FULL,
    cron '0 7,18 * * *',
    owner analytics,
    grain opportunity_id,
    tags (table, salesforce, sales, pii),
    audits (
        unique_values(columns := (
            opportunity_id
        ))
        , not_null(columns := (opportunity_id, owner_name, account_name, product_ids, product_names, is_inbound))
    ),
    description 'One row per Salesforce opportunity with its owner, account, products, partner and SDR. Opportunities whose account or owner does not exist are dropped (inner joins). province and country are the account''s billing state and country codes, else the owner''s. is_inbound: the account''s account_source (not the opportunity''s lead source) is one of the inbound lead sources of the seed. Products come from the opportunity''s product lines; an opportunity without product lines counts as Virtual Care only. product_ids and product_names list them comma-separated, both ordered by product name; includes_24_7, includes_vaccination_campaign, includes_mental_health (Stress Management & Well-Being, the mental-health offer) and includes_virtual_care flag that list, and the 16 pivot columns give list_price, unit_price, total_price and quantity of the line of each of these four products (null without one). Partner: the partner contact (partner_individual_id) and partner account (partner_id) with its commission rates (fractions). SDR: the user of sdr_id. FULL: small, rebuilt on every 07:00 and 18:00 UTC run. Differs from the original: the product pivot matches product names instead of four hard-coded production product ids, and the product lists are comma-separated text ordered by name (the original''s two arrays were sorted differently, by id and by name).'
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
    FROM analytics.salesforce_opportunities
), users AS (
    SELECT
        user_id
        , user_name
        , title
        , province
        , country_code
        , started_date
    FROM analytics.salesforce_users
), accounts AS (
    SELECT
        account_id
        , account_name
        , industry
        , billing_state_code
        , billing_country_code
        , account_source
        , commission_rate_year_1
        , commission_rate_year_2
    FROM analytics.salesforce_accounts
), contacts AS (
    SELECT
        contact_id
        , contact_name
    FROM analytics.salesforce_contacts
), inbound_sources AS (
    SELECT
        lead_source
    FROM analytics.salesforce_inbound_lead_sources
), lines AS (
    SELECT
        opportunity_id
        , product_id
        , product_name
        , list_price
        , unit_price
        , total_price
        , quantity
    FROM analytics.salesforce_opportunity_product_detailed
), virtual_care AS (
    SELECT
        MIN(product_id) AS product_id
    FROM analytics.salesforce_products
    WHERE
        product_name = 'Virtual Care'
), line_products AS (
    SELECT
        opportunity_id
        , @ordered_string_agg(product_id, ',', product_name, product_id) AS product_ids
        , @ordered_string_agg(product_name, ',', product_name, product_id) AS product_names
        , BOOL_OR(CAST(product_name = '24/7' AS BOOLEAN)) AS includes_24_7
        , BOOL_OR(CAST(product_name = 'Vaccination Campaign' AS BOOLEAN)) AS includes_vaccination_campaign
        , BOOL_OR(CAST(product_name = 'Stress Management & Well-Being' AS BOOLEAN)) AS includes_mental_health
        , BOOL_OR(CAST(product_name = 'Virtual Care' AS BOOLEAN)) AS includes_virtual_care
        , MAX(CASE WHEN product_name = 'Virtual Care' THEN list_price END) AS list_price_virtual_care
        , MAX(CASE WHEN product_name = '24/7' THEN list_price END) AS list_price_24_7
        , MAX(CASE WHEN product_name = 'Vaccination Campaign' THEN list_price END) AS list_price_vaccination_campaign
        , MAX(CASE WHEN product_name = 'Stress Management & Well-Being' THEN list_price END) AS list_price_mental_health
        , MAX(CASE WHEN product_name = 'Virtual Care' THEN unit_price END) AS unit_price_virtual_care
        , MAX(CASE WHEN product_name = '24/7' THEN unit_price END) AS unit_price_24_7
        , MAX(CASE WHEN product_name = 'Vaccination Campaign' THEN unit_price END) AS unit_price_vaccination_campaign
        , MAX(CASE WHEN product_name = 'Stress Management & Well-Being' THEN unit_price END) AS unit_price_mental_health
        , MAX(CASE WHEN product_name = 'Virtual Care' THEN total_price END) AS total_price_virtual_care
        , MAX(CASE WHEN product_name = '24/7' THEN total_price END) AS total_price_24_7
        , MAX(CASE WHEN product_name = 'Vaccination Campaign' THEN total_price END) AS total_price_vaccination_campaign
        , MAX(CASE WHEN product_name = 'Stress Management & Well-Being' THEN total_price END) AS total_price_mental_health
        , MAX(CASE WHEN product_name = 'Virtual Care' THEN quantity END) AS quantity_virtual_care
        , MAX(CASE WHEN product_name = '24/7' THEN quantity END) AS quantity_24_7
        , MAX(CASE WHEN product_name = 'Vaccination Campaign' THEN quantity END) AS quantity_vaccination_campaign
        , MAX(CASE WHEN product_name = 'Stress Management & Well-Being' THEN quantity END) AS quantity_mental_health
    FROM lines
    GROUP BY
        opportunity_id
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
    , owners.user_name::TEXT AS owner_name /* [PII] Name of the opportunity owner */
    , owners.title::TEXT AS owner_title /* Job title of the owner */
    , owners.province::TEXT AS owner_province /* Province code of the owner */
    , owners.started_date::TIMESTAMPTZ AS owner_started_date /* When the owner started in Salesforce (UTC) */
    , accounts.industry::TEXT AS industry /* Industry of the account */
    , accounts.account_name::TEXT AS account_name /* Name of the account */
    , COALESCE(accounts.billing_state_code, owners.province)::TEXT AS province /* Account billing province code, else the owner's */
    , COALESCE(accounts.billing_country_code, owners.country_code)::TEXT AS country /* Account billing country code, else the owner's */
    , COALESCE(products.product_ids, virtual_care.product_id)::TEXT AS product_ids /* Product ids of the opportunity, comma-separated, ordered by product name (Virtual Care without lines) */
    , COALESCE(products.product_names, 'Virtual Care')::TEXT AS product_names /* Product names of the opportunity, comma-separated, ordered by name (Virtual Care without lines) */
    , COALESCE(products.includes_24_7, FALSE)::BOOLEAN AS includes_24_7 /* The opportunity includes 24/7 */
    , COALESCE(products.includes_vaccination_campaign, FALSE)::BOOLEAN AS includes_vaccination_campaign /* The opportunity includes a Vaccination Campaign */
    , COALESCE(products.includes_mental_health, FALSE)::BOOLEAN AS includes_mental_health /* The opportunity includes Stress Management & Well-Being (mental health) */
    , COALESCE(products.includes_virtual_care, TRUE)::BOOLEAN AS includes_virtual_care /* The opportunity includes Virtual Care (true without product lines) */
    , products.list_price_virtual_care::DOUBLE AS list_price_virtual_care /* List price on the Virtual Care line (null without one) */
    , products.list_price_24_7::DOUBLE AS list_price_24_7 /* List price on the 24/7 line (null without one) */
    , products.list_price_vaccination_campaign::DOUBLE AS list_price_vaccination_campaign /* List price on the Vaccination Campaign line (null without one) */
    , products.list_price_mental_health::DOUBLE AS list_price_mental_health /* List price on the Stress Management & Well-Being line (null without one) */
    , products.unit_price_virtual_care::DOUBLE AS unit_price_virtual_care /* Unit price on the Virtual Care line (null without one) */
    , products.unit_price_24_7::DOUBLE AS unit_price_24_7 /* Unit price on the 24/7 line (null without one) */
    , products.unit_price_vaccination_campaign::DOUBLE AS unit_price_vaccination_campaign /* Unit price on the Vaccination Campaign line (null without one) */
    , products.unit_price_mental_health::DOUBLE AS unit_price_mental_health /* Unit price on the Stress Management & Well-Being line (null without one) */
    , products.total_price_virtual_care::DOUBLE AS total_price_virtual_care /* Total price on the Virtual Care line (null without one) */
    , products.total_price_24_7::DOUBLE AS total_price_24_7 /* Total price on the 24/7 line (null without one) */
    , products.total_price_vaccination_campaign::DOUBLE AS total_price_vaccination_campaign /* Total price on the Vaccination Campaign line (null without one) */
    , products.total_price_mental_health::DOUBLE AS total_price_mental_health /* Total price on the Stress Management & Well-Being line (null without one) */
    , products.quantity_virtual_care::DOUBLE AS quantity_virtual_care /* Quantity on the Virtual Care line (null without one) */
    , products.quantity_24_7::DOUBLE AS quantity_24_7 /* Quantity on the 24/7 line (null without one) */
    , products.quantity_vaccination_campaign::DOUBLE AS quantity_vaccination_campaign /* Quantity on the Vaccination Campaign line (null without one) */
    , products.quantity_mental_health::DOUBLE AS quantity_mental_health /* Quantity on the Stress Management & Well-Being line (null without one) */
    , partner_contacts.contact_id::TEXT AS partner_contact_id /* Partner contact of the deal */
    , partner_contacts.contact_name::TEXT AS partner_contact_name /* [PII] Name of the partner contact */
    , partners.account_id::TEXT AS partner_account_id /* Partner account of the deal */
    , partners.account_name::TEXT AS partner_name /* Name of the partner account */
    , partners.commission_rate_year_1::DOUBLE AS commission_rate_year_1 /* Partner commission rate in the first year, fraction */
    , partners.commission_rate_year_2::DOUBLE AS commission_rate_year_2 /* Partner commission rate in the second year, fraction */
    , (
        NOT inbound_sources.lead_source IS NULL
    )::BOOLEAN AS is_inbound /* The account's source is an inbound lead source */
    , sdrs.user_name::TEXT AS sdr_name /* [PII] Name of the SDR */
    , sdrs.title::TEXT AS sdr_title /* Job title of the SDR */
FROM opportunities
INNER JOIN accounts
    ON opportunities.account_id = accounts.account_id
INNER JOIN users AS owners
    ON opportunities.owner_id = owners.user_id
CROSS JOIN virtual_care
LEFT JOIN line_products AS products
    ON opportunities.opportunity_id = products.opportunity_id
LEFT JOIN contacts AS partner_contacts
    ON opportunities.partner_individual_id = partner_contacts.contact_id
LEFT JOIN accounts AS partners
    ON opportunities.partner_id = partners.account_id
LEFT JOIN users AS sdrs
    ON opportunities.sdr_id = sdrs.user_id
LEFT JOIN inbound_sources
    ON accounts.account_source = inbound_sources.lead_source
