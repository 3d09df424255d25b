MODEL (
    name analytics.tableau_product_one_metric,
    kind FULL,
    cron '0 7 * * *',
    owner analytics,
    grain (user_key, contract_id),
    tags (tableau, care, one_metric),
    audits (
        unique_combination_of_columns(columns := (user_key, contract_id))
        , not_null(columns := (user_key, episode_id, count_episodes, resolved_at_day))
        , forall(criteria := (
            count_episodes >= 1
        ))
    ),
    description 'Product, One Metric That Matters (Tableau), retention after the first resolve: one row per patient who posts in episodes (the channel''s user) and contract. The patient''s first resolved episode is, among the episodes of episodes_with_contracts (counted once per episode) with a valid outcome, an issue type other than test and admin and a first resolve or pending time, the one resolved first. From it: attr_total, nps_score (the episode''s NPS score), issue_type, outcome, episode_started (first patient message, local), resolved_at_day (local day of the first resolve), and wait_time_first / wait_time_first_nurse, the lowest first care-team / first nurse wait times among the episode''s chats (chats) on that local day. count_episodes counts the patient''s episodes with a first resolve or pending time whose first patient message lies within 120 days of the first episode''s (that episode included). Only patients whose first resolve day is more than 120 days before the run''s local day are kept, so the 120 days are complete. The contract is the patient''s contract (scribe_user_contract_detailed) covering the local midnight that starts the resolve day (contract_id and organization_name null when none). The patient appears only as a salted hash (user_key). The episode times are local already and are used as they are (the original converted them to local time a second time, shifting them by the UTC offset, and matched a UTC day with the chats'' local day). FULL, rebuilt by the daily 07:00 UTC run. A dashboard contract: names and types are stable.'
);

WITH episodes AS (
    SELECT DISTINCT
        episode_id
        , user_id
        , issue_type
        , outcome
        , is_valid_outcome
        , attr_total
        , score
        , first_message_patient
        , first_set_resolved_pending_at
    FROM analytics.episodes_with_contracts
    WHERE
        NOT first_set_resolved_pending_at IS NULL AND NOT user_id IS NULL
), first_resolved AS (
    SELECT
        episode_id
        , user_id
        , issue_type
        , outcome
        , attr_total
        , score
        , first_message_patient
        , first_set_resolved_pending_at
        , first_set_resolved_pending_at::DATE AS resolved_at_day
    FROM episodes
    WHERE
        is_valid_outcome AND NOT COALESCE(issue_type, '') IN ('test', 'admin')
    QUALIFY
        ROW_NUMBER() OVER (PARTITION BY user_id ORDER BY first_set_resolved_pending_at, episode_id) = 1
), retained AS (
    SELECT
        first_resolved.user_id
        , COUNT(DISTINCT episodes.episode_id) AS count_episodes
    FROM first_resolved
    INNER JOIN episodes
        ON first_resolved.user_id = episodes.user_id
        AND episodes.first_message_patient >= first_resolved.first_message_patient
        AND episodes.first_message_patient <= first_resolved.first_message_patient + INTERVAL '120' DAY
    GROUP BY
        first_resolved.user_id
), resolve_day_chats AS (
    SELECT
        first_resolved.user_id
        , MIN(chats.wait_time_first_care_team) AS wait_time_first
        , MIN(chats.wait_time_first_nurse) AS wait_time_first_nurse
    FROM first_resolved
    INNER JOIN analytics.chats AS chats
        ON first_resolved.episode_id = chats.episode_id AND chats.date_day_est = first_resolved.resolved_at_day
    GROUP BY
        first_resolved.user_id
), contracts AS (
    SELECT
        user_id
        , contract_id
        , organization_name
        , during_start_est
        , during_end_est
    FROM analytics.scribe_user_contract_detailed
)
SELECT
    @pii_hash(first_resolved.user_id)::TEXT AS user_key /* Salted hash of the patient's Scribe id */
    , first_resolved.episode_id::TEXT AS episode_id /* The patient's first resolved episode */
    , first_resolved.attr_total::DOUBLE AS attr_total /* Active time to resolve of that episode by all roles, minutes */
    , first_resolved.score::INT AS nps_score /* Latest NPS score (0-10) about that episode */
    , first_resolved.issue_type::TEXT AS issue_type /* Latest issue type of that episode */
    , first_resolved.outcome::TEXT AS outcome /* Outcome of that episode */
    , first_resolved.first_message_patient::TIMESTAMP AS episode_started /* First patient message of that episode (local) */
    , first_resolved.resolved_at_day::DATE AS resolved_at_day /* Local day of its first resolve or pending */
    , resolve_day_chats.wait_time_first::DOUBLE AS wait_time_first /* Lowest minutes to the first care-team message among the episode's chats on the resolve day */
    , resolve_day_chats.wait_time_first_nurse::DOUBLE AS wait_time_first_nurse /* Lowest minutes to the first nurse message among the episode's chats on the resolve day */
    , retained.count_episodes::BIGINT AS count_episodes /* Resolved episodes of the patient started within 120 days of the first one (included) */
    , contracts.contract_id::BIGINT AS contract_id /* Contract of the patient covering the resolve day's start; null when none */
    , contracts.organization_name::TEXT AS organization_name /* Organization of that contract */
FROM first_resolved
INNER JOIN retained
    ON first_resolved.user_id = retained.user_id
LEFT JOIN resolve_day_chats
    ON first_resolved.user_id = resolve_day_chats.user_id
LEFT JOIN contracts
    ON first_resolved.user_id = contracts.user_id
    AND contracts.during_start_est <= first_resolved.resolved_at_day::TIMESTAMP
    AND first_resolved.resolved_at_day::TIMESTAMP < contracts.during_end_est
WHERE
    first_resolved.resolved_at_day < @to_est(@execution_tstz::TIMESTAMPTZ)::DATE - 120
