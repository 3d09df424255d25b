MODEL (
    name analytics.assigned_time_detailed,
    kind FULL,
    cron '0 7 * * *',
    owner analytics,
    grain assignment_id,
    tags (table, usher, care),
    audits (
        unique_values(columns := (
            assignment_id
        ))
        , not_null(columns := (assignment_id, episode_id, assigned_at, main_specialization, assignment_type, rt_count))
        , accepted_values("column" := assignment_type, is_in := ('First Assignment', 'Other Assignment'))
    ),
    description 'One row per assignment of assigned_time_w_posts with its type and the response times of the assignee inside it. assignment_type is First Assignment for the first assignment of the episode within the assignee specialization (assignment_rank 1), else Other Assignment. rt_sum and rt_count are the sum and number of in_chat_time of the assignee responses (messaging_practitioner_responses: a care-team post right after a patient post of the same UTC day) in the episode whose response and preceding patient post both lie inside the span [span_start, span_end); rt_sum is null and rt_count 0 without any. Responses are those of the assignee, not of the actor who made the assignment (as in assigned_time_w_posts). FULL, rebuilt by the daily 07:00 UTC run.'
);

WITH span_responses AS (
    SELECT
        spans.assignment_id
        , SUM(responses.in_chat_time) AS rt_sum
        , COUNT(responses.post_id) AS rt_count
    FROM analytics.assigned_time_w_posts AS spans
    INNER JOIN analytics.messaging_practitioner_responses AS responses
        ON spans.episode_id = responses.episode_id
        AND spans.assigned_user_id = responses.user_id
        AND responses.created_at >= spans.span_start
        AND responses.created_at < spans.span_end
        AND responses.previous_post_at >= spans.span_start
        AND responses.previous_post_at < spans.span_end
    GROUP BY
        spans.assignment_id
)
SELECT
    spans.assignment_id::TEXT AS assignment_id /* md5 of episode id, assignee id and assignment time text */
    , spans.episode_id::TEXT AS episode_id /* Episode assigned */
    , spans.assigned_user_id::TEXT AS assigned_user_id /* Practitioner the episode is assigned to */
    , spans.user_id::TEXT AS user_id /* Actor who made the assignment */
    , spans.main_specialization::TEXT AS main_specialization /* Specialization of the assignee (N/A when unknown) */
    , CASE WHEN spans.assignment_rank = 1 THEN 'First Assignment' ELSE 'Other Assignment' END::TEXT AS assignment_type /* First Assignment (first of the episode for the specialization) or Other Assignment */
    , spans.assigned_at::TIMESTAMPTZ AS assigned_at /* Time of the assignment (UTC) */
    , spans.unassigned_at::TIMESTAMPTZ AS unassigned_at /* Next event of the episode on the same local day (UTC), null when none */
    , spans.assigned_at_est::TIMESTAMP AS assigned_at_est /* Time of the assignment, Montreal local time (naive) */
    , spans.unassigned_at_est::TIMESTAMP AS unassigned_at_est /* unassigned_at, Montreal local time (naive) */
    , spans.span_start::TIMESTAMPTZ AS span_start /* Start of the span, inclusive (UTC) */
    , spans.span_end::TIMESTAMPTZ AS span_end /* End of the span, exclusive (UTC) */
    , spans.span_start_est::TIMESTAMP AS span_start_est /* Start of the span, Montreal local time (naive) */
    , spans.span_end_est::TIMESTAMP AS span_end_est /* End of the span, Montreal local time (naive) */
    , spans.date_day_est::DATE AS date_day_est /* Montreal local day of the assignment */
    , spans.first_post_at::TIMESTAMPTZ AS first_post_at /* First non-internal post of the assignee in the span (UTC) */
    , spans.first_response_time_min::DOUBLE AS first_response_time_min /* Minutes from the assignment to that first post */
    , spans.assigned_time_min::DOUBLE AS assigned_time_min /* Length of the span in minutes */
    , spans.count_posts::BIGINT AS count_posts /* Non-internal posts of the assignee in the span */
    , span_responses.rt_sum::DOUBLE AS rt_sum /* Sum of the assignee response times in the span, minutes (null without responses) */
    , COALESCE(span_responses.rt_count, 0)::BIGINT AS rt_count /* Number of assignee responses in the span */
FROM analytics.assigned_time_w_posts AS spans
LEFT JOIN span_responses
    ON spans.assignment_id = span_responses.assignment_id
