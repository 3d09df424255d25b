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
        @salesforce_opportunity_columns()
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
    @salesforce_opportunity_columns(opportunities)
    , open_today.stage_name_this_month::TEXT AS stage_name_this_month /* Most advanced stage reached before today */
    , open_today.is_first_month_in_pipeline::BOOLEAN AS is_first_month_in_pipeline /* The month after the creation month is the current month */
    , open_today.is_last_month_in_pipeline::BOOLEAN AS is_last_month_in_pipeline /* The close month is the current month */
FROM open_today
INNER JOIN opportunities
    ON open_today.opportunity_id = opportunities.opportunity_id
