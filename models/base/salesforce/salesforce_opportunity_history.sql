MODEL (
    name analytics.salesforce_opportunity_history,
    kind FULL,
    cron '0 7 * * *',
    owner analytics,
    grain opportunity_history_id,
    tags (base, salesforce, sales),
    audits (
        unique_values(columns := (
            opportunity_history_id
        ))
        , not_null(columns := (opportunity_history_id, opportunity_id, created_date))
    ),
    description 'One row per change of an opportunity''s stage (Segment cloud source salesforce, table opportunity_history): the stage after the change (including the side stages Stalled and Long Term, and Closed Won / Closed Lost) and when it happened. Soft-deleted rows are dropped. FULL: small cloud-source replica, rebuilt at the 07:00 UTC run (read only by daily sales transforms). Differs from the original: the original was a bare select of the raw table; here the raw id is opportunity_history_id and the key columns are audited.'
);

WITH history AS (
    SELECT
        id
        , opportunity_id
        , stage_name
        , created_date
    FROM salesforce.opportunity_history
    WHERE
        NOT COALESCE(is_deleted, FALSE)
)
SELECT
    id::TEXT AS opportunity_history_id /* Salesforce opportunity history record id */
    , opportunity_id::TEXT AS opportunity_id /* The opportunity that changed */
    , stage_name::TEXT AS stage_name /* Stage of the opportunity after the change */
    , created_date::TIMESTAMPTZ AS created_date /* When the change happened (UTC) */
FROM history
