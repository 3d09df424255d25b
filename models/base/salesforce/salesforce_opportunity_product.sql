MODEL (
    name analytics.salesforce_opportunity_product,
    kind FULL,
    cron '0 7,18 * * *',
    owner analytics,
    grain (opportunity_id, product_id),
    tags (base, salesforce, sales),
    audits (
        unique_combination_of_columns(columns := (opportunity_id, product_id))
        , not_null(columns := (opportunity_product_id, opportunity_id, product_id))
    ),
    description 'One row per (opportunity, product): a product line of an opportunity (Segment cloud source salesforce, table opportunity_product); subtotal is the line''s MRR. Soft-deleted lines are dropped. The same product can be added twice to an opportunity: only the most recently created line per (opportunity_id, product_id) is kept (latest created_date, ties broken by the highest line id; the original broke ties arbitrarily). FULL: small cloud-source replica, rebuilt on every 07:00 and 18:00 UTC run. Differs from the original: its ranking column and the loader columns uuid_ts and bs_opportunity_product_po_1_c are not exposed.'
);

WITH lines AS (
    SELECT
        id
        , opportunity_id
        , product_2_id
        , quantity
        , list_price
        , unit_price
        , total_price
        , subtotal
        , name
        , description
        , pricebook_entry_id
        , service_date
        , created_date
        , created_by_id
        , last_modified_date
        , last_modified_by_id
        , system_modstamp
        , received_at
        , ROW_NUMBER() OVER (PARTITION BY opportunity_id, product_2_id ORDER BY created_date DESC, id DESC) AS line_rank
    FROM salesforce.opportunity_product
    WHERE
        NOT COALESCE(is_deleted, FALSE)
)
SELECT
    id::TEXT AS opportunity_product_id /* Salesforce opportunity product (line) id */
    , opportunity_id::TEXT AS opportunity_id /* The opportunity of the line */
    , product_2_id::TEXT AS product_id /* The product of the line */
    , quantity::DOUBLE AS quantity /* Quantity on the line */
    , list_price::DOUBLE AS list_price /* List price (CAD) */
    , unit_price::DOUBLE AS unit_price /* Unit price (CAD) */
    , total_price::DOUBLE AS total_price /* Total price of the line (CAD) */
    , subtotal::DOUBLE AS subtotal /* Subtotal of the line: its monthly recurring revenue (CAD) */
    , name::TEXT AS opportunity_product_name /* Name of the line (the product name) */
    , description::TEXT AS description /* Free description of the line */
    , pricebook_entry_id::TEXT AS pricebook_entry_id /* Salesforce price book entry of the line */
    , service_date::TIMESTAMPTZ AS service_date /* Service date of the line (UTC) */
    , created_date::TIMESTAMPTZ AS created_date /* When the line was created (UTC) */
    , created_by_id::TEXT AS created_by_id /* Salesforce user who created the line */
    , last_modified_date::TIMESTAMPTZ AS last_modified_date /* When the line was last modified (UTC) */
    , last_modified_by_id::TEXT AS last_modified_by_id /* Salesforce user who last modified the line */
    , system_modstamp::TIMESTAMPTZ AS system_modstamp /* Salesforce system modification time (UTC) */
    , received_at::TIMESTAMPTZ AS received_at /* When the Segment cloud source delivered the record (UTC) */
FROM lines
WHERE
    line_rank = 1
