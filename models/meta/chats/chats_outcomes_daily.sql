MODEL (
    name analytics.chats_outcomes_daily,
    kind INCREMENTAL_BY_TIME_RANGE (
        time_column date_day_est,
        lookback 3
    ),
    cron '0 7 * * *',
    owner analytics,
    grain (episode_id, date_day_est),
    tags (meta, chats, care),
    audits (
        unique_combination_of_columns(columns := (episode_id, date_day_est))
        , not_null(columns := (episode_id, date_day_est, first_outcome, last_outcome))
    ),
    description 'Outcomes set on each chat: one row per episode and Montreal local day on which at least one outcome was set; first and last outcome of the day (as in the original: the first / last valid outcome of the day, else the first / last invalid one) and the comma-separated lists, in time order, of the valid and of the invalid outcomes set that day. Differs from the original: the original built invalid_outcomes from valid outcomes too. Daily intervals on the local day (07:00 UTC run) with a 3-day lookback; today is never emitted.'
);

WITH outcomes AS (
    SELECT
        episode_id
        , "timestamp"
        , outcome
        , is_valid_outcome
        , date_day_est
    FROM analytics.careplatform_outcome_set
    WHERE
        date_day_est BETWEEN @start_ds AND @end_ds
), ranked AS (
    SELECT
        episode_id
        , date_day_est
        , "timestamp"
        , outcome
        , is_valid_outcome
        , ROW_NUMBER() OVER (
            PARTITION BY episode_id, date_day_est
            ORDER BY CASE WHEN is_valid_outcome THEN 0 ELSE 1 END, "timestamp"
        ) AS rank_first
        , ROW_NUMBER() OVER (
            PARTITION BY episode_id, date_day_est
            ORDER BY CASE WHEN is_valid_outcome THEN 0 ELSE 1 END, "timestamp" DESC
        ) AS rank_last
    FROM outcomes
), daily AS (
    SELECT
        episode_id
        , date_day_est
        , MAX(CASE WHEN rank_first = 1 THEN outcome END) AS first_outcome
        , MAX(CASE WHEN rank_last = 1 THEN outcome END) AS last_outcome
        , @ordered_string_agg(CASE WHEN is_valid_outcome THEN outcome END, ',', "timestamp") AS valid_outcomes
        , @ordered_string_agg(CASE WHEN NOT is_valid_outcome THEN outcome END, ',', "timestamp") AS invalid_outcomes
    FROM ranked
    GROUP BY
        episode_id
        , date_day_est
)
SELECT
    episode_id::TEXT AS episode_id /* Episode (messaging channel) */
    , date_day_est::DATE AS date_day_est /* Montreal local day */
    , first_outcome::TEXT AS first_outcome /* First valid outcome set that day, else the first invalid one */
    , last_outcome::TEXT AS last_outcome /* Last valid outcome set that day, else the last invalid one */
    , valid_outcomes::TEXT AS valid_outcomes /* Valid outcomes set that day, comma-separated in time order */
    , invalid_outcomes::TEXT AS invalid_outcomes /* Invalid outcomes set that day, comma-separated in time order */
FROM daily
