MODEL (
    name analytics.tableau_cs_posts_monthly,
    kind FULL,
    cron '0 7 * * *',
    owner analytics,
    grain (
        date_month
        , patient_key
        , platform_name
        , organization_id
        , account_id
        , gender
        , "language"
        , family_member_type
        , residence_province
        , age
    ),
    tags (tableau, patientapp, organization_monthly),
    audits (
        unique_combination_of_columns(
            columns := (
                date_month
                , patient_key
                , account_id
                , account_name
                , organization_id
                , organization_name
                , gender
                , "language"
                , family_member_type
                , residence_province
                , age
                , platform_name
            )
        )
        , not_null(columns := (date_month, patient_key, platform_name))
        , accepted_values("column" := platform_name, is_in := ('iOS', 'Android', 'Desktop'))
    ),
    description 'Customer Success, Organization Monthly (Tableau): which devices the patients of each organization post from, with their demographics. One row per distinct UTC month of the post, patient, account, organization, gender, language, family member type, residence province, age and platform (iOS, Android or Desktop) of the patient-app chat posts of post_submitted (posts of episodes with a contract). The patient is identified by a salted hash (patient_key), never by the Scribe id in clear (the original exposed patient_id). The current month is partial. FULL, rebuilt by the daily 07:00 UTC run. A dashboard contract: names and types are stable.'
);

SELECT DISTINCT
    DATE_TRUNC('MONTH', @to_utc("timestamp"))::DATE AS date_month /* UTC month of the posts */
    , @pii_hash(patient_id)::TEXT AS patient_key /* Salted hash of the patient (episode subject) Scribe id */
    , account_id::TEXT AS account_id /* Salesforce account of the organization */
    , account_name::TEXT AS account_name /* Salesforce account name */
    , organization_id::BIGINT AS organization_id /* Organization of the contract */
    , organization_name::TEXT AS organization_name /* Name of the organization */
    , gender::TEXT AS gender /* Gender of the patient: M, F or N/A */
    , "language"::TEXT AS "language" /* Language of the patient: FR, EN or N/A */
    , family_member_type::TEXT AS family_member_type /* Employee, Dependent or Child */
    , residence_province::TEXT AS residence_province /* Province of residence of the patient */
    , age::INT AS age /* Age of the patient at the first message of the episode */
    , platform_name::TEXT AS platform_name /* Platform of the posts: iOS, Android or Desktop */
FROM analytics.post_submitted
