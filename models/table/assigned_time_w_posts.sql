MODEL (
    name analytics.assigned_time_w_posts,
    kind FULL,
    cron '0 7 * * *',
    owner analytics,
    grain assignment_id,
    tags (table, usher, care),
    audits (
        unique_values(columns := (
            assignment_id
        ))
        , not_null(columns := (assignment_id, episode_id, assigned_at, main_specialization, count_posts, span_end))
        , accepted_range("column" := assigned_time_min, min_v := 0)
    ),
    description 'One row per assignment of assigned_time with the posts the assignee wrote during it. The span runs from the assignment to the earlier of unassigned_at and the end of the Montreal local day of the assignment (the original capped it at the next UTC midnight, i.e. in the evening local time, which contradicted the same-local-day rule of assigned_time). Posts and specialization are those of the assignee (assigned_user_id; the original used the actor who made the assignment, which only differs when a shift manager assigns someone else). first_post_at is the first non-internal post of the assignee in the episode inside the span [span_start, span_end), first_response_time_min the minutes from the assignment to it, count_posts the number of such posts, assigned_time_min the span length in minutes, and assignment_rank the order of the episode assignments per specialization (by time). main_specialization is N/A when the assignee is not a known practitioner. FULL over the whole history (the original appended the last 6 months incrementally), rebuilt by the daily 07:00 UTC run.'
);

WITH spans AS (
    SELECT
        assigned.assignment_id
        , assigned.episode_id
        , assigned.assigned_user_id
        , assigned.user_id
        , assigned.assigned_at
        , assigned.unassigned_at
        , assigned.date_day_est
        , COALESCE(practitioners.main_specialization, 'N/A') AS main_specialization
        , assigned.assigned_at AS span_start
        , LEAST(
            COALESCE(assigned.unassigned_at, @from_est((
                assigned.date_day_est + 1
            )::TIMESTAMP)),
            @from_est((
                assigned.date_day_est + 1
            )::TIMESTAMP)
        ) AS span_end
    FROM analytics.assigned_time AS assigned
    LEFT JOIN analytics.practitioners AS practitioners
        ON assigned.assigned_user_id = practitioners.user_id
), span_posts AS (
    SELECT
        spans.assignment_id
        , MIN(posts.created_at) AS first_post_at
        , COUNT(posts.post_id) AS count_posts
    FROM spans
    INNER JOIN analytics.messaging_posts_all_time AS posts
        ON spans.episode_id = posts.episode_id
        AND spans.assigned_user_id = posts.user_id
        AND posts.created_at >= spans.span_start
        AND posts.created_at < spans.span_end
    WHERE
        NOT COALESCE(posts.is_internal_post, FALSE)
    GROUP BY
        spans.assignment_id
)
SELECT
    spans.assignment_id::TEXT AS assignment_id /* md5 of episode id, assignee id and assignment time text */
    , spans.episode_id::TEXT AS episode_id /* Episode assigned */
    , spans.assigned_user_id::TEXT AS assigned_user_id /* Practitioner the episode is assigned to */
    , spans.user_id::TEXT AS user_id /* Actor who made the assignment */
    , spans.main_specialization::TEXT AS main_specialization /* Specialization of the assignee (N/A when unknown) */
    , spans.assigned_at::TIMESTAMPTZ AS assigned_at /* Time of the assignment (UTC) */
    , spans.unassigned_at::TIMESTAMPTZ AS unassigned_at /* Next event of the episode on the same local day (UTC), null when none */
    , @to_est(spans.assigned_at)::TIMESTAMP AS assigned_at_est /* Time of the assignment, Montreal local time (naive) */
    , @to_est(spans.unassigned_at)::TIMESTAMP AS unassigned_at_est /* unassigned_at, Montreal local time (naive) */
    , spans.span_start::TIMESTAMPTZ AS span_start /* Start of the span, inclusive (UTC) */
    , spans.span_end::TIMESTAMPTZ AS span_end /* End of the span, exclusive (UTC): unassigned_at or the end of the local day */
    , @to_est(spans.span_start)::TIMESTAMP AS span_start_est /* Start of the span, Montreal local time (naive) */
    , @to_est(spans.span_end)::TIMESTAMP AS span_end_est /* End of the span, Montreal local time (naive) */
    , spans.date_day_est::DATE AS date_day_est /* Montreal local day of the assignment */
    , span_posts.first_post_at::TIMESTAMPTZ AS first_post_at /* First non-internal post of the assignee in the span (UTC) */
    , @minutes_between(spans.assigned_at, span_posts.first_post_at)::DOUBLE AS first_response_time_min /* Minutes from the assignment to that first post */
    , @minutes_between(spans.span_start, spans.span_end)::DOUBLE AS assigned_time_min /* Length of the span in minutes */
    , COALESCE(span_posts.count_posts, 0)::BIGINT AS count_posts /* Non-internal posts of the assignee in the span */
    , ROW_NUMBER() OVER (
        PARTITION BY spans.episode_id, spans.main_specialization
        ORDER BY spans.assigned_at, spans.assignment_id
    )::INT AS assignment_rank /* Order of the episode assignments per specialization, 1 = first */
FROM spans
LEFT JOIN span_posts
    ON spans.assignment_id = span_posts.assignment_id
