MODEL (
    name analytics.salesforce_pipeline_weighted_monthly,
    kind FULL,
    cron '0 7 * * *',
    owner analytics,
    grain (date_month, opportunity_id),
    tags (transform, salesforce, sales, pii),
    audits (
        unique_combination_of_columns(columns := (date_month, opportunity_id))
        , not_null(columns := (amount, segment_group, stage_name_this_month, amount_sf_weighted))
        , accepted_values(
            "column" := stage_name_this_month,
            is_in := ('Decide', 'Justify', 'Validate', 'Educate', 'Initiate', 'Meeting Booked')
        )
        , assert_salesforce_pipeline_weighted
    ),
    description 'The monthly pipeline (salesforce_pipeline_monthly: one row per UTC month and open direct opportunity) with two weighted amounts. amount_weighted = amount x the probability of winning from the stage reached that month: for segment group 500+ always the default probability of the seed salesforce_pipeline_probabilities_default for (segment group, stage); for the other groups the empirical probability_mrr_3_months of salesforce_pipeline_probabilities for the same segment group and stage, measured in the quarter two quarters before the quarter of the opportunity''s meeting date (the 2018-Q1 rates for meeting dates before 2018-06-01, a named constant), else the default; segment group N/A matches neither and stays null (audit assert_salesforce_pipeline_weighted). amount_sf_weighted = amount x the Salesforce stage weight (Decide 0.9, Justify 0.75, Validate 0.5, Educate 0.25, Initiate 0.1, Meeting Booked 0.01). FULL, rebuilt daily.'
);

@DEF(rate_fallback_before, '2018-06-01');

WITH pipeline AS (
    SELECT
        date_month
        , @salesforce_opportunity_columns()
        , stage_name_this_month
        , is_first_month_in_pipeline
        , is_last_month_in_pipeline
        , mom_evolution
    FROM analytics.salesforce_pipeline_monthly
), empirical AS (
    SELECT
        date_quarter
        , segment_group
        , stage_name
        , probability_mrr_3_months
    FROM analytics.salesforce_pipeline_probabilities
), defaults AS (
    SELECT
        segment_group
        , stage_name
        , probability
    FROM analytics.salesforce_pipeline_probabilities_default
), rate_quarters AS (
    SELECT
        opportunity_id
        , date_month
        , CASE
            WHEN @to_utc(meeting_date) < @rate_fallback_before::TIMESTAMP
            THEN '2018-01-01'::DATE
            ELSE (
                DATE_TRUNC('QUARTER', @to_utc(meeting_date)) - INTERVAL '6' MONTH
            )::DATE
        END AS rate_quarter
    FROM pipeline
), weights AS (
    SELECT
        pipeline.opportunity_id
        , pipeline.date_month
        , CASE
            WHEN pipeline.segment_group = '500+'
            THEN defaults.probability
            ELSE COALESCE(empirical.probability_mrr_3_months, defaults.probability)
        END AS probability
        , CASE pipeline.stage_name_this_month
            WHEN 'Decide'
            THEN 0.9
            WHEN 'Justify'
            THEN 0.75
            WHEN 'Validate'
            THEN 0.5
            WHEN 'Educate'
            THEN 0.25
            WHEN 'Initiate'
            THEN 0.1
            WHEN 'Meeting Booked'
            THEN 0.01
        END AS sf_weight
    FROM pipeline
    INNER JOIN rate_quarters
        ON pipeline.opportunity_id = rate_quarters.opportunity_id
        AND pipeline.date_month = rate_quarters.date_month
    LEFT JOIN defaults
        ON pipeline.segment_group = defaults.segment_group
        AND pipeline.stage_name_this_month = defaults.stage_name
    LEFT JOIN empirical
        ON pipeline.segment_group = empirical.segment_group
        AND pipeline.stage_name_this_month = empirical.stage_name
        AND rate_quarters.rate_quarter = empirical.date_quarter
)
SELECT
    pipeline.date_month::DATE AS date_month /* First day of the UTC month of the pipeline */
    , @salesforce_opportunity_columns(pipeline)
    , pipeline.stage_name_this_month::TEXT AS stage_name_this_month /* Most advanced stage reached before the month start */
    , pipeline.is_first_month_in_pipeline::BOOLEAN AS is_first_month_in_pipeline /* The month right after the creation month */
    , pipeline.is_last_month_in_pipeline::BOOLEAN AS is_last_month_in_pipeline /* The close month (actual or expected) */
    , pipeline.mom_evolution::TEXT AS mom_evolution /* New, Closed Won, Closed Lost or Other */
    , (
        pipeline.amount * weights.probability
    )::DOUBLE AS amount_weighted /* Amount x the probability of winning from the stage (CAD; null for segment group N/A) */
    , (
        pipeline.amount * weights.sf_weight
    )::DOUBLE AS amount_sf_weighted /* Amount x the Salesforce stage weight (CAD) */
FROM pipeline
INNER JOIN weights
    ON pipeline.opportunity_id = weights.opportunity_id AND pipeline.date_month = weights.date_month
