AUDIT (
    name assert_salesforce_eae_headcount_ratio,
    blocking TRUE
);

/* The four shares of the month's AE and EAE headcount (EAE / AE, in Quebec / rest of Canada)
   add up to 1 within 0.000001. Returns the months where they do not. */
SELECT
    date_month
    , eae_qc_perc + eae_roc_perc + ae_qc_perc + ae_roc_perc AS share_sum
FROM @this_model
WHERE
    ABS(eae_qc_perc + eae_roc_perc + ae_qc_perc + ae_roc_perc - 1) > 0.000001
