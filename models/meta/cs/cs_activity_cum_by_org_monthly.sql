MODEL (
    name analytics.cs_activity_cum_by_org_monthly,
    kind FULL,
    cron '0 7 * * *',
    owner analytics,
    grain (date_month, organization_id, residence_province),
    tags (meta, cs, activity),
    audits (
        unique_combination_of_columns(columns := (date_month, organization_id, residence_province))
        , not_null(columns := (date_month, organization_id, residence_province))
        , assert_cumulative_never_decreases_per_group(
            columns := (total_daus_cum, total_active_on_chat_cum, total_active_on_video_cum, total_active_on_video_gp_cum),
            partition_by := (organization_id, residence_province),
            order_by := date_month
        )
    ),
    description 'Running activity totals of each organization and residence province by month: for every month of the membership spine cs_usage_by_org_monthly (billing start month to the month of the run), the running sums in month order of the activity of cs_activity_by_org_monthly (patient-days: total_daus, with chat, with a video, with a GP video, in total and per family member type), suffixed _cum. A month without activity adds nothing; a running sum is null until the first active month (cs_organization_monthly turns it into 0). FULL, rebuilt by the daily 07:00 UTC run.'
);

WITH spine AS (
    SELECT
        date_month
        , organization_id
        , residence_province
    FROM analytics.cs_usage_by_org_monthly
), activity AS (
    SELECT
        date_month
        , organization_id
        , residence_province
        , total_daus
        , total_active_on_chat
        , total_active_on_video
        , total_active_on_video_gp
        , total_daus_employee
        , total_active_on_chat_employee
        , total_active_on_video_employee
        , total_active_on_video_gp_employee
        , total_daus_dependent
        , total_active_on_chat_dependent
        , total_active_on_video_dependent
        , total_active_on_video_gp_dependent
        , total_daus_child
        , total_active_on_chat_child
        , total_active_on_video_child
        , total_active_on_video_gp_child
    FROM analytics.cs_activity_by_org_monthly
), joined AS (
    SELECT
        spine.date_month
        , spine.organization_id
        , spine.residence_province
        , activity.total_daus
        , activity.total_active_on_chat
        , activity.total_active_on_video
        , activity.total_active_on_video_gp
        , activity.total_daus_employee
        , activity.total_active_on_chat_employee
        , activity.total_active_on_video_employee
        , activity.total_active_on_video_gp_employee
        , activity.total_daus_dependent
        , activity.total_active_on_chat_dependent
        , activity.total_active_on_video_dependent
        , activity.total_active_on_video_gp_dependent
        , activity.total_daus_child
        , activity.total_active_on_chat_child
        , activity.total_active_on_video_child
        , activity.total_active_on_video_gp_child
    FROM spine
    LEFT JOIN activity
        ON spine.date_month = activity.date_month
        AND spine.organization_id = activity.organization_id
        AND spine.residence_province = activity.residence_province
)
SELECT
    organization_id::BIGINT AS organization_id /* Scribe organization id */
    , date_month::DATE AS date_month /* First day of the month */
    , residence_province::TEXT AS residence_province /* Province of residence of the patients (full name) */
    , SUM(total_daus) OVER (
        PARTITION BY organization_id, residence_province
        ORDER BY date_month
        ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW
    )::BIGINT AS total_daus_cum /* Running sum of total_daus over the organization and province's months up to this one; null before the first active month */
    , SUM(total_active_on_chat) OVER (
        PARTITION BY organization_id, residence_province
        ORDER BY date_month
        ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW
    )::BIGINT AS total_active_on_chat_cum /* Running sum of total_active_on_chat over the organization and province's months up to this one; null before the first active month */
    , SUM(total_active_on_video) OVER (
        PARTITION BY organization_id, residence_province
        ORDER BY date_month
        ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW
    )::BIGINT AS total_active_on_video_cum /* Running sum of total_active_on_video over the organization and province's months up to this one; null before the first active month */
    , SUM(total_active_on_video_gp) OVER (
        PARTITION BY organization_id, residence_province
        ORDER BY date_month
        ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW
    )::BIGINT AS total_active_on_video_gp_cum /* Running sum of total_active_on_video_gp over the organization and province's months up to this one; null before the first active month */
    , SUM(total_daus_employee) OVER (
        PARTITION BY organization_id, residence_province
        ORDER BY date_month
        ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW
    )::BIGINT AS total_daus_employee_cum /* Running sum of total_daus_employee over the organization and province's months up to this one; null before the first active month */
    , SUM(total_active_on_chat_employee) OVER (
        PARTITION BY organization_id, residence_province
        ORDER BY date_month
        ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW
    )::BIGINT AS total_active_on_chat_employee_cum /* Running sum of total_active_on_chat_employee over the organization and province's months up to this one; null before the first active month */
    , SUM(total_active_on_video_employee) OVER (
        PARTITION BY organization_id, residence_province
        ORDER BY date_month
        ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW
    )::BIGINT AS total_active_on_video_employee_cum /* Running sum of total_active_on_video_employee over the organization and province's months up to this one; null before the first active month */
    , SUM(total_active_on_video_gp_employee) OVER (
        PARTITION BY organization_id, residence_province
        ORDER BY date_month
        ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW
    )::BIGINT AS total_active_on_video_gp_employee_cum /* Running sum of total_active_on_video_gp_employee over the organization and province's months up to this one; null before the first active month */
    , SUM(total_daus_dependent) OVER (
        PARTITION BY organization_id, residence_province
        ORDER BY date_month
        ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW
    )::BIGINT AS total_daus_dependent_cum /* Running sum of total_daus_dependent over the organization and province's months up to this one; null before the first active month */
    , SUM(total_active_on_chat_dependent) OVER (
        PARTITION BY organization_id, residence_province
        ORDER BY date_month
        ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW
    )::BIGINT AS total_active_on_chat_dependent_cum /* Running sum of total_active_on_chat_dependent over the organization and province's months up to this one; null before the first active month */
    , SUM(total_active_on_video_dependent) OVER (
        PARTITION BY organization_id, residence_province
        ORDER BY date_month
        ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW
    )::BIGINT AS total_active_on_video_dependent_cum /* Running sum of total_active_on_video_dependent over the organization and province's months up to this one; null before the first active month */
    , SUM(total_active_on_video_gp_dependent) OVER (
        PARTITION BY organization_id, residence_province
        ORDER BY date_month
        ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW
    )::BIGINT AS total_active_on_video_gp_dependent_cum /* Running sum of total_active_on_video_gp_dependent over the organization and province's months up to this one; null before the first active month */
    , SUM(total_daus_child) OVER (
        PARTITION BY organization_id, residence_province
        ORDER BY date_month
        ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW
    )::BIGINT AS total_daus_child_cum /* Running sum of total_daus_child over the organization and province's months up to this one; null before the first active month */
    , SUM(total_active_on_chat_child) OVER (
        PARTITION BY organization_id, residence_province
        ORDER BY date_month
        ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW
    )::BIGINT AS total_active_on_chat_child_cum /* Running sum of total_active_on_chat_child over the organization and province's months up to this one; null before the first active month */
    , SUM(total_active_on_video_child) OVER (
        PARTITION BY organization_id, residence_province
        ORDER BY date_month
        ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW
    )::BIGINT AS total_active_on_video_child_cum /* Running sum of total_active_on_video_child over the organization and province's months up to this one; null before the first active month */
    , SUM(total_active_on_video_gp_child) OVER (
        PARTITION BY organization_id, residence_province
        ORDER BY date_month
        ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW
    )::BIGINT AS total_active_on_video_gp_child_cum /* Running sum of total_active_on_video_gp_child over the organization and province's months up to this one; null before the first active month */
FROM joined
