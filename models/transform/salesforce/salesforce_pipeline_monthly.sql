MODEL (
    name analytics.salesforce_pipeline_monthly,
    kind FULL,
    cron '0 7 * * *',
    owner analytics,
    grain (date_month, opportunity_id),
    tags (transform, salesforce, sales, pii),
    audits (
        unique_combination_of_columns(columns := (date_month, opportunity_id))
        , not_null(columns := (date_month, opportunity_id, stage_name_this_month, mom_evolution))
        , accepted_values(
            "column" := stage_name_this_month,
            is_in := ('Decide', 'Justify', 'Validate', 'Educate', 'Initiate', 'Meeting Booked')
        )
    ),
    description 'One row per UTC month (up to the month of the run) and direct opportunity (salesforce_opportunities_detailed_direct) in the pipeline that month: open on the month''s first day (created_date <= month start < close_date, the actual or expected close) and not inside one of its stalled spells (salesforce_opportunities_stalled_period) at the month start. stage_name_this_month is the most advanced stage whose back-filled date is before the month start (Decide, Justify, Validate, Educate, Initiate, else Meeting Booked); is_first_month_in_pipeline: the month right after the creation month; is_last_month_in_pipeline: the close month; mom_evolution is New (first month), else Closed Won (close month, won), else Closed Lost (close month, not won), else Other. FULL, rebuilt daily: opportunities change in place.'
);

WITH months AS (
    SELECT
        date_month
        , month_start
    FROM analytics.dimension_months
), opportunities AS (
    SELECT
        @salesforce_opportunity_columns()
    FROM analytics.salesforce_opportunities_detailed_direct
), stalled AS (
    SELECT
        opportunity_id
        , stalled_start
        , stalled_end
    FROM analytics.salesforce_opportunities_stalled_period
), pipeline AS (
    SELECT
        months.date_month
        , months.month_start
        , opportunities.opportunity_id
    FROM months
    INNER JOIN opportunities
        ON @to_utc(opportunities.created_date) <= months.month_start
        AND months.month_start < @to_utc(opportunities.close_date)
    WHERE
        NOT EXISTS(
            SELECT
                1
            FROM stalled
            WHERE
                stalled.opportunity_id = opportunities.opportunity_id
                AND @to_utc(stalled.stalled_start) <= months.month_start
                AND months.month_start < @to_utc(stalled.stalled_end)
        )
), flagged AS (
    SELECT
        pipeline.date_month
        , pipeline.opportunity_id
        , CASE
            WHEN @to_utc(opportunities.decide_date) < pipeline.month_start
            THEN 'Decide'
            WHEN @to_utc(opportunities.justify_date) < pipeline.month_start
            THEN 'Justify'
            WHEN @to_utc(opportunities.validate_date) < pipeline.month_start
            THEN 'Validate'
            WHEN @to_utc(opportunities.educate_date) < pipeline.month_start
            THEN 'Educate'
            WHEN @to_utc(opportunities.initiate_date) < pipeline.month_start
            THEN 'Initiate'
            ELSE 'Meeting Booked'
        END AS stage_name_this_month
        , pipeline.date_month = (
            DATE_TRUNC('MONTH', @to_utc(opportunities.created_date)) + INTERVAL '1' MONTH
        )::DATE AS is_first_month_in_pipeline
        , pipeline.date_month = DATE_TRUNC('MONTH', @to_utc(opportunities.close_date))::DATE AS is_last_month_in_pipeline
    FROM pipeline
    INNER JOIN opportunities
        ON pipeline.opportunity_id = opportunities.opportunity_id
)
SELECT
    flagged.date_month::DATE AS date_month /* First day of the UTC month of the pipeline */
    , @salesforce_opportunity_columns(opportunities)
    , flagged.stage_name_this_month::TEXT AS stage_name_this_month /* Most advanced stage reached before the month start */
    , flagged.is_first_month_in_pipeline::BOOLEAN AS is_first_month_in_pipeline /* The month right after the creation month */
    , flagged.is_last_month_in_pipeline::BOOLEAN AS is_last_month_in_pipeline /* The close month (actual or expected) */
    , CASE
        WHEN flagged.is_first_month_in_pipeline
        THEN 'New'
        WHEN flagged.is_last_month_in_pipeline AND opportunities.is_won
        THEN 'Closed Won'
        WHEN flagged.is_last_month_in_pipeline
        THEN 'Closed Lost'
        ELSE 'Other'
    END::TEXT AS mom_evolution /* New, Closed Won, Closed Lost or Other */
FROM flagged
INNER JOIN opportunities
    ON flagged.opportunity_id = opportunities.opportunity_id
