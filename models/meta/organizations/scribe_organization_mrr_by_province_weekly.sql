MODEL (
    name analytics.scribe_organization_mrr_by_province_weekly,
    kind FULL,
    cron '0 7 * * *',
    owner analytics,
    grain (date_week, organization_id),
    tags (meta, organizations, membership),
    audits (
        unique_combination_of_columns(columns := (date_week, organization_id))
        , not_null(
            columns := (
                date_week
                , organization_id
                , mrr
                , mrr_prince_edward_island
                , mrr_alberta
                , mrr_ontario
                , mrr_british_columbia
                , mrr_saskatchewan
                , mrr_manitoba
                , mrr_quebec
                , mrr_nova_scotia
                , mrr_new_brunswick
                , mrr_newfoundland_and_labrador
                , mrr_yukon
            )
        )
    ),
    description 'One row per Monday week and organization of scribe_organizations_weekly: mrr is the week''s price_monthly, split over the 11 provinces and territories by the organization''s province shares of signed-up employees (scribe_organization_province_split): mrr_<province> = mrr x <province>_perc. Differs from the original: an organization without any signed-up employee (no split row) counts 100 % in its own province (scribe_organizations_detailed.province) instead of vanishing from the province view and from the scorecard total, as the original''s inner join made it; an organization whose own province is none of the 11 then has a 0 share everywhere. FULL, rebuilt by the 07:00 UTC run.'
);

WITH weekly AS (
    SELECT
        date_week
        , organization_id
        , organization_name
        , price_monthly
    FROM analytics.scribe_organizations_weekly
), split AS (
    SELECT
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
    FROM analytics.scribe_organization_province_split
), organizations AS (
    SELECT
        organization_id
        , province
    FROM analytics.scribe_organizations_detailed
), shares AS (
    /* the organization's own province takes 100 % when it has no signed-up employee */
    SELECT
        organizations.organization_id
        , COALESCE(
            split.prince_edward_island_perc,
            CASE WHEN organizations.province = 'Prince Edward Island' THEN 1 ELSE 0 END
        ) AS prince_edward_island_perc
        , COALESCE(split.alberta_perc, CASE WHEN organizations.province = 'Alberta' THEN 1 ELSE 0 END) AS alberta_perc
        , COALESCE(split.ontario_perc, CASE WHEN organizations.province = 'Ontario' THEN 1 ELSE 0 END) AS ontario_perc
        , COALESCE(split.british_columbia_perc, CASE WHEN organizations.province = 'British Columbia' THEN 1 ELSE 0 END) AS british_columbia_perc
        , COALESCE(split.saskatchewan_perc, CASE WHEN organizations.province = 'Saskatchewan' THEN 1 ELSE 0 END) AS saskatchewan_perc
        , COALESCE(split.manitoba_perc, CASE WHEN organizations.province = 'Manitoba' THEN 1 ELSE 0 END) AS manitoba_perc
        , COALESCE(split.quebec_perc, CASE WHEN organizations.province = 'Quebec' THEN 1 ELSE 0 END) AS quebec_perc
        , COALESCE(split.nova_scotia_perc, CASE WHEN organizations.province = 'Nova Scotia' THEN 1 ELSE 0 END) AS nova_scotia_perc
        , COALESCE(split.new_brunswick_perc, CASE WHEN organizations.province = 'New Brunswick' THEN 1 ELSE 0 END) AS new_brunswick_perc
        , COALESCE(
            split.newfoundland_and_labrador_perc,
            CASE WHEN organizations.province = 'Newfoundland and Labrador' THEN 1 ELSE 0 END
        ) AS newfoundland_and_labrador_perc
        , COALESCE(split.yukon_perc, CASE WHEN organizations.province = 'Yukon' THEN 1 ELSE 0 END) AS yukon_perc
    FROM organizations
    LEFT JOIN split
        ON organizations.organization_id = split.organization_id
)
SELECT
    weekly.date_week::DATE AS date_week /* Monday of the UTC week */
    , weekly.organization_id::BIGINT AS organization_id /* Scribe organization id */
    , weekly.organization_name::TEXT AS organization_name /* Name of the organization */
    , weekly.price_monthly::DOUBLE AS mrr /* Monthly recurring revenue of the organization at the week's average active contracts, CAD */
    , (
        weekly.price_monthly * shares.prince_edward_island_perc
    )::DOUBLE AS mrr_prince_edward_island /* MRR share of Prince Edward Island: mrr x the share of signed-up employees residing there, CAD */
    , (
        weekly.price_monthly * shares.alberta_perc
    )::DOUBLE AS mrr_alberta /* MRR share of Alberta: mrr x the share of signed-up employees residing there, CAD */
    , (
        weekly.price_monthly * shares.ontario_perc
    )::DOUBLE AS mrr_ontario /* MRR share of Ontario: mrr x the share of signed-up employees residing there, CAD */
    , (
        weekly.price_monthly * shares.british_columbia_perc
    )::DOUBLE AS mrr_british_columbia /* MRR share of British Columbia: mrr x the share of signed-up employees residing there, CAD */
    , (
        weekly.price_monthly * shares.saskatchewan_perc
    )::DOUBLE AS mrr_saskatchewan /* MRR share of Saskatchewan: mrr x the share of signed-up employees residing there, CAD */
    , (
        weekly.price_monthly * shares.manitoba_perc
    )::DOUBLE AS mrr_manitoba /* MRR share of Manitoba: mrr x the share of signed-up employees residing there, CAD */
    , (
        weekly.price_monthly * shares.quebec_perc
    )::DOUBLE AS mrr_quebec /* MRR share of Quebec: mrr x the share of signed-up employees residing there, CAD */
    , (
        weekly.price_monthly * shares.nova_scotia_perc
    )::DOUBLE AS mrr_nova_scotia /* MRR share of Nova Scotia: mrr x the share of signed-up employees residing there, CAD */
    , (
        weekly.price_monthly * shares.new_brunswick_perc
    )::DOUBLE AS mrr_new_brunswick /* MRR share of New Brunswick: mrr x the share of signed-up employees residing there, CAD */
    , (
        weekly.price_monthly * shares.newfoundland_and_labrador_perc
    )::DOUBLE AS mrr_newfoundland_and_labrador /* MRR share of Newfoundland and Labrador: mrr x the share of signed-up employees residing there, CAD */
    , (
        weekly.price_monthly * shares.yukon_perc
    )::DOUBLE AS mrr_yukon /* MRR share of Yukon: mrr x the share of signed-up employees residing there, CAD */
FROM weekly
INNER JOIN shares
    ON weekly.organization_id = shares.organization_id
