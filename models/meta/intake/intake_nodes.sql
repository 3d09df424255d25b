MODEL (
    name analytics.intake_nodes,
    kind FULL,
    cron '0 7 * * *',
    owner analytics,
    grain (previous_event, following_event),
    tags (meta, intake, care),
    audits (
        unique_combination_of_columns(columns := (previous_event, following_event))
        , not_null(columns := (previous_event, following_event, "type", type_colour, fraction))
        , accepted_range("column" := fraction, min_v := 0, max_v := 1)
    ),
    description 'Edge list of the intake graph (read by a network drawing of the intake paths): one row per pair of consecutive events among the complete intake sequences (intake_events_by_episode) of the episodes whose first DXA is their 6th event, restricted to the events of the last 2 weeks before the run (UTC days from the run date minus 14 days on; model variable intake_nodes_days). Rank 1 is dropped; rank 2 is kept only when it is the location_serviceability questionnaire (never the case, since that questionnaire is not an intake event), so the graph starts at rank 3. previous_event is the event''s name (episode_start when null), following_event the next event''s name (end_of_intake when none), type the event''s type (qnaire when null), type_colour b for free text and r otherwise, and fraction the share of the edges leaving previous_event that go to following_event, rounded to 2 decimals. FULL, rebuilt by the daily 07:00 UTC run.'
);

@DEF(intake_nodes_days, 14);

WITH events AS (
    SELECT
        event_name
        , following_event
        , "type"
    FROM analytics.intake_events_by_episode
    WHERE
        dxa_rank = 6
        AND @to_utc("timestamp")::DATE >= @execution_ds::DATE - @intake_nodes_days
        AND (
            "rank" >= 3 OR (
                "rank" = 2 AND event_name = 'location_serviceability'
            )
        )
), edges AS (
    SELECT
        COALESCE(event_name, 'episode_start') AS previous_event
        , COALESCE(following_event, 'end_of_intake') AS following_event
        , COALESCE("type", 'qnaire') AS "type"
        , COUNT(*) AS edge_count
    FROM events
    GROUP BY
        COALESCE(event_name, 'episode_start')
        , COALESCE(following_event, 'end_of_intake')
        , COALESCE("type", 'qnaire')
)
SELECT
    previous_event::TEXT AS previous_event /* Name of the event the edge leaves (episode_start when unnamed) */
    , following_event::TEXT AS following_event /* Name of the next event (end_of_intake when none) */
    , "type"::TEXT AS "type" /* Type of the event the edge leaves: qnaire, free_text or resolved */
    , CASE WHEN "type" = 'free_text' THEN 'b' ELSE 'r' END::TEXT AS type_colour /* Colour of the node: b for free text, r otherwise */
    , ROUND((
        edge_count * 1.0 / SUM(edge_count) OVER (PARTITION BY previous_event)
    )::DECIMAL(10, 4), 2)::DOUBLE AS fraction /* Share of the edges leaving previous_event that go to following_event, 2 decimals */
FROM edges
