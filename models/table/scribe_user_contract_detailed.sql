MODEL (
    name analytics.scribe_user_contract_detailed,
    kind FULL,
    cron '0 7,18 * * *',
    owner analytics,
    grain (user_id, contract_id),
    tags (table, scribe, membership, pii),
    audits (
        unique_combination_of_columns(columns := (user_id, contract_id))
        , not_null(
            columns := (
                user_id
                , contract_id
                , organization_id
                , participant_id
                , is_employee
                , is_child
                , family_member_type
                , residence_province
                , "language"
                , during_start
                , during_end
                , invited_month
                , is_signed_up
            )
        )
        , accepted_values("column" := family_member_type, is_in := ('Employee', 'Dependent', 'Child'))
        , accepted_values("column" := "language", is_in := ('FR', 'EN'))
        , accepted_values("column" := gender, is_in := ('M', 'F', 'N/A'))
        , accepted_values(
            "column" := residence_province,
            is_in := (
                'Prince Edward Island'
                , 'Alberta'
                , 'Ontario'
                , 'Saskatchewan'
                , 'British Columbia'
                , 'Manitoba'
                , 'Quebec'
                , 'New Brunswick'
                , 'Nova Scotia'
                , 'Newfoundland and Labrador'
                , 'Yukon'
            )
        )
    ),
    description 'One row per member x contract: every member covered by a contract of a non-test organization, i.e. the employee holding it (participant) and the family members attached to it (scribe_user_contract). family_member_type (the original''s rule): Employee (the participant), Child (flagged a child in Scribe and either born less than 14 years before the contract start or with an unknown birthday), else Dependent. is_child: flagged a child and born less than 14 years before the contract start (an unknown birthday gives false). Differs from the original: its is_child was inverted (it flagged children 14 or older); this one is corrected. residence_province: the user''s own province (two-letter code mapped to its name; Scribe''s YT matches the seed''s YK), else the contract admin area, else the organization province; code and region from dimension_province. language: the user''s, else from the organization email preference (french / bilingual-french-english -> FR, english / bilingual-english-french -> EN), else EN. invited_month is the UTC month of the contract start. Validity columns replace the original during / during_est ranges. FULL: rebuilt on every 07:00 and 18:00 UTC run because contracts and users change in place.'
);

WITH user_contracts AS (
    SELECT
        user_id
        , contract_id
    FROM analytics.scribe_user_contract
), contracts AS (
    SELECT
        contract_id
        , organization_id
        , organization_name
        , plan_id
        , participant_id
        , during_start
        , during_end
        , during_start_est
        , during_end_est
        , admin_area_name
        , charge_strategy
        , charge_price
        , is_paid
        , billing_start_date
    FROM analytics.scribe_contracts_detailed
), organizations AS (
    SELECT
        organization_id
        , province
        , email_preference
    FROM analytics.scribe_organizations_detailed
), users AS (
    SELECT
        user_id
        , birthday
        , gender
        , "language"
        , residence_province_code
        , country
        , signed_up_at
        , is_signed_up
        , is_child
    FROM analytics.scribe_users_detailed
), provinces AS (
    SELECT
        province_name
        , province_code
        , region
    FROM analytics.dimension_province
), members AS (
    SELECT
        participant_id AS user_id
        , contract_id
    FROM contracts
    UNION
    SELECT
        user_contracts.user_id
        , user_contracts.contract_id
    FROM user_contracts
    INNER JOIN contracts
        ON user_contracts.contract_id = contracts.contract_id
), joined AS (
    SELECT
        members.user_id
        , members.contract_id
        , contracts.organization_id
        , contracts.organization_name
        , contracts.plan_id
        , contracts.participant_id
        , contracts.during_start
        , contracts.during_end
        , contracts.during_start_est
        , contracts.during_end_est
        , contracts.charge_strategy
        , contracts.charge_price
        , contracts.is_paid AS organization_is_paid
        , contracts.billing_start_date
        , members.user_id = contracts.participant_id AS is_employee
        , COALESCE(
            users.is_child
            AND users.birthday > (
                @to_utc(contracts.during_start) - INTERVAL '14' YEAR
            )::DATE,
            FALSE
        ) AS is_child
        , COALESCE(
            users.is_child
            AND (
                users.birthday IS NULL
                OR users.birthday > (
                    @to_utc(contracts.during_start) - INTERVAL '14' YEAR
                )::DATE
            ),
            FALSE
        ) AS is_child_member
        , COALESCE(user_provinces.province_name, contracts.admin_area_name, organizations.province) AS residence_province
        , CASE
            WHEN users."language" IN ('FR', 'EN')
            THEN users."language"
            WHEN organizations.email_preference IN ('french', 'bilingual-french-english')
            THEN 'FR'
            ELSE 'EN'
        END AS "language"
        , users.birthday
        , COALESCE(users.gender, 'N/A') AS gender
        , users.country
        , users.signed_up_at
        , COALESCE(users.is_signed_up, FALSE) AS is_signed_up
    FROM members
    INNER JOIN contracts
        ON members.contract_id = contracts.contract_id
    LEFT JOIN organizations
        ON contracts.organization_id = organizations.organization_id
    LEFT JOIN users
        ON members.user_id = users.user_id
    LEFT JOIN provinces AS user_provinces
        ON CASE WHEN users.residence_province_code = 'YT' THEN 'YK' ELSE users.residence_province_code END = user_provinces.province_code
), typed AS (
    SELECT
        joined.user_id
        , joined.contract_id
        , joined.organization_id
        , joined.organization_name
        , joined.plan_id
        , joined.participant_id
        , joined.is_employee
        , joined.is_child
        , CASE WHEN joined.is_employee THEN 'Employee' WHEN joined.is_child_member THEN 'Child' ELSE 'Dependent' END AS family_member_type
        , joined.residence_province
        , provinces.province_code AS residence_province_code
        , provinces.region AS residence_region
        , joined."language"
        , joined.during_start
        , joined.during_end
        , joined.during_start_est
        , joined.during_end_est
        , joined.signed_up_at
        , joined.is_signed_up
        , joined.birthday
        , joined.gender
        , joined.country
        , joined.charge_strategy
        , joined.charge_price
        , joined.organization_is_paid
        , joined.billing_start_date
    FROM joined
    LEFT JOIN provinces
        ON joined.residence_province = provinces.province_name
)
SELECT
    user_id::TEXT AS user_id /* Scribe user id of the member */
    , contract_id::BIGINT AS contract_id /* Contract covering the member */
    , organization_id::BIGINT AS organization_id /* Organization (employer) of the contract */
    , organization_name::TEXT AS organization_name /* Name of the organization */
    , plan_id::BIGINT AS plan_id /* Plan of the contract */
    , participant_id::TEXT AS participant_id /* Scribe user id of the employee holding the contract */
    , is_employee::BOOLEAN AS is_employee /* The member is the employee holding the contract */
    , is_child::BOOLEAN AS is_child /* The member was flagged a child and was under 14 at the contract start (false when the birthday is unknown; corrected: the original flagged children 14 or older) */
    , family_member_type::TEXT AS family_member_type /* Employee (participant), Child (flagged a child, under 14 at the contract start or birthday unknown) or Dependent */
    , residence_province::TEXT AS residence_province /* Province of residence (full name): user's own, else contract admin area, else organization province */
    , residence_province_code::TEXT AS residence_province_code /* Two-letter code of the residence province (seed dimension_province; Yukon is YK) */
    , residence_region::TEXT AS residence_region /* Region of the residence province: Central, Atlantic, Western or Northern Canada */
    , "language"::TEXT AS "language" /* FR or EN: the user's language, else the organization email preference, else EN */
    , during_start::TIMESTAMPTZ AS during_start /* Start of coverage, inclusive (UTC) */
    , during_end::TIMESTAMPTZ AS during_end /* End of coverage, exclusive (UTC); 9999-12-31 23:59:59.999999+00 when open-ended */
    , during_start_est::TIMESTAMP AS during_start_est /* Start of coverage, Montreal local time (naive) */
    , during_end_est::TIMESTAMP AS during_end_est /* End of coverage, Montreal local time (naive) */
    , DATE_TRUNC('MONTH', @to_utc(during_start))::DATE AS invited_month /* UTC month the contract started (the member was invited) */
    , signed_up_at::TIMESTAMPTZ AS signed_up_at /* When the member signed up (UTC) */
    , DATE_TRUNC('MONTH', @to_utc(signed_up_at))::DATE AS signed_up_month /* UTC month of signed_up_at */
    , is_signed_up::BOOLEAN AS is_signed_up /* The member has signed up */
    , birthday::DATE AS birthday /* [PII] Birthday of the member */
    , gender::TEXT AS gender /* M, F or N/A */
    , country::TEXT AS country /* Country of the member */
    , charge_strategy::TEXT AS charge_strategy /* Organization charge strategy: free, fixed, dynamic or auto_dynamic */
    , charge_price::DOUBLE AS charge_price /* Organization price, CAD */
    , organization_is_paid::BOOLEAN AS organization_is_paid /* The organization pays (price not 0) */
    , billing_start_date::DATE AS billing_start_date /* First billed day of the organization */
FROM typed
