MODEL (
    name analytics.@{model_name},
    kind FULL,
    cron '0 7 * * *',
    owner analytics,
    grain (opportunity_id, @{step_number}),
    tags (transform, salesforce, sales, pii),
    audits (
        unique_combination_of_columns(columns := (opportunity_id, @{step_number}))
        , not_null(columns := (opportunity_id, @{step_start}, is_closed_won_cohort, @{step_number}))
    ),
    description @description,
    blueprints (
        (
            model_name := salesforce_opportunities_direct_cohort
            , step_months := 1
            , step_start := month_start
            , step_number := month_since_first_meeting
            , description := 'One row per direct opportunity (salesforce_opportunities_detailed_direct) and month since its first meeting: month_start is the back-filled meeting date plus 0, 1, 2, ... months (UTC, not aligned on calendar months) while it is before the run day minus 1 month; month_since_first_meeting numbers them 1, 2, ...; is_closed_won_cohort: the opportunity was won (close_won_date) before month_start + 1 month (false when never won). The cohort view of conversion: the share of first meetings won within n months. FULL, rebuilt daily (depends on the run day). Differs from the original: month_start is a naive UTC timestamp (month arithmetic in UTC on every engine). One file with salesforce_opps_direct_cohort_quarterly (a blueprint per step: 1 or 3 months).'
        )
        , (
            model_name := salesforce_opps_direct_cohort_quarterly
            , step_months := 3
            , step_start := quarter_start
            , step_number := quarters_since_first_meeting
            , description := 'One row per direct opportunity (salesforce_opportunities_detailed_direct) and quarter since its first meeting: quarter_start is the back-filled meeting date plus 0, 3, 6, ... months (UTC, not aligned on calendar months) while it is before the run day minus 3 months; quarters_since_first_meeting numbers them 1, 2, ...; is_closed_won_cohort: the opportunity was won (close_won_date) before quarter_start + 3 months (false when never won). The cohort view of conversion: the share of first meetings won within n quarters. FULL, rebuilt daily (depends on the run day). Differs from the original: the model is named salesforce_opps_direct_cohort_quarterly (the original salesforce_opportunities_direct_cohort_quarterly exceeds the Postgres-safe name length of 46 characters), and quarter_start is a naive UTC timestamp (month arithmetic in UTC on every engine). One file with salesforce_opportunities_direct_cohort (a blueprint per step: 1 or 3 months).'
        )
    )
);

WITH opportunities AS (
    SELECT
        @salesforce_opportunity_columns()
    FROM analytics.salesforce_opportunities_detailed_direct
), steps AS (
    SELECT
        n AS step
    FROM @number_series(1000) AS series
), cohort AS (
    SELECT
        opportunities.opportunity_id
        , steps.step + 1 AS @{step_number}
        , @to_utc(opportunities.meeting_date) + steps.step * @step_months * INTERVAL '1' MONTH AS @{step_start}
    FROM opportunities
    CROSS JOIN steps
    WHERE
        @to_utc(opportunities.meeting_date) + steps.step * @step_months * INTERVAL '1' MONTH < @execution_ds::DATE - @step_months * INTERVAL '1' MONTH
)
SELECT
    @salesforce_opportunity_columns(opportunities)
    , cohort.@{step_start}::TIMESTAMP AS @{step_start} /* Start of the period (a month or a quarter, per model): meeting date + one period per step (naive UTC) */
    , COALESCE(
        @to_utc(opportunities.close_won_date) < cohort.@{step_start} + @step_months * INTERVAL '1' MONTH,
        FALSE
    )::BOOLEAN AS is_closed_won_cohort /* Won before the end of this period */
    , cohort.@{step_number}::INT AS @{step_number} /* 1 for the first period after the first meeting, 2 for the next, ... */
FROM cohort
INNER JOIN opportunities
    ON cohort.opportunity_id = opportunities.opportunity_id
