AUDIT (
    name assert_xero_cac_amount_split_equals_total,
    blocking TRUE
);

/* Customer-acquisition cost: the enterprise and account-executive parts add up to the month's
   total within a cent (they are floating-point products of the same amounts; comparing values
   rounded to whole dollars, as the original did, can flip on a half dollar). Returns the months
   where they do not. */
SELECT
    date_month
    , cost_eae
    , cost_ae
    , cost_total
FROM @this_model
WHERE
    ABS(cost_eae + cost_ae - cost_total) >= 0.01
