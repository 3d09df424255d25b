MODEL (
    name analytics.salesforce_eae_headcount_ratio_monthly,
    kind FULL,
    cron '0 7 * * *',
    owner analytics,
    grain date_month,
    tags (transform, salesforce, sales),
    audits (
        unique_values(columns := (
            date_month
        ))
        , not_null(columns := (date_month, eae_qc_perc, eae_roc_perc, ae_qc_perc, ae_roc_perc))
        , assert_salesforce_eae_headcount_ratio
    ),
    description 'One row per month with at least one Account Executive (AE) or Enterprise Account Executive (EAE) active: the shares of that month''s AE+EAE headcount that are EAE in Quebec (province QC), EAE in the rest of Canada (any other province), AE in Quebec and AE in the rest of Canada; the four shares sum to 1 (audit assert_salesforce_eae_headcount_ratio). FULL, rebuilt daily. Differs from the original: a rep with no province counts as rest of Canada (the original counted them in the headcount but in no share, so the shares did not add up to 1).'
);

WITH reps AS (
    SELECT
        date_month
        , title
        , COALESCE(province, 'N/A') = 'QC' AS is_qc
        , user_count
    FROM analytics.salesforce_monthly_users_by_title
    WHERE
        title IN ('Account Executive', 'Enterprise Account Executive')
), monthly AS (
    SELECT
        date_month
        , SUM(user_count) AS headcount
        , SUM(CASE WHEN title = 'Enterprise Account Executive' AND is_qc THEN user_count ELSE 0 END) AS eae_qc
        , SUM(CASE WHEN title = 'Enterprise Account Executive' AND NOT is_qc THEN user_count ELSE 0 END) AS eae_roc
        , SUM(CASE WHEN title = 'Account Executive' AND is_qc THEN user_count ELSE 0 END) AS ae_qc
        , SUM(CASE WHEN title = 'Account Executive' AND NOT is_qc THEN user_count ELSE 0 END) AS ae_roc
    FROM reps
    GROUP BY
        date_month
)
SELECT
    date_month::DATE AS date_month /* First day of the UTC month */
    , (
        eae_qc::DOUBLE / headcount
    )::DOUBLE AS eae_qc_perc /* Share of the AE+EAE headcount that is EAE in Quebec */
    , (
        eae_roc::DOUBLE / headcount
    )::DOUBLE AS eae_roc_perc /* Share that is EAE outside Quebec (or without province) */
    , (
        ae_qc::DOUBLE / headcount
    )::DOUBLE AS ae_qc_perc /* Share that is AE in Quebec */
    , (
        ae_roc::DOUBLE / headcount
    )::DOUBLE AS ae_roc_perc /* Share that is AE outside Quebec (or without province) */
FROM monthly
WHERE
    headcount > 0
