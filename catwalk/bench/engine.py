"""The engine-only step: every model's rendered SQL executed directly, without SQLMesh.

The benchmark compares it with SQLMesh's own backfill (SQLMesh's overhead) and with the scheduled
run (the full rebuild the original pipeline did at every run).
"""

from __future__ import annotations

import time
import typing as t

from catwalk.bench.steps import deliver_loads, set_warehouse


def _dag_order(context) -> list[str]:
    return [name for name in context.dag.sorted if name in context.models]


def engine_statements(context, intervals: dict[str, list[int]], now: str) -> list[tuple[str, str, str, t.Any]]:
    """(kind, model name, physical table, SQL or seed model) of every model, in DAG order.

    Each query is rendered exactly as SQLMesh would for one interval covering everything SQLMesh
    computed for that model (`intervals`, from the prod state after the SQLMesh step; a model absent
    there falls back to its own missing intervals up to `now`), with upstream models replaced by the
    physical table names of the local snapshots (the same names SQLMesh uses).
    """
    from sqlmesh.core.snapshot import DeployabilityIndex, SnapshotChangeCategory

    adapter = context.engine_adapter
    snapshots = context.snapshots  # computed once: the property re-fingerprints the project
    for snapshot in snapshots.values():  # new snapshots (no state): versioned as a first deploy
        if not snapshot.change_category:
            snapshot.categorize_as(SnapshotChangeCategory.BREAKING)
    deployability = DeployabilityIndex.all_deployable()
    statements = []
    for fqn in _dag_order(context):
        model = context.models[fqn]
        if model.kind.name == "EXTERNAL" or model.kind.is_symbolic:
            continue
        snapshot = snapshots[fqn]
        table = snapshot.table_name()
        if model.kind.name == "SEED":
            statements.append(("seed", model.name, table, model))
            continue
        window = intervals.get(model.name)
        if window is None:
            missing = snapshot.missing_intervals(model.start or now, now, execution_time=now)
            if not missing:
                continue
            window = [missing[0][0], missing[-1][1]]
        query = model.render_query_or_raise(
            start=window[0], end=window[1], execution_time=now, snapshots=snapshots,
            deployability_index=deployability, engine_adapter=adapter,
        )
        sql = query.sql(dialect=adapter.dialect)
        if model.kind.name == "VIEW":
            statements.append(("view", model.name, table, sql))
            continue
        if model.kind.name.startswith("SCD_TYPE_2"):  # first load: every row valid from updated_at
            kind = model.kind
            sql = (f"SELECT *, {kind.updated_at_name.sql(adapter.dialect)} AS {kind.valid_from_name.sql(adapter.dialect)}, "
                   f"CAST(NULL AS TIMESTAMP) AS {kind.valid_to_name.sql(adapter.dialect)} FROM ({sql}) AS _q")
        statements.append(("table", model.name, table, sql))
    return statements


def step_engine_only(args: dict) -> dict:
    """Execute every model's rendered SQL directly, in DAG order, without SQLMesh.

    The queries (see engine_statements) are created with CREATE TABLE AS (CREATE VIEW for views;
    seeds inserted with the engine adapter as SQLMesh's seed strategy does) in a copy of the raw
    warehouse: the engine does the same work as the SQLMesh step, minus SQLMesh's planning,
    batching, state, audits and virtual layer. Only the execution is timed.
    """
    import time_machine
    from sqlglot import exp

    from catwalk.project import open_context

    gateway = set_warehouse(args)
    deliver_loads(args)
    with time_machine.travel(args["now"], tick=True):
        context = open_context(gateway, paths=args.get("project"), load_tests=False, load_state=False)
        adapter = context.engine_adapter
        statements = engine_statements(context, args.get("intervals") or {}, args["now"])
        per_model = {}
        wall, cpu = time.perf_counter(), time.process_time()
        for kind, name, table, payload in statements:
            before = time.perf_counter()
            schema = table.rsplit(".", 1)[0]
            if gateway == "postgres":  # CREATE SCHEMA takes no catalog there
                schema = exp.to_table(table, dialect=adapter.dialect).args["db"].sql(adapter.dialect)
            adapter.execute(f"CREATE SCHEMA IF NOT EXISTS {schema}")
            if kind == "seed":
                adapter.execute(f"DROP TABLE IF EXISTS {table}")
                adapter.create_table(table, target_columns_to_types=payload.columns_to_types)
                for frame in payload.render_seed():
                    adapter.insert_append(table, frame, target_columns_to_types=payload.columns_to_types)
            elif kind == "view":
                adapter.execute(f"CREATE OR REPLACE VIEW {table} AS {payload}")
            elif gateway == "postgres":  # no CREATE OR REPLACE TABLE; autocommit, as dbt's run
                adapter.execute(f"DROP TABLE IF EXISTS {table}")
                adapter.execute(f"CREATE TABLE {table} AS {payload}")
            else:
                adapter.execute(f"CREATE OR REPLACE TABLE {table} AS {payload}")
            per_model[name] = round(time.perf_counter() - before, 3)
        seconds, cpu = time.perf_counter() - wall, time.process_time() - cpu
        rows = sum(adapter.fetchone(f"SELECT count(*) FROM {table}")[0]
                   for kind, _, table, _ in statements if kind != "view")
    slowest = sorted(per_model.items(), key=lambda item: -item[1])[:15]
    return {"seconds": seconds, "cpu_seconds": round(cpu, 2), "models": len(statements),
            "rows": rows, "slowest": slowest}


