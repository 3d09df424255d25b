AUDIT (
    name assert_province_split_adds_to_100_percent,
    blocking TRUE
);

/* The 11 province shares of an organization's signed-up employees add up to 1 (100 %) once
   rounded to 4 decimals. Returns the organizations whose shares do not, i.e. whose employees
   reside somewhere outside the 11 provinces and territories the split knows. */
SELECT
    organization_id
    , ROUND(
        (
            prince_edward_island_perc + alberta_perc + ontario_perc + british_columbia_perc + saskatchewan_perc + manitoba_perc + quebec_perc + nova_scotia_perc + new_brunswick_perc + newfoundland_and_labrador_perc + yukon_perc
        )::DECIMAL(18, 3),
        4
    ) AS share_sum
FROM @this_model
WHERE
    ROUND(
        (
            prince_edward_island_perc + alberta_perc + ontario_perc + british_columbia_perc + saskatchewan_perc + manitoba_perc + quebec_perc + nova_scotia_perc + new_brunswick_perc + newfoundland_and_labrador_perc + yukon_perc
        )::DECIMAL(18, 3),
        4
    ) <> 1
