MODEL (
    name archive.nps_patient_list_archived,
    kind SCD_TYPE_2_BY_TIME (
        unique_key (user_id, "timestamp"),
        updated_at_name "timestamp",
        time_data_type TIMESTAMPTZ
    ),
    cron '0 7,18 * * *',
    owner analytics,
    grain (user_id, "timestamp"),
    tags (archive, nps, pii),
    audits (
        unique_combination_of_columns(columns := (user_id, "timestamp"))
        , not_null(columns := (user_id, "timestamp", email, locale))
    ),
    description 'The log of patient NPS sends: every row nps_patient_list ever held, one row per user and list run time (the original archive key concat(user_id, timestamp)). SCD type 2 by time on timestamp, at the 07:00 and 18:00 UTC runs: each daily list brings new keys, earlier lists leave the source and stay in the archive (hard deletes are not invalidated), so the table only grows, by exactly the lists produced. Prod-only history (SQLMesh never shares SCD2 history with dev environments).'
);

WITH list AS (
    SELECT
        user_id
        , email
        , first_name
        , locale
        , episode_id
        , last_post_day_est
        , "timestamp"
    FROM analytics.nps_patient_list
)
SELECT
    user_id::TEXT AS user_id /* Scribe user id of the surveyed patient */
    , email::TEXT AS email /* [PII] Email address the survey went to */
    , first_name::TEXT AS first_name /* [PII] First name used in the survey */
    , locale::TEXT AS locale /* Survey language: en or fr */
    , episode_id::TEXT AS episode_id /* Episode the survey was about */
    , last_post_day_est::DATE AS last_post_day_est /* The patient's last post day (Montreal local day) */
    , "timestamp"::TIMESTAMPTZ AS "timestamp" /* Run time of the list that contained the row (UTC) */
FROM list
