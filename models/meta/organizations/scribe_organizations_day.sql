MODEL (
    name analytics.scribe_organizations_day,
    kind FULL,
    cron '0 7 * * *',
    owner analytics,
    grain (organization_id, date_day),
    tags (meta, organizations, membership),
    audits (
        unique_combination_of_columns(columns := (organization_id, date_day))
        , not_null(
            columns := (organization_id, date_day, date_month, day_start, day_end, charge_strategy, charge_price, is_paid)
        )
        , accepted_values("column" := charge_strategy, is_in := ('free', 'fixed', 'dynamic', 'auto_dynamic'))
    ),
    description 'One row per organization (scribe_organizations_detailed) per UTC day, from the first day of its billing-start month (never before 2016-09-01) to the last day of the month of the run''s execution time, with the organization''s current pricing. day_start / day_end are the half-open UTC day (they replace the original one-day range). FULL: a calendar expansion of a small dimension that changes in place, rebuilt once a day by the 07:00 UTC run (day-grain series: its consumers are daily marts, and the 18:00 run stays a half-day''s work); the current month runs to its end so month-level MRR can be read before the month closes.'
);

WITH organizations AS (
    SELECT
        organization_id
        , billing_start_date
        , charge_strategy
        , charge_price
        , charge_price_mental_health
        , charge_price_24_7
        , is_paid
    FROM analytics.scribe_organizations_detailed
), day_offsets AS (
    SELECT
        n AS day_offset
    FROM @number_series(10000) AS series
), days AS (
    SELECT
        '2016-09-01'::DATE + day_offset AS date_day
    FROM day_offsets
    WHERE
        '2016-09-01'::DATE + day_offset <= (
            DATE_TRUNC('MONTH', @execution_ds::DATE) + INTERVAL '1' MONTH - INTERVAL '1' DAY
        )::DATE
), organization_days AS (
    SELECT
        organizations.organization_id
        , days.date_day
        , organizations.billing_start_date
        , organizations.charge_strategy
        , organizations.charge_price
        , organizations.charge_price_mental_health
        , organizations.charge_price_24_7
        , organizations.is_paid
    FROM organizations
    INNER JOIN days
        ON days.date_day >= DATE_TRUNC('MONTH', organizations.billing_start_date)::DATE
)
SELECT
    organization_id::BIGINT AS organization_id /* Scribe organization id */
    , date_day::DATE AS date_day /* UTC day */
    , DATE_TRUNC('MONTH', date_day)::DATE AS date_month /* First day of the month of date_day */
    , date_day::TIMESTAMPTZ AS day_start /* Start of the UTC day, inclusive */
    , (
        date_day + 1
    )::TIMESTAMPTZ AS day_end /* End of the UTC day, exclusive (next midnight UTC) */
    , billing_start_date::DATE AS billing_start_date /* First billed day of the organization */
    , charge_strategy::TEXT AS charge_strategy /* free, fixed, dynamic or auto_dynamic */
    , charge_price::DOUBLE AS charge_price /* Effective price, CAD */
    , charge_price_mental_health::DOUBLE AS charge_price_mental_health /* Mental-health add-on price per employee per month, CAD */
    , charge_price_24_7::DOUBLE AS charge_price_24_7 /* 24/7 uplift embedded in the price, CAD */
    , is_paid::BOOLEAN AS is_paid /* The organization pays (price not 0) */
FROM organization_days
