MODEL (
    name analytics.mental_health_eligible_episodes,
    kind FULL,
    cron '0 7 * * *',
    owner analytics,
    grain episode_id,
    tags (meta, mental_health, episodes),
    audits (
        unique_values(columns := (
            episode_id
        ))
        , not_null(columns := (episode_id, user_id, created_at, organization_name))
    ),
    description 'One row per episode eligible for the mental-health (PSY) pilot but not enrolled in it: issue type psy (not psy-pilot), first patient message (local) after 2018-10-31 (the pilot''s start, a constant of the original kept as is), the organization of the subject''s contract at that message (episodes_with_contracts) has the mental-health feature in its current plan (organizations.has_mental_health), and the posting user (episodes.user_id) is an Employee under a contract whose local validity [during_start_est, during_end_est) contains the first patient message (user_contract). Differs from the original: an organization whose plans carried the feature twice duplicated its episodes there; here the organization''s current plan decides and an episode appears once (of two contracts of the subject at that message, the one with the lowest organization id, then contract id). FULL, rebuilt by the daily 07:00 UTC run.'
);

WITH episodes AS (
    SELECT
        episode_id
        , user_id
        , issue_type
        , first_message_patient
        , messages_total
        , organization_id
        , organization_name
        , contract_id
    FROM analytics.episodes_with_contracts
    WHERE
        issue_type = 'psy' AND first_message_patient > '2018-10-31'::TIMESTAMP
), organizations AS (
    SELECT
        organization_id
    FROM analytics.organizations
    WHERE
        has_mental_health
), employee_contracts AS (
    SELECT
        user_id
        , during_start_est
        , during_end_est
    FROM analytics.user_contract
    WHERE
        family_member_type = 'Employee'
), eligible AS (
    SELECT
        episodes.episode_id
        , episodes.user_id
        , episodes.issue_type
        , episodes.first_message_patient
        , episodes.messages_total
        , episodes.organization_name
    FROM episodes
    INNER JOIN organizations
        ON episodes.organization_id = organizations.organization_id
    WHERE
        EXISTS(
            SELECT
                1
            FROM employee_contracts
            WHERE
                employee_contracts.user_id = episodes.user_id
                AND employee_contracts.during_start_est <= episodes.first_message_patient
                AND episodes.first_message_patient < employee_contracts.during_end_est
        )
    QUALIFY
        ROW_NUMBER() OVER (PARTITION BY episodes.episode_id ORDER BY episodes.organization_id, episodes.contract_id) = 1
)
SELECT
    first_message_patient::TIMESTAMP AS created_at /* First patient message of the episode (Montreal local, naive) */
    , episode_id::TEXT AS episode_id /* Episode (messaging channel) */
    , user_id::TEXT AS user_id /* Scribe user id of the employee who posts in the episode */
    , issue_type::TEXT AS issue_type /* Issue type of the episode (psy) */
    , organization_name::TEXT AS organization_name /* Organization of the subject's contract at the first patient message */
    , messages_total::BIGINT AS messages_total /* Messages in the episode */
FROM eligible
