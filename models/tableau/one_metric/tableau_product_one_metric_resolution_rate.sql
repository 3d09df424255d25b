MODEL (
    name analytics.tableau_product_one_metric_resolution_rate,
    kind FULL,
    cron '0 7 * * *',
    owner analytics,
    grain (episode_id, contract_id),
    tags (tableau, care, one_metric),
    audits (
        unique_combination_of_columns(columns := (episode_id, contract_id))
        , not_null(
            columns := (
                episode_id
                , contract_id
                , patient_key
                , created_at
                , date_week_est
                , fully_resolved
                , rank_episode_for_patient
            )
        )
    ),
    description 'Product, One Metric That Matters (Tableau), resolution rate: one row per episode and contract (episodes_with_contracts: the subject''s contract active at the episode''s first patient message, so never-activated episodes are left out, as in the original). Carries the outcome, outcome_alt (care_plan split into care_plan_gp / care_plan_np when a GP / NP video consultation happened, care_plan_nc otherwise), the issue-type/outcome pair, priority, star rating, NPS, whether the subject had signed up before the episode, fully_resolved (the issue type and the outcome form a pair of the valid-pairs seed) and the rank of the episode among the patient''s episodes. The patient is identified by a salted hash (patient_key), never in clear. Two differences from the original are kept as fixes: the valid-pairs seed pairs issue types with raw Care Platform outcomes (e.g. msk-advice) while episodes carry normalised outcomes (nurse_counselling), so its pairs are normalised through the outcome seed before the comparison (the original compared the pairs as stored, and missed every pair whose raw outcome is renamed: on the demo warehouse of seed 7, 2026-10-01 + 42 days, the full-resolution rate is 47.7 % of 2,518 episodes instead of 19.9 %); and outcome_alt labels a care_plan without a GP or NP video care_plan_nc. FULL, rebuilt by the daily 07:00 UTC run like episodes. A dashboard contract: names and types are stable.'
);

WITH episodes AS (
    SELECT
        episode_id
        , contract_id
        , patient_id
        , created_at
        , date_week_est
        , date_month_est
        , organization_id
        , organization_name
        , account_id
        , account_name
        , family_member_type
        , outcome
        , outcome_category
        , is_valid_outcome
        , set_resolved_pending
        , issue_type
        , priority_level
        , rating
        , nps_score
        , nps_category
        , includes_video_consultation_gp
        , includes_video_consultation_np
    FROM analytics.episodes_with_contracts
), contracts AS (
    SELECT
        user_id
        , contract_id
        , signed_up_at
    FROM analytics.user_contract
), valid_pairs AS (
    SELECT
        valid_pairs
    FROM analytics.episodes_valid_outcome_issue_type_pairs
), outcome_dimension AS (
    SELECT
        outcome_raw
        , outcome
    FROM analytics.careplatform_dimension_outcome
), normalised_pairs AS (
    /* the seed pairs an issue type with a raw outcome; episodes carry the normalised outcome */
    SELECT DISTINCT
        SUBSTRING(valid_pairs.valid_pairs, 1, LENGTH(valid_pairs.valid_pairs) - LENGTH(outcome_dimension.outcome_raw) - 1) || '-' || outcome_dimension.outcome AS issue_type_outcome_pair
    FROM valid_pairs
    INNER JOIN outcome_dimension
        ON RIGHT(valid_pairs.valid_pairs, LENGTH(outcome_dimension.outcome_raw) + 1) = '-' || outcome_dimension.outcome_raw
), enriched AS (
    SELECT
        episodes.episode_id
        , episodes.contract_id
        , episodes.patient_id
        , episodes.created_at
        , episodes.date_week_est
        , episodes.date_month_est
        , episodes.organization_id
        , episodes.organization_name
        , episodes.account_id
        , episodes.account_name
        , episodes.family_member_type
        , episodes.outcome
        , episodes.outcome_category
        , CASE
            WHEN episodes.outcome = 'care_plan' AND episodes.includes_video_consultation_gp
            THEN 'care_plan_gp'
            WHEN episodes.outcome = 'care_plan' AND episodes.includes_video_consultation_np
            THEN 'care_plan_np'
            WHEN episodes.outcome = 'care_plan'
            THEN 'care_plan_nc'
            ELSE episodes.outcome
        END AS outcome_alt
        , episodes.is_valid_outcome
        , episodes.set_resolved_pending
        , episodes.issue_type
        , COALESCE(episodes.issue_type, 'n/a') || '-' || COALESCE(episodes.outcome, 'n/a') AS issue_type_outcome_pair
        , episodes.priority_level
        , episodes.rating
        , episodes.nps_score
        , episodes.nps_category
        , NOT contracts.signed_up_at IS NULL AND contracts.signed_up_at <= episodes.created_at AS is_signed_up_before_episode
        , NOT normalised_pairs.issue_type_outcome_pair IS NULL AS fully_resolved
    FROM episodes
    LEFT JOIN contracts
        ON episodes.patient_id = contracts.user_id AND episodes.contract_id = contracts.contract_id
    LEFT JOIN normalised_pairs
        ON COALESCE(episodes.issue_type, 'n/a') || '-' || COALESCE(episodes.outcome, 'n/a') = normalised_pairs.issue_type_outcome_pair
)
SELECT
    episode_id::TEXT AS episode_id /* Episode (messaging channel) */
    , contract_id::BIGINT AS contract_id /* Contract of the subject active at the first message */
    , @pii_hash(patient_id)::TEXT AS patient_key /* Salted hash of the episode subject's Scribe id */
    , created_at::TIMESTAMPTZ AS created_at /* First post of the episode (UTC) */
    , COALESCE(date_week_est, DATE_TRUNC('WEEK', @to_est(created_at))::DATE)::DATE AS date_week_est /* Local Monday week of the first message (of the first post when the episode has no activated chat) */
    , COALESCE(date_month_est, DATE_TRUNC('MONTH', @to_est(created_at))::DATE)::DATE AS date_month_est /* Local month of the first message (of the first post when the episode has no activated chat) */
    , organization_id::BIGINT AS organization_id /* Organization of the contract */
    , organization_name::TEXT AS organization_name /* Name of the organization */
    , account_id::TEXT AS account_id /* Salesforce account of the organization */
    , account_name::TEXT AS account_name /* Salesforce account name */
    , family_member_type::TEXT AS family_member_type /* Employee, Dependent or Child */
    , outcome::TEXT AS outcome /* Latest valid outcome, else latest of any kind */
    , outcome_category::TEXT AS outcome_category /* Diagnostic, Navigation, Unsuitable episode or Other */
    , outcome_alt::TEXT AS outcome_alt /* The outcome, with care_plan split into care_plan_gp, care_plan_np and care_plan_nc by the video consultations of the episode */
    , is_valid_outcome::BOOLEAN AS is_valid_outcome /* A valid outcome was set */
    , set_resolved_pending::BOOLEAN AS set_resolved_pending /* The episode was set resolved or pending */
    , issue_type::TEXT AS issue_type /* Latest issue type (adult code) */
    , issue_type_outcome_pair::TEXT AS issue_type_outcome_pair /* Issue type, a dash and the outcome (n/a when missing) */
    , priority_level::TEXT AS priority_level /* Current priority level */
    , rating::INT AS rating /* Latest 0-5 star rating of the episode */
    , nps_score::INT AS nps_score /* Latest NPS score (0-10) about the episode */
    , nps_category::TEXT AS nps_category /* promoter, passive or detractor */
    , COALESCE(is_signed_up_before_episode, FALSE)::BOOLEAN AS is_signed_up_before_episode /* The subject had signed up before the episode started */
    , fully_resolved::BOOLEAN AS fully_resolved /* The issue type and outcome form a valid pair: the episode was fully resolved */
    , ROW_NUMBER() OVER (PARTITION BY patient_id, contract_id ORDER BY created_at, episode_id)::INT AS rank_episode_for_patient /* Order of the episode among the patient's episodes under the contract, 1 = first */
FROM enriched
