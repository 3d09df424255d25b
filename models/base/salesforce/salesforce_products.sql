MODEL (
    name analytics.salesforce_products,
    kind FULL,
    cron '0 7,18 * * *',
    owner analytics,
    grain product_id,
    tags (base, salesforce, sales),
    audits (
        unique_values(columns := (product_id, product_name))
        , not_null(columns := (product_id, product_name))
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
    description 'One row per Salesforce product Dialogue sells (Segment cloud source salesforce, table products): Virtual Care, 24/7, Stress Management & Well-Being, ... Soft-deleted products are dropped. FULL: tiny cloud-source replica, rebuilt on every 07:00 and 18:00 UTC run.'
);

WITH products AS (
    SELECT
        id
        , name
    FROM salesforce.products
    WHERE
        NOT COALESCE(is_deleted, FALSE)
)
SELECT
    id::TEXT AS product_id /* Salesforce product id */
    , name::TEXT AS product_name /* Product name (Virtual Care, 24/7, Stress Management & Well-Being, ...) */
FROM products
