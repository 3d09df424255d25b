MODEL (
    name analytics.patientapp_aliases,
    kind FULL,
    cron '0 7 * * *',
    owner analytics,
    grain anonymous_id,
    tags (base, patientapp, signup),
    audits (unique_values(columns := (
            anonymous_id
    )), not_null(columns := (anonymous_id, user_id))),
    description 'One row per anonymous id of the patient app that was linked to a Scribe user (Segment source patientapp, table aliases: the alias call made when a person signs up, previous_id = the anonymous id of the sign-up session). Rows without a user id are dropped; when an anonymous id was aliased more than once, the earliest alias (by timestamp, then the first received) wins. FULL (a few rows per member), rebuilt by the daily 07:00 UTC run. The original carried a rank column that was always 1; it is dropped.'
);

WITH aliases AS (
    SELECT
        previous_id
        , user_id
        , "timestamp"
        , received_at
        , id
    FROM patientapp.aliases
    WHERE
        NOT user_id IS NULL AND NOT previous_id IS NULL
), earliest AS (
    SELECT
        previous_id
        , user_id
        , "timestamp"
    FROM aliases
    QUALIFY
        ROW_NUMBER() OVER (PARTITION BY previous_id ORDER BY "timestamp", received_at, id) = 1
)
SELECT
    previous_id::TEXT AS anonymous_id /* Segment anonymous id of the sign-up session */
    , user_id::TEXT AS user_id /* Scribe user id the anonymous id belongs to */
    , "timestamp"::TIMESTAMPTZ AS aliased_at /* Time of the alias call, i.e. the sign-up (UTC) */
FROM earliest
