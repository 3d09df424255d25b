MODEL (
    name analytics.client_thresholds,
    kind FULL,
    cron '0 7 * * *',
    owner analytics,
    grain days_since_launch,
    tags (meta, cs, client),
    audits (
        unique_values(columns := (
            days_since_launch
        ))
        , not_null(
            columns := (
                days_since_launch
                , days_since_launch_start
                , days_since_launch_end
                , invited_employee_count
                , signed_up_employee_rate
                , activated_employee_rate
                , survey_count_cum
                , survey_avg_cum
                , total_consults_cum
            )
        )
        , forall(criteria := (
            days_since_launch_end > days_since_launch_start
        ))
    ),
    description 'Targets of the client dashboard as bands of days since launch: one row per row of the seed cs_client_thresholds. A band runs from its days_since_launch (inclusive) to the next row''s (exclusive); the last band is open up to 99,999 days (30-59, 60-89, 90-99,998 with the current seed). survey_avg_cum is the seed''s average_score and total_consults_cum its total_consults; the rates are fractions (0-1). FULL, rebuilt by the daily 07:00 UTC run.'
);

WITH thresholds AS (
    SELECT
        days_since_launch
        , invited_employee_count
        , signed_up_employee_rate
        , activated_employee_rate
        , survey_count_cum
        , average_score
        , total_consults
    FROM analytics.cs_client_thresholds
)
SELECT
    days_since_launch::INT AS days_since_launch /* Days since the launch at which the band starts */
    , days_since_launch::INT AS days_since_launch_start /* First day of the band (inclusive) */
    , LEAD(days_since_launch, 1, 99999) OVER (ORDER BY days_since_launch)::INT AS days_since_launch_end /* End of the band (exclusive): the next band's start, 99999 for the last */
    , invited_employee_count::INT AS invited_employee_count /* Target number of invited employees */
    , signed_up_employee_rate::DOUBLE AS signed_up_employee_rate /* Target share of invited employees signed up (0-1) */
    , activated_employee_rate::DOUBLE AS activated_employee_rate /* Target share of signed-up employees activated (0-1) */
    , survey_count_cum::INT AS survey_count_cum /* Target cumulative number of NPS responses */
    , average_score::DECIMAL(4, 2) AS survey_avg_cum /* Target cumulative average NPS score (0-10) */
    , total_consults::INT AS total_consults_cum /* Target cumulative number of consultations */
FROM thresholds
