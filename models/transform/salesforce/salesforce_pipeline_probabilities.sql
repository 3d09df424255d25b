MODEL (
    name analytics.salesforce_pipeline_probabilities,
    kind FULL,
    cron '0 7 * * *',
    owner analytics,
    grain (date_quarter, segment_group, stage_name),
    tags (transform, salesforce, sales),
    audits (
        unique_combination_of_columns(columns := (date_quarter, segment_group, stage_name))
        , not_null(columns := (date_quarter, segment_group, stage_name, probability_opp_3_months, opportunities_count))
        , accepted_values(
            "column" := stage_name,
            is_in := ('Meeting Booked', 'Initiate', 'Educate', 'Validate', 'Justify', 'Decide')
        )
    ),
    description 'Empirical three-month conversion rates: one row per quarter in which opportunities entered a stage, segment group and stage. For each stage (Meeting Booked by meeting_date, then Initiate, Educate, Validate, Justify, Decide by their back-filled dates) over the opportunities of every channel (salesforce_opportunities_detailed) whose stage date is known, on or after 2018-01-01 (the rate floor, a named constant) and more than 90 days before the run: probability_opp_3_months is the share won with a close date before the stage date + 90 days; probability_mrr_3_months the same share weighted by amount (null when the group''s amount is 0); opportunities_count the number of opportunities; percentile_closed_3_months a constant correction factor per segment group (1/0.85 for 1-99, 1/0.6 for 100-499, 1/0.55 for 500+, null for N/A; unused downstream, kept from the original). FULL, rebuilt daily (depends on the run time).'
);

@DEF(rate_floor, '2018-01-01');

WITH opportunities AS (
    SELECT
        opportunity_id
        , meeting_date
        , initiate_date
        , educate_date
        , validate_date
        , justify_date
        , decide_date
        , segment_group
        , amount
        , is_won
        , close_date
    FROM analytics.salesforce_opportunities_detailed
), stage_entries AS (
    SELECT
        opportunity_id
        , 'Meeting Booked' AS stage_name
        , meeting_date AS stage_date
        , segment_group
        , amount
        , is_won
        , close_date
    FROM opportunities
    WHERE
        NOT meeting_date IS NULL
    UNION ALL
    SELECT
        opportunity_id
        , 'Initiate' AS stage_name
        , initiate_date AS stage_date
        , segment_group
        , amount
        , is_won
        , close_date
    FROM opportunities
    WHERE
        NOT initiate_date IS NULL
    UNION ALL
    SELECT
        opportunity_id
        , 'Educate' AS stage_name
        , educate_date AS stage_date
        , segment_group
        , amount
        , is_won
        , close_date
    FROM opportunities
    WHERE
        NOT educate_date IS NULL
    UNION ALL
    SELECT
        opportunity_id
        , 'Validate' AS stage_name
        , validate_date AS stage_date
        , segment_group
        , amount
        , is_won
        , close_date
    FROM opportunities
    WHERE
        NOT validate_date IS NULL
    UNION ALL
    SELECT
        opportunity_id
        , 'Justify' AS stage_name
        , justify_date AS stage_date
        , segment_group
        , amount
        , is_won
        , close_date
    FROM opportunities
    WHERE
        NOT justify_date IS NULL
    UNION ALL
    SELECT
        opportunity_id
        , 'Decide' AS stage_name
        , decide_date AS stage_date
        , segment_group
        , amount
        , is_won
        , close_date
    FROM opportunities
    WHERE
        NOT decide_date IS NULL
), eligible AS (
    SELECT
        DATE_TRUNC('QUARTER', @to_utc(stage_date))::DATE AS date_quarter
        , segment_group
        , stage_name
        , amount
        , is_won AND close_date < stage_date + INTERVAL '90' DAY AS is_won_3_months
    FROM stage_entries
    WHERE
        @to_utc(stage_date) >= @rate_floor::TIMESTAMP
        AND stage_date < @execution_tstz::TIMESTAMPTZ - INTERVAL '90' DAY
)
SELECT
    date_quarter::DATE AS date_quarter /* First day of the UTC quarter in which the opportunities entered the stage */
    , segment_group::TEXT AS segment_group /* Company-size band of the opportunities: 1-99, 100-499, 500+, N/A */
    , CASE segment_group
        WHEN '1-99'
        THEN @decimal_as_double(1) / 0.85
        WHEN '100-499'
        THEN @decimal_as_double(1) / 0.6
        WHEN '500+'
        THEN @decimal_as_double(1) / 0.55
    END::DOUBLE AS percentile_closed_3_months /* Constant correction factor of the segment group (unused downstream) */
    , stage_name::TEXT AS stage_name /* Stage entered: Meeting Booked, Initiate, Educate, Validate, Justify, Decide */
    , AVG(@decimal_as_double(CASE WHEN is_won_3_months THEN 1.0 ELSE 0.0 END))::DOUBLE AS probability_opp_3_months /* Share of the opportunities won within 90 days of entering the stage */
    , (
        SUM(CASE WHEN is_won_3_months THEN amount ELSE 0 END) / NULLIF(SUM(amount), 0)
    )::DOUBLE AS probability_mrr_3_months /* Same share weighted by amount (null when the amounts sum to 0) */
    , COUNT(*)::INT AS opportunities_count /* Opportunities that entered the stage in the quarter */
FROM eligible
GROUP BY
    date_quarter
    , segment_group
    , stage_name
