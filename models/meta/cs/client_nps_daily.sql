MODEL (
    name analytics.client_nps_daily,
    kind FULL,
    cron '0 7 * * *',
    owner analytics,
    grain (organization_id, date_day),
    tags (meta, cs, client, nps),
    audits (
        unique_combination_of_columns(columns := (date_day, organization_id))
        , not_null(columns := (date_day, organization_id))
        , assert_cumulative_never_decreases_per_group(
            columns := (
                survey_count_cum
                , survey_sum_cum
                , survey_promoter_count_cum
                , survey_passive_count_cum
                , survey_detractor_count_cum
            ),
            partition_by := (
                organization_id
            ),
            order_by := date_day
        )
        , forall(
            criteria := (
                survey_count_cum = survey_promoter_count_cum + survey_passive_count_cum + survey_detractor_count_cum
                , survey_avg_cum BETWEEN 0 AND 10
            )
        )
    ),
    description 'Cumulative patient NPS of each client organization per day since its billing start (spine client_organization_days): the responses of nps_patient_survey per organization and UTC day of the response, each response counted once per organization (the original counted a response listed under two contracts twice), then running totals over the organization''s days in order: survey_count_cum (responses), survey_sum_cum (sum of scores), survey_avg_cum = survey_sum_cum / survey_count_cum, and the running counts of promoters, passives and detractors. Every running total is null until the organization''s first response. FULL, rebuilt by the daily 07:00 UTC run.'
);

WITH organization_days AS (
    SELECT
        organization_id
        , date_day
    FROM analytics.client_organization_days
), responses AS (
    SELECT DISTINCT
        organization_id
        , survey_id
        , @to_utc("timestamp")::DATE AS date_day
        , score
        , category
    FROM analytics.nps_patient_survey
    WHERE
        NOT organization_id IS NULL
), daily AS (
    SELECT
        organization_id
        , date_day
        , COUNT(*) AS survey_count
        , SUM(score) AS survey_sum
        , COUNT(CASE WHEN category = 'promoter' THEN 1 END) AS promoter_count
        , COUNT(CASE WHEN category = 'passive' THEN 1 END) AS passive_count
        , COUNT(CASE WHEN category = 'detractor' THEN 1 END) AS detractor_count
    FROM responses
    GROUP BY
        organization_id
        , date_day
), cumulated AS (
    SELECT
        organization_days.organization_id
        , organization_days.date_day
        , SUM(daily.survey_count) OVER organization_window AS survey_count_cum
        , SUM(daily.survey_sum) OVER organization_window AS survey_sum_cum
        , SUM(daily.promoter_count) OVER organization_window AS survey_promoter_count_cum
        , SUM(daily.passive_count) OVER organization_window AS survey_passive_count_cum
        , SUM(daily.detractor_count) OVER organization_window AS survey_detractor_count_cum
    FROM organization_days
    LEFT JOIN daily
        ON organization_days.organization_id = daily.organization_id
        AND organization_days.date_day = daily.date_day
    WINDOW organization_window AS (
        PARTITION BY organization_days.organization_id
        ORDER BY organization_days.date_day
        ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW
    )
)
SELECT
    date_day::DATE AS date_day /* Day (UTC day of the responses) */
    , organization_id::BIGINT AS organization_id /* Scribe organization id */
    , survey_count_cum::BIGINT AS survey_count_cum /* NPS responses of the organization up to the day; null before the first */
    , survey_sum_cum::BIGINT AS survey_sum_cum /* Sum of their scores; null before the first response */
    , (
        survey_sum_cum::DOUBLE / survey_count_cum
    )::DOUBLE AS survey_avg_cum /* Average score (0-10) of the responses up to the day; null before the first */
    , survey_promoter_count_cum::BIGINT AS survey_promoter_count_cum /* Promoters (score 9-10) up to the day; null before the first response */
    , survey_passive_count_cum::BIGINT AS survey_passive_count_cum /* Passives (score 7-8) up to the day; null before the first response */
    , survey_detractor_count_cum::BIGINT AS survey_detractor_count_cum /* Detractors (score 0-6) up to the day; null before the first response */
FROM cumulated
