MODEL (
    name analytics.salesforce_targets_monthly,
    kind FULL,
    cron '0 7 * * *',
    owner analytics,
    grain (user_id, date_month),
    tags (transform, salesforce, sales, pii),
    audits (
        unique_combination_of_columns(columns := (user_id, date_month))
        , not_null(
            columns := (user_id, date_month, target, month_since_start, mrr_target, mrr_signed, number_of_employees)
        )
    ),
    description 'One row per Account Executive or Enterprise Account Executive and month they were active (salesforce_users_month): monthly MRR quota against MRR signed, with a ramp-up. month_since_start numbers the rep''s active months 1, 2, ...; when the rep started after the 15th of a month (UTC day of started_date > 15) every month after the first is shifted down by one (the first two months both count as 1). target is the rep''s monthly target from the seed salesforce_rep_targets (its user id padded back to 18 characters with leading zeros: the seed reader turns an all-digit id into a number), else the default 4200 CAD. is_ramp: month_since_start < 5; mrr_target is 0 up to month 1, 10 % of target in month 2, 33 % in month 3, 66 % in month 4 and the whole target from month 5. mrr_signed and number_of_employees sum the amount and employees of the rep''s direct opportunities (salesforce_opportunities_detailed_direct) in stage Closed Won whose close date falls in the UTC month (0 when none). FULL, rebuilt daily. Differs from the original: targets come from a seed instead of a CASE on rep names, and the original''s one-off move of one rep''s 2017 deals to 2018-01-01 is not reproduced.'
);

WITH rep_months AS (
    SELECT
        user_id
        , user_name
        , date_month
        , started_date
        , last_login_date
        , city
        , province
        , country
        , country_code
        , title
        , department
        , ROW_NUMBER() OVER (PARTITION BY user_id ORDER BY date_month) AS month_rank
    FROM analytics.salesforce_users_month
    WHERE
        title IN ('Account Executive', 'Enterprise Account Executive')
), targets AS (
    SELECT
        LPAD(user_id, 18, '0') AS user_id /* the seed's all-digit ids are read as numbers: pad back to 18 characters */
        , mrr_target
    FROM analytics.salesforce_rep_targets
), signed AS (
    SELECT
        owner_id
        , DATE_TRUNC('MONTH', @to_utc(close_date))::DATE AS date_month
        , SUM(amount) AS mrr_signed
        , SUM(COALESCE(number_of_employees, 0)) AS number_of_employees
    FROM analytics.salesforce_opportunities_detailed_direct
    WHERE
        stage_name = 'Closed Won'
    GROUP BY
        owner_id
        , DATE_TRUNC('MONTH', @to_utc(close_date))::DATE
), ramp AS (
    SELECT
        rep_months.user_id
        , rep_months.date_month
        , rep_months.month_rank - CASE
            WHEN EXTRACT(DAY FROM @to_utc(rep_months.started_date)) > 15 AND rep_months.month_rank > 1
            THEN 1
            ELSE 0
        END AS month_since_start
        , COALESCE(targets.mrr_target, 4200) AS target
    FROM rep_months
    LEFT JOIN targets
        ON rep_months.user_id = targets.user_id
)
SELECT
    rep_months.user_id::TEXT AS user_id /* Salesforce user id of the rep */
    , rep_months.user_name::TEXT AS user_name /* [PII] Name of the rep */
    , rep_months.date_month::DATE AS date_month /* First day of the UTC month */
    , rep_months.started_date::TIMESTAMPTZ AS started_date /* When the rep was created in Salesforce (UTC) */
    , rep_months.last_login_date::TIMESTAMPTZ AS last_login_date /* Last Salesforce login of the rep (UTC) */
    , rep_months.city::TEXT AS city /* City of the rep */
    , rep_months.province::TEXT AS state_code /* Two-letter province code of the rep */
    , rep_months.country::TEXT AS country /* Country name of the rep */
    , rep_months.country_code::TEXT AS country_code /* Two-letter country code of the rep */
    , rep_months.title::TEXT AS title /* Account Executive or Enterprise Account Executive */
    , rep_months.department::TEXT AS department /* Department of the rep */
    , ramp.target::DOUBLE AS target /* Monthly MRR target of the rep once ramped up (CAD; default 4200) */
    , ramp.month_since_start::INT AS month_since_start /* Active month number of the rep (1 = first; shifted for starts after the 15th) */
    , (
        ramp.month_since_start < 5
    )::BOOLEAN AS is_ramp /* The rep is ramping up (month_since_start below 5) */
    , (
        CASE
            WHEN ramp.month_since_start <= 1
            THEN 0
            WHEN ramp.month_since_start = 2
            THEN 0.1 * ramp.target
            WHEN ramp.month_since_start = 3
            THEN 0.33 * ramp.target
            WHEN ramp.month_since_start = 4
            THEN 0.66 * ramp.target
            ELSE ramp.target
        END
    )::DOUBLE AS mrr_target /* MRR quota of the month (CAD): 0, 10 %, 33 %, 66 % of target, then the whole target */
    , COALESCE(signed.mrr_signed, 0)::DOUBLE AS mrr_signed /* MRR of the rep's direct Closed Won deals closed in the month (CAD) */
    , COALESCE(signed.number_of_employees, 0)::INT AS number_of_employees /* Employees of those deals */
FROM rep_months
INNER JOIN ramp
    ON rep_months.user_id = ramp.user_id AND rep_months.date_month = ramp.date_month
LEFT JOIN signed
    ON rep_months.user_id = signed.owner_id AND rep_months.date_month = signed.date_month
