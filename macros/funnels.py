"""Sign-up funnels: the query of a funnel model from its ordered steps (event models).

    @funnel_analysis(analytics.step_1_model, analytics.step_2_model, ...)

Each step model has `user_id` and `"timestamp"`. The query (see `funnel_sql`):
1. stacks the steps in order: every row of step k is (user_id, timestamp, event_name =
   '<k>. <model name>', event_rank = k); a model listed twice contributes its rows twice;
2. flags per person `has_event_rank_<k>`: the person has at least one row of step k;
3. per row: `previous_timestamp` (the person's previous row of any step, by time, then step),
   `time_delta_from_last_event` (seconds since it, null for the first row), and
   `has_preceding_events` (every step before this row's step was reached at some time; step 1
   rows are true);
4. attaches the person's contract whose UTC validity [during_start, during_end) contains the
   event (user_contract; left join: rows without a contract keep nulls, two overlapping
   contracts give two rows) and the person's language (scribe_users_detailed);
5. drops rows without a user id.
"""

from __future__ import annotations

from sqlglot import exp

from sqlmesh import macro

from macros.time import seconds_between


def funnel_sql(steps: list[str], seconds: str | None = None) -> str:
    """The funnel query (DuckDB dialect) over the fully qualified step model names, in order."""
    seconds = seconds or 'EXTRACT(EPOCH FROM (ordered."timestamp" - ordered.previous_timestamp))::DOUBLE'
    ranks = range(1, len(steps) + 1)
    union = "\n    UNION ALL\n".join(
        f"    SELECT user_id, \"timestamp\", '{k}. {name.split('.')[-1]}' AS event_name, "
        f"{k} AS event_rank FROM {name}" for k, name in zip(ranks, steps))
    flags = ", ".join(f"BOOL_OR(event_rank = {k}) AS has_event_rank_{k}" for k in ranks)
    flag_columns = ", ".join(f"reached.has_event_rank_{k}" for k in ranks)
    preceding = " ".join(
        f"WHEN {k} THEN " + " AND ".join(f"reached.has_event_rank_{i}" for i in range(1, k))
        for k in ranks if k > 1)
    return f"""
WITH steps AS (
{union}
), reached AS (
    SELECT user_id, {flags} FROM steps GROUP BY user_id
), ordered AS (
    SELECT
        steps."timestamp", steps.event_name, steps.event_rank, steps.user_id, {flag_columns},
        LAG(steps."timestamp") OVER (
            PARTITION BY steps.user_id ORDER BY steps."timestamp", steps.event_rank
        ) AS previous_timestamp,
        CASE steps.event_rank WHEN 1 THEN TRUE {preceding} END AS has_preceding_events
    FROM steps
    INNER JOIN reached ON steps.user_id = reached.user_id
    WHERE NOT steps.user_id IS NULL
)
SELECT
    ordered."timestamp"::TIMESTAMPTZ AS "timestamp",
    ordered.event_name::TEXT AS event_name,
    ordered.event_rank::INT AS event_rank,
    ordered.user_id::TEXT AS user_id,
    {", ".join(f"ordered.has_event_rank_{k}::BOOLEAN AS has_event_rank_{k}" for k in ranks)},
    ordered.previous_timestamp::TIMESTAMPTZ AS previous_timestamp,
    {seconds} AS time_delta_from_last_event,
    ordered.has_preceding_events::BOOLEAN AS has_preceding_events,
    contracts.organization_id::BIGINT AS organization_id,
    contracts.organization_name::TEXT AS organization_name,
    contracts.account_id::TEXT AS account_id,
    contracts.account_name::TEXT AS account_name,
    contracts.gender::TEXT AS gender,
    users."language"::TEXT AS "language",
    contracts.residence_province::TEXT AS residence_province
FROM ordered
LEFT JOIN analytics.user_contract AS contracts
    ON ordered.user_id = contracts.user_id
    AND contracts.during_start <= ordered."timestamp"
    AND ordered."timestamp" < contracts.during_end
LEFT JOIN analytics.scribe_users_detailed AS users
    ON ordered.user_id = users.user_id
"""


@macro()
def funnel_analysis(evaluator, *steps: exp.Expression) -> exp.Expression:
    """The funnel query over the step models (see the module docstring)."""
    if not steps:
        raise ValueError("funnel_analysis needs at least one step model")
    names = [step.sql(dialect="duckdb") for step in steps]
    seconds = seconds_between(  # per engine (Spark cannot take the epoch of an interval)
        evaluator, exp.column("previous_timestamp", "ordered"), exp.column("timestamp", "ordered", quoted=True)
    ).sql(dialect="duckdb")
    return exp.maybe_parse(funnel_sql(names, seconds), dialect="duckdb")
