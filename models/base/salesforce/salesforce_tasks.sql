MODEL (
    name analytics.salesforce_tasks,
    kind FULL,
    cron '0 7,18 * * *',
    owner analytics,
    grain task_id,
    tags (base, salesforce, sales),
    audits (
        unique_values(columns := (
            task_id
        ))
        , not_null(columns := (task_id, created_date))
        , assert_salesforce_tasks_recent
    ),
    description 'One row per Salesforce task (a sales activity logged as a call, an email or a to-do; Segment cloud source salesforce, table tasks). Soft-deleted tasks are dropped. FULL: small cloud-source replica whose records change in place, rebuilt on every 07:00 and 18:00 UTC run (read by the sales business tables). The audit assert_salesforce_tasks_recent (non-blocking) flags a replica whose newest task was created more than 72 hours before the run. Differs from the original: the original kept the raw id as id through a bare select; here it is task_id and only the columns the sales models read are exposed.'
);

WITH tasks AS (
    SELECT
        id
        , account_id
        , owner_id
        , status
        , activity_date
        , created_date
        , type
        , task_subtype
    FROM salesforce.tasks
    WHERE
        NOT COALESCE(is_deleted, FALSE)
)
SELECT
    id::TEXT AS task_id /* Salesforce task id */
    , account_id::TEXT AS account_id /* Salesforce account the task is about (null when none) */
    , owner_id::TEXT AS owner_id /* Salesforce user who owns (did) the task */
    , status::TEXT AS status /* Task status: Completed, Not Started, In Progress, ... */
    , activity_date::TIMESTAMPTZ AS activity_date /* Due or done date of the task (midnight UTC; null when not set) */
    , created_date::TIMESTAMPTZ AS created_date /* When the task was created (UTC) */
    , type::TEXT AS type /* Kind of activity: Call, Email, Meeting, Other */
    , task_subtype::TEXT AS task_subtype /* Salesforce task subtype: Call, Email, Task, ListEmail */
FROM tasks
