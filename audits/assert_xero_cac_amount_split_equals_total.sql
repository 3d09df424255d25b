AUDIT (
    name assert_xero_cac_amount_split_equals_total,
    blocking TRUE
);

/* Customer-acquisition cost: the enterprise and account-executive parts add up to the month's
   total, compared in whole dollars (each side rounded to an integer). Returns the months where
   they do not. */
SELECT
    date_month
    , cost_eae
    , cost_ae
    , cost_total
FROM @this_model
WHERE
    ROUND(cost_eae + cost_ae)::BIGINT <> ROUND(cost_total)::BIGINT
