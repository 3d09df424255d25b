MODEL (
    name analytics.metabase_medops_daily_nps,
    kind FULL,
    cron '0 7 * * *',
    owner analytics,
    grain province,
    tags (meta, metabase, medops, nps),
    audits (
        unique_values(columns := (
            province
        ))
        , not_null(columns := (province, nps, responses))
        , accepted_values(
            "column" := province,
            is_in := ('Quebec', 'Ontario', 'Western Canada', 'Eastern Canada', 'North Territories')
        )
    ),
    description 'Daily Metabase KPI: yesterday''s patient NPS by region, one row per region with responses on the UTC day before the day of the run (nps_patient_survey). Regions of the residence province: Quebec and Ontario as themselves; Alberta, British Columbia, Manitoba and Saskatchewan are Western Canada; Prince Edward Island, New Brunswick, Newfoundland and Labrador and Nova Scotia are Eastern Canada; anything else (Yukon, unknown) is North Territories. nps = round(100 x (promoters - detractors) / responses), halves away from zero. Counts rows of nps_patient_survey, whose grain is survey x contract: a respondent with two contracts active at the response counts twice, as in the original. No row on a day without responses. FULL, rebuilt by the 07:00 UTC run.'
);

WITH responses AS (
    SELECT
        category
        , CASE
            WHEN residence_province IN ('Quebec', 'Ontario')
            THEN residence_province
            WHEN residence_province IN ('Alberta', 'British Columbia', 'Manitoba', 'Saskatchewan')
            THEN 'Western Canada'
            WHEN residence_province IN ('Prince Edward Island', 'New Brunswick', 'Newfoundland and Labrador', 'Nova Scotia')
            THEN 'Eastern Canada'
            ELSE 'North Territories'
        END AS province
    FROM analytics.nps_patient_survey
    WHERE
        @to_utc("timestamp")::DATE = (
            @execution_ds::DATE - INTERVAL '1' DAY
        )::DATE
), counts AS (
    SELECT
        province
        , COUNT(*) AS responses
        , SUM(CASE WHEN category = 'promoter' THEN 1 ELSE 0 END) AS promoters_count
        , SUM(CASE WHEN category = 'detractor' THEN 1 ELSE 0 END) AS detractors_count
    FROM responses
    GROUP BY
        province
)
SELECT
    province::TEXT AS province /* Region: Quebec, Ontario, Western Canada, Eastern Canada or North Territories */
    , ROUND((
        100.0 * (
            promoters_count - detractors_count
        ) / responses
    )::DECIMAL(10, 4), 0)::INT AS nps /* Net promoter score of yesterday's responses in points, -100 to 100 */
    , responses::BIGINT AS responses /* Responses of yesterday (survey x contract rows) */
FROM counts
