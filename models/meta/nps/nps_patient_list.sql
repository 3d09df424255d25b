MODEL (
    name analytics.nps_patient_list,
    kind FULL,
    cron '0 7 * * *',
    owner analytics,
    grain user_id,
    tags (meta, nps, pii),
    audits (
        unique_values(columns := (
            user_id
        ))
        , not_null(columns := (user_id, email, locale, episode_id, last_post_day_est, "timestamp"))
        , accepted_values("column" := locale, is_in := ('en', 'fr'))
    ),
    description 'The patient NPS send list "as of now" (one row per user to survey today), read by the Lambda that triggers Delighted and logged by archive.nps_patient_list_archived; timestamp = run time. Today = the Montreal local day of the run. A user is listed when their only patient-post day in the last 7 days was exactly 7 days ago, on an episode now resolved or pending (latest Usher state) with a valid outcome, and they were not surveyed in the last 56 days. FULL, daily at 07:00 UTC (the send list is daily; the 18:00 run does not change it). Design note: "not surveyed in the last 56 days" cannot read the send log (archive.nps_patient_list_archived is built from this model: a cycle), so a user is excluded when (a) they answered a patient NPS survey in the last 56 days (the original rule, via nps_patient_survey_with_user_id) or (b) the listing rule itself sent them a survey on one of the previous 56 days: a post day followed by 7 quiet days, recomputed from posts, without the episode condition so that it is a superset of the real sends. Only posts arriving more than the 3-day lookback of the posts model late can break (b). Users without an email are left out (no survey can reach them).'
);

WITH posts AS (
    SELECT
        date_day_est
        , user_id
        , episode_id
        , first_message_created_at
    FROM analytics.messaging_posts_patient_daily
    WHERE
        date_day_est >= @to_est(@execution_tstz::TIMESTAMPTZ)::DATE - 63
        AND date_day_est < @to_est(@execution_tstz::TIMESTAMPTZ)::DATE
), states AS (
    SELECT
        episode_id
        , episode_state
        , "timestamp"
    FROM analytics.usher_episode_state_updated
    WHERE
        "timestamp" <= @execution_tstz::TIMESTAMPTZ
), outcomes AS (
    SELECT
        episode_id
        , is_valid_outcome
        , "timestamp"
    FROM analytics.careplatform_outcome_set
    WHERE
        "timestamp" <= @execution_tstz::TIMESTAMPTZ
), responses AS (
    SELECT
        user_id
        , "timestamp"
    FROM analytics.nps_patient_survey_with_user_id
), users AS (
    SELECT
        user_id
        , email
        , first_name
        , "language"
    FROM analytics.scribe_users
), run_day AS (
    SELECT
        @to_est(@execution_tstz::TIMESTAMPTZ)::DATE AS date_day_est
), user_days AS (
    SELECT DISTINCT
        user_id
        , date_day_est
    FROM posts
), user_days_with_next AS (
    SELECT
        user_id
        , date_day_est
        , LEAD(date_day_est) OVER (PARTITION BY user_id ORDER BY date_day_est) AS next_post_day_est
    FROM user_days
), quiet_weeks AS (
    /* a post day followed by 7 days without patient posts: the rule sends a survey on day + 7 */
    SELECT
        user_id
        , date_day_est
        , date_day_est + 7 AS send_day_est
    FROM user_days_with_next
    WHERE
        next_post_day_est IS NULL OR next_post_day_est >= date_day_est + 7
), recently_sent AS (
    SELECT DISTINCT
        quiet_weeks.user_id
    FROM quiet_weeks
    CROSS JOIN run_day
    WHERE
        quiet_weeks.send_day_est BETWEEN run_day.date_day_est - 56 AND run_day.date_day_est - 1
), recently_responded AS (
    SELECT DISTINCT
        user_id
    FROM responses
    WHERE
        "timestamp" > @execution_tstz::TIMESTAMPTZ - INTERVAL '56' DAY
        AND "timestamp" <= @execution_tstz::TIMESTAMPTZ
), latest_states AS (
    SELECT
        episode_id
        , episode_state
    FROM states
    QUALIFY
        ROW_NUMBER() OVER (PARTITION BY episode_id ORDER BY "timestamp" DESC) = 1
), valid_outcome_episodes AS (
    SELECT DISTINCT
        episode_id
    FROM outcomes
    WHERE
        is_valid_outcome
), eligible_episodes AS (
    SELECT
        latest_states.episode_id
    FROM latest_states
    INNER JOIN valid_outcome_episodes
        ON latest_states.episode_id = valid_outcome_episodes.episode_id
    WHERE
        latest_states.episode_state IN ('resolved', 'pending')
), due_today AS (
    SELECT
        quiet_weeks.user_id
        , quiet_weeks.date_day_est AS last_post_day_est
    FROM quiet_weeks
    CROSS JOIN run_day
    WHERE
        quiet_weeks.send_day_est = run_day.date_day_est
), candidates AS (
    SELECT
        due_today.user_id
        , due_today.last_post_day_est
        , posts.episode_id
    FROM due_today
    INNER JOIN posts
        ON due_today.user_id = posts.user_id AND due_today.last_post_day_est = posts.date_day_est
    INNER JOIN eligible_episodes
        ON posts.episode_id = eligible_episodes.episode_id
    QUALIFY
        ROW_NUMBER() OVER (PARTITION BY due_today.user_id ORDER BY posts.first_message_created_at DESC, posts.episode_id DESC) = 1
), listed AS (
    SELECT
        candidates.user_id
        , candidates.last_post_day_est
        , candidates.episode_id
        , users.email
        , users.first_name
        , CASE WHEN users."language" = 'FR' THEN 'fr' ELSE 'en' END AS locale
    FROM candidates
    INNER JOIN users
        ON candidates.user_id = users.user_id
    LEFT JOIN recently_sent
        ON candidates.user_id = recently_sent.user_id
    LEFT JOIN recently_responded
        ON candidates.user_id = recently_responded.user_id
    WHERE
        recently_sent.user_id IS NULL
        AND recently_responded.user_id IS NULL
        AND NOT NULLIF(TRIM(users.email), '') IS NULL
)
SELECT
    user_id::TEXT AS user_id /* Scribe user id of the patient to survey */
    , email::TEXT AS email /* [PII] Email address the survey goes to */
    , first_name::TEXT AS first_name /* [PII] First name, to personalise the survey */
    , locale::TEXT AS locale /* Survey language: fr for French-speaking users, en otherwise */
    , episode_id::TEXT AS episode_id /* Episode the survey is about: the patient's latest eligible episode on their last post day */
    , last_post_day_est::DATE AS last_post_day_est /* The patient's last post day (Montreal local day), 7 days before today */
    , @execution_tstz::TIMESTAMPTZ AS "timestamp" /* Run time that produced the list (UTC); with user_id the key of the archive */
FROM listed
