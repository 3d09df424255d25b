MODEL (
    name analytics.client_issue_types,
    kind FULL,
    cron '0 7 * * *',
    owner analytics,
    grain organization_name_id,
    tags (meta, cs, client, episodes),
    audits (
        unique_values(columns := (
            organization_name_id
        ))
        , not_null(columns := (organization_name_id, issue_type_first_most_common_en, issue_type_first_most_common_fr))
    ),
    description 'The three most common issue types of each client organization''s episodes, for the client dashboard: episodes of episodes_with_contracts (each counted once per organization) with an issue type labelled in medops_issue_type_labels, except other, counted per organization and issue type; the types ranked by episode count descending, ties broken by English label (the original left ties unordered). issue_type_{first,second,third}_most_common_{en,fr} are the English and French labels; an organization with fewer types leaves the rest null. FULL, rebuilt by the daily 07:00 UTC run.'
);

WITH episodes AS (
    SELECT DISTINCT
        organization_id
        , episode_id
        , issue_type
    FROM analytics.episodes_with_contracts
    WHERE
        issue_type <> 'other'
), labels AS (
    SELECT
        issue_type
        , label_en
        , label_fr
    FROM analytics.medops_issue_type_labels
), organizations AS (
    SELECT
        organization_id
        , organization_name_id
    FROM analytics.organizations
), counted AS (
    SELECT
        episodes.organization_id
        , labels.label_en
        , labels.label_fr
        , COUNT(*) AS episode_count
    FROM episodes
    INNER JOIN labels
        ON episodes.issue_type = labels.issue_type
    GROUP BY
        episodes.organization_id
        , labels.label_en
        , labels.label_fr
), ranked AS (
    SELECT
        organization_id
        , label_en
        , label_fr
        , ROW_NUMBER() OVER (PARTITION BY organization_id ORDER BY episode_count DESC, label_en) AS type_rank
    FROM counted
)
SELECT
    organizations.organization_name_id::TEXT AS organization_name_id /* "<organization_id> - <organization name>" */
    , MAX(CASE WHEN ranked.type_rank = 1 THEN ranked.label_en END)::TEXT AS issue_type_first_most_common_en /* English label of the issue type with the most episodes */
    , MAX(CASE WHEN ranked.type_rank = 2 THEN ranked.label_en END)::TEXT AS issue_type_second_most_common_en /* English label of the second most common issue type */
    , MAX(CASE WHEN ranked.type_rank = 3 THEN ranked.label_en END)::TEXT AS issue_type_third_most_common_en /* English label of the third most common issue type */
    , MAX(CASE WHEN ranked.type_rank = 1 THEN ranked.label_fr END)::TEXT AS issue_type_first_most_common_fr /* French label of the issue type with the most episodes */
    , MAX(CASE WHEN ranked.type_rank = 2 THEN ranked.label_fr END)::TEXT AS issue_type_second_most_common_fr /* French label of the second most common issue type */
    , MAX(CASE WHEN ranked.type_rank = 3 THEN ranked.label_fr END)::TEXT AS issue_type_third_most_common_fr /* French label of the third most common issue type */
FROM ranked
INNER JOIN organizations
    ON ranked.organization_id = organizations.organization_id
WHERE
    ranked.type_rank <= 3
GROUP BY
    organizations.organization_name_id
