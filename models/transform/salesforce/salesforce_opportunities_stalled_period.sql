MODEL (
    name analytics.salesforce_opportunities_stalled_period,
    kind FULL,
    cron '0 7 * * *',
    owner analytics,
    grain (opportunity_id, stalled_start),
    tags (transform, salesforce, sales),
    audits (
        unique_combination_of_columns(columns := (opportunity_id, stalled_start))
        , not_null(columns := (opportunity_id, stalled_start, stalled_end))
    ),
    description 'One row per stalled spell of an opportunity: with its stage history ordered by time, every change to Stalled or Long Term opens a spell [stalled_start, stalled_end) that lasts until the opportunity''s next stage change (any stage), or forever (9999-12-31 23:59:59.999999 UTC) when it is the last change. FULL, rebuilt daily. Differs from the original: the half-open range is two columns (stalled_start inclusive, stalled_end exclusive) instead of a tstzrange.'
);

WITH history AS (
    SELECT
        opportunity_history_id
        , opportunity_id
        , stage_name
        , created_date
        , LEAD(created_date) OVER (PARTITION BY opportunity_id ORDER BY created_date, opportunity_history_id) AS next_change_date
    FROM analytics.salesforce_opportunity_history
)
SELECT
    opportunity_id::TEXT AS opportunity_id /* Salesforce opportunity id */
    , created_date::TIMESTAMPTZ AS stalled_start /* When the opportunity went to Stalled or Long Term (UTC, inclusive) */
    , COALESCE(next_change_date, '9999-12-31 23:59:59.999999+00'::TIMESTAMPTZ)::TIMESTAMPTZ AS stalled_end /* Its next stage change (UTC, exclusive); 9999-12-31 when still stalled */
FROM history
WHERE
    stage_name IN ('Stalled', 'Long Term')
