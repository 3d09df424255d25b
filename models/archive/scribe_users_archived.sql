MODEL (
    name archive.scribe_users_archived,
    kind SCD_TYPE_2_BY_TIME (
        unique_key user_id,
        updated_at_name received_at,
        invalidate_hard_deletes TRUE,
        updated_at_as_valid_from TRUE,
        time_data_type TIMESTAMPTZ
    ),
    cron '0 7,18 * * *',
    owner analytics,
    grain (user_id, valid_from),
    tags (archive, scribe, membership, pii),
    audits (
        unique_combination_of_columns(columns := (user_id, valid_from))
        , unique_combination_of_columns(columns := (
            user_id
        ), condition := valid_to IS NULL)
        , not_null(columns := (user_id, received_at, valid_from))
    ),
    description 'History of Scribe users (analytics.scribe_users): one row per user per version. SCD type 2 by time: a new version starts whenever the source row''s received_at (Segment identify load) moves (each version is valid from its own updated_at, as in the original dbt archive, instead of SQLMesh''s default 1970-01-01 for the first version); a row that disappears from the source (hard delete) gets its current version closed at the run''s execution time (invalidate_hard_deletes), and a run in which no row changed adds no version. Runs on the 07:00 and 18:00 UTC schedule after its source is rebuilt. Forward-only and never restated: prod history lives only in schema archive; a dev plan of a changed archive model builds a separate preview table from the current source and never writes prod history (replaces the original archive_dev / schema_suffix switch).'
);

SELECT
    user_id::TEXT AS user_id /* Scribe user id */
    , email::TEXT AS email /* [PII] Email address of the user */
    , first_name::TEXT AS first_name /* [PII] First name */
    , last_name::TEXT AS last_name /* [PII] Last name */
    , birthday::DATE AS birthday /* [PII] Birthday */
    , gender::TEXT AS gender /* M, F or N/A */
    , "language"::TEXT AS "language" /* FR, EN or N/A */
    , residence_province_code::TEXT AS residence_province_code /* Two-letter province code entered by the user */
    , country::TEXT AS country /* Country of the user */
    , status::TEXT AS status /* invited, registered, future, deleted or deactivated */
    , family_id::TEXT AS family_id /* Family grouping the employee and dependants */
    , created_at::TIMESTAMPTZ AS created_at /* When the user was created (UTC) */
    , received_at::TIMESTAMPTZ AS received_at /* Segment identify load of this version (UTC): the version's updated_at */
FROM analytics.scribe_users
