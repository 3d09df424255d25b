MODEL (
    name analytics.scribe_organization_province_split,
    kind FULL,
    cron '0 7 * * *',
    owner analytics,
    grain organization_id,
    tags (meta, organizations, membership),
    audits (
        unique_values(columns := (
            organization_id
        ))
        , not_null(
            columns := (
                organization_id
                , prince_edward_island_perc
                , alberta_perc
                , ontario_perc
                , british_columbia_perc
                , saskatchewan_perc
                , manitoba_perc
                , quebec_perc
                , nova_scotia_perc
                , new_brunswick_perc
                , newfoundland_and_labrador_perc
                , yukon_perc
            )
        )
        , assert_province_split_adds_to_100_percent
    ),
    description 'One row per organization with at least one signed-up employee: the share of its signed-up employee member-contract rows (scribe_user_contract_detailed with is_signed_up and is_employee; an employee with two contracts counts twice, as in the original) residing in each of the 11 provinces and territories the membership data knows (residence_province: Prince Edward Island, Alberta, Ontario, British Columbia, Saskatchewan, Manitoba, Quebec, Nova Scotia, New Brunswick, Newfoundland and Labrador, Yukon), each share = rows of that province / all rows of the organization. The shares add up to 1 (audit assert_province_split_adds_to_100_percent). Organizations without a signed-up employee have no row (scribe_organization_mrr_by_province_weekly falls back on the organization''s own province). FULL, rebuilt by the 07:00 UTC run.'
);

WITH signed_up_employees AS (
    SELECT
        organization_id
        , residence_province
    FROM analytics.scribe_user_contract_detailed
    WHERE
        is_signed_up AND is_employee
), shares AS (
    SELECT
        organization_id
        , SUM(CASE WHEN residence_province = 'Prince Edward Island' THEN 1 ELSE 0 END)::DOUBLE / COUNT(*) AS prince_edward_island_perc
        , SUM(CASE WHEN residence_province = 'Alberta' THEN 1 ELSE 0 END)::DOUBLE / COUNT(*) AS alberta_perc
        , SUM(CASE WHEN residence_province = 'Ontario' THEN 1 ELSE 0 END)::DOUBLE / COUNT(*) AS ontario_perc
        , SUM(CASE WHEN residence_province = 'British Columbia' THEN 1 ELSE 0 END)::DOUBLE / COUNT(*) AS british_columbia_perc
        , SUM(CASE WHEN residence_province = 'Saskatchewan' THEN 1 ELSE 0 END)::DOUBLE / COUNT(*) AS saskatchewan_perc
        , SUM(CASE WHEN residence_province = 'Manitoba' THEN 1 ELSE 0 END)::DOUBLE / COUNT(*) AS manitoba_perc
        , SUM(CASE WHEN residence_province = 'Quebec' THEN 1 ELSE 0 END)::DOUBLE / COUNT(*) AS quebec_perc
        , SUM(CASE WHEN residence_province = 'Nova Scotia' THEN 1 ELSE 0 END)::DOUBLE / COUNT(*) AS nova_scotia_perc
        , SUM(CASE WHEN residence_province = 'New Brunswick' THEN 1 ELSE 0 END)::DOUBLE / COUNT(*) AS new_brunswick_perc
        , SUM(CASE WHEN residence_province = 'Newfoundland and Labrador' THEN 1 ELSE 0 END)::DOUBLE / COUNT(*) AS newfoundland_and_labrador_perc
        , SUM(CASE WHEN residence_province = 'Yukon' THEN 1 ELSE 0 END)::DOUBLE / COUNT(*) AS yukon_perc
    FROM signed_up_employees
    GROUP BY
        organization_id
)
SELECT
    organization_id::BIGINT AS organization_id /* Scribe organization id */
    , prince_edward_island_perc::DOUBLE AS prince_edward_island_perc /* Share of the signed-up employee rows residing in Prince Edward Island, 0 to 1 */
    , alberta_perc::DOUBLE AS alberta_perc /* Share of the signed-up employee rows residing in Alberta, 0 to 1 */
    , ontario_perc::DOUBLE AS ontario_perc /* Share of the signed-up employee rows residing in Ontario, 0 to 1 */
    , british_columbia_perc::DOUBLE AS british_columbia_perc /* Share of the signed-up employee rows residing in British Columbia, 0 to 1 */
    , saskatchewan_perc::DOUBLE AS saskatchewan_perc /* Share of the signed-up employee rows residing in Saskatchewan, 0 to 1 */
    , manitoba_perc::DOUBLE AS manitoba_perc /* Share of the signed-up employee rows residing in Manitoba, 0 to 1 */
    , quebec_perc::DOUBLE AS quebec_perc /* Share of the signed-up employee rows residing in Quebec, 0 to 1 */
    , nova_scotia_perc::DOUBLE AS nova_scotia_perc /* Share of the signed-up employee rows residing in Nova Scotia, 0 to 1 */
    , new_brunswick_perc::DOUBLE AS new_brunswick_perc /* Share of the signed-up employee rows residing in New Brunswick, 0 to 1 */
    , newfoundland_and_labrador_perc::DOUBLE AS newfoundland_and_labrador_perc /* Share of the signed-up employee rows residing in Newfoundland and Labrador, 0 to 1 */
    , yukon_perc::DOUBLE AS yukon_perc /* Share of the signed-up employee rows residing in Yukon, 0 to 1 */
FROM shares
