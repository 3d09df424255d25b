MODEL (
    name analytics.salesforce_opportunity_product_detailed,
    kind FULL,
    cron '0 7,18 * * *',
    owner analytics,
    grain opportunity_product_id,
    tags (table, salesforce, sales),
    audits (
        unique_values(columns := (
            opportunity_product_id
        ))
        , not_null(columns := (opportunity_product_id, product_id, opportunity_id, product_name))
        , accepted_values(
            "column" := product_name,
            is_in := (
                '24/7'
                , 'Stress Management & Well-Being'
                , 'Virtual Care'
                , 'Vaccination Campaign'
                , 'Family Plan'
                , 'Individual Plan'
                , 'Pharmacogenetics'
                , 'EHS basic care I'
                , 'EHS basic care II'
                , 'EHS basic care III'
            )
        )
    ),
    description 'One row per opportunity product line (the latest line per opportunity and product), with its product name and its opportunity''s name, won flag and close date. Lines whose product or opportunity is missing or deleted drop out (inner joins). FULL: small, rebuilt on every 07:00 and 18:00 UTC run. Differs from the original: the accepted product names are the full list of ten products (the original''s audit omitted Vaccination Campaign, Family Plan and Individual Plan, valid products the opportunity model pivots).'
);

WITH lines AS (
    SELECT
        opportunity_product_id
        , opportunity_id
        , product_id
        , quantity
        , list_price
        , unit_price
        , total_price
        , subtotal
        , opportunity_product_name
        , description
        , pricebook_entry_id
        , service_date
        , created_date
        , created_by_id
        , last_modified_date
        , last_modified_by_id
        , system_modstamp
        , received_at
    FROM analytics.salesforce_opportunity_product
), products AS (
    SELECT
        product_id
        , product_name
    FROM analytics.salesforce_products
), opportunities AS (
    SELECT
        opportunity_id
        , opportunity_name
        , is_won
        , close_date
    FROM analytics.salesforce_opportunities
)
SELECT
    lines.opportunity_product_id::TEXT AS opportunity_product_id /* Salesforce opportunity product (line) id */
    , lines.opportunity_id::TEXT AS opportunity_id /* The opportunity of the line */
    , lines.product_id::TEXT AS product_id /* The product of the line */
    , lines.quantity::DOUBLE AS quantity /* Quantity on the line */
    , lines.list_price::DOUBLE AS list_price /* List price (CAD) */
    , lines.unit_price::DOUBLE AS unit_price /* Unit price (CAD) */
    , lines.total_price::DOUBLE AS total_price /* Total price of the line (CAD) */
    , lines.subtotal::DOUBLE AS subtotal /* Subtotal of the line: its monthly recurring revenue (CAD) */
    , lines.opportunity_product_name::TEXT AS opportunity_product_name /* Name of the line */
    , lines.description::TEXT AS description /* Free description of the line */
    , lines.pricebook_entry_id::TEXT AS pricebook_entry_id /* Salesforce price book entry of the line */
    , lines.service_date::TIMESTAMPTZ AS service_date /* Service date of the line (UTC) */
    , lines.created_date::TIMESTAMPTZ AS created_date /* When the line was created (UTC) */
    , lines.created_by_id::TEXT AS created_by_id /* Salesforce user who created the line */
    , lines.last_modified_date::TIMESTAMPTZ AS last_modified_date /* When the line was last modified (UTC) */
    , lines.last_modified_by_id::TEXT AS last_modified_by_id /* Salesforce user who last modified the line */
    , lines.system_modstamp::TIMESTAMPTZ AS system_modstamp /* Salesforce system modification time (UTC) */
    , lines.received_at::TIMESTAMPTZ AS received_at /* When the Segment cloud source delivered the record (UTC) */
    , products.product_name::TEXT AS product_name /* Name of the product */
    , opportunities.opportunity_name::TEXT AS opportunity_name /* Name of the opportunity */
    , opportunities.is_won::BOOLEAN AS is_won /* The opportunity is won */
    , opportunities.close_date::TIMESTAMPTZ AS close_date /* Close date of the opportunity (midnight UTC) */
FROM lines
INNER JOIN products
    ON lines.product_id = products.product_id
INNER JOIN opportunities
    ON lines.opportunity_id = opportunities.opportunity_id
