MODEL (
    name analytics.cs_episodes_by_issue_type_monthly,
    kind FULL,
    cron '0 7 * * *',
    owner analytics,
    grain (date_month, organization_name, residence_province, issue_type_en),
    tags (meta, cs, episodes),
    audits (
        unique_combination_of_columns(columns := (date_month, organization_name, residence_province, issue_type_en))
        , not_null(columns := (date_month, organization_name, issue_type_en, issue_type_fr, count_episodes))
        , forall(criteria := (
            count_episodes > 0
        ))
    ),
    description 'Episodes per issue type, organization and residence province, by Montreal local month of the patient''s first message: the episodes of episodes_with_contracts that have a first patient message and an issue type labelled in medops_issue_type_labels (episodes without an issue type, or with one the labels do not list, drop out), counted once each (distinct episode_id), with the English and French labels. The account name follows the organization. FULL, rebuilt by the daily 07:00 UTC run.'
);

WITH episodes AS (
    SELECT
        episode_id
        , first_message_patient
        , issue_type
        , organization_name
        , account_name
        , residence_province
    FROM analytics.episodes_with_contracts
    WHERE
        NOT first_message_patient IS NULL
), labels AS (
    SELECT
        issue_type
        , label_en
        , label_fr
    FROM analytics.medops_issue_type_labels
)
SELECT
    DATE_TRUNC('MONTH', episodes.first_message_patient)::DATE AS date_month /* First day of the local month of the first patient message */
    , episodes.organization_name::TEXT AS organization_name /* Name of the organization of the contract */
    , episodes.account_name::TEXT AS account_name /* Salesforce account name (N/A when not linked) */
    , episodes.residence_province::TEXT AS residence_province /* Province of residence of the patient (full name) */
    , labels.label_en::TEXT AS issue_type_en /* English label of the issue type */
    , labels.label_fr::TEXT AS issue_type_fr /* French label of the issue type */
    , COUNT(DISTINCT episodes.episode_id)::BIGINT AS count_episodes /* Distinct episodes */
FROM episodes
INNER JOIN labels
    ON episodes.issue_type = labels.issue_type
GROUP BY
    DATE_TRUNC('MONTH', episodes.first_message_patient)
    , episodes.organization_name
    , episodes.account_name
    , episodes.residence_province
    , labels.label_en
    , labels.label_fr
