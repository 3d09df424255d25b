"""The steps of the benchmark: what each measuring subprocess does (`python -m catwalk.bench step`).

Each step sets up its warehouse (environment, loads), times only the work it measures and returns
plain figures; `step_main` adds the process's peak RSS and prints them as one `BENCH-RESULT` line.
The engine-only step (the same work without SQLMesh) is in `catwalk.bench.engine`.
"""

from __future__ import annotations

import io
import json
import os
import resource
import sys
import time
import typing as t
from pathlib import Path


def set_warehouse(args: dict) -> str:
    """Point the project at the step's warehouse (args: db, start, gateway, pg_database); the gateway."""
    os.environ["CATWALK_DUCKDB"] = str(args["db"])
    os.environ["CATWALK_START"] = args["start"]
    if args.get("pg_database"):
        os.environ["CATWALK_PG_DATABASE"] = args["pg_database"]
    import sqlmesh.core.config.loader as loader

    loader.load_dotenv = lambda *args, **kwargs: False  # the bench never reads the developer's .env
    return args.get("gateway", "local")


def deliver_loads(args: dict) -> None:
    """Deliver the raw loads up to args['load_until'] (never timed)."""
    if args.get("load_until"):
        from catwalk.warehouse import load

        load(gateway=args.get("gateway", "local"), until=args["load_until"], progress=False)


def _timed_with_breakdown(function: t.Callable[[], t.Any]) -> tuple[t.Any, float, float, dict]:
    """(value, wall, CPU, breakdown) of `function`, SQLMesh's calls timed per model (breakdown.py)."""
    from catwalk.bench import breakdown

    recorder = breakdown.install()
    recorder.reset()
    value, wall, cpu = _timed(function)
    return value, wall, cpu, recorder.result(wall)


def _model_rows(context) -> int:
    total = 0
    for model in context.models.values():
        if model.kind.name in ("EXTERNAL", "VIEW") or model.kind.is_symbolic:
            continue
        try:
            total += int(context.fetchdf(f"select count(*) as n from {model.name}")["n"].iloc[0])
        except Exception:
            pass
    return total


def _prod_intervals(context) -> dict[str, list[int]]:
    """{model name: [first interval start, last interval end]} (epoch ms) of the prod environment."""
    state = context.state_reader
    environment = state.get_environment("prod")
    if environment is None:
        return {}
    intervals = {}
    for snapshot in state.get_snapshots(environment.snapshots).values():
        if snapshot.is_model and snapshot.intervals:
            intervals[snapshot.node.name] = [snapshot.intervals[0][0], snapshot.intervals[-1][1]]
    return intervals


def _timed(function: t.Callable[[], t.Any]) -> tuple[t.Any, float, float]:
    wall, cpu = time.perf_counter(), time.process_time()
    value = function()
    return value, time.perf_counter() - wall, time.process_time() - cpu


def step_generate(args: dict) -> dict:
    from catwalk.warehouse import generate

    set_warehouse(args)
    result, _wall, cpu = _timed(lambda: generate(
        gateway=args.get("gateway", "local"), scale=args["scale"], seed=42, start=args["start"],
        days=args["days"], force=True, progress=False, write_env=False,
    ))
    return {"rows": result["total_rows"], "seconds": result["seconds"], "cpu_seconds": round(cpu, 2)}


def step_backfill(args: dict) -> dict:
    import time_machine

    from catwalk.project import open_context

    gateway = set_warehouse(args)
    deliver_loads(args)
    with time_machine.travel(args["now"], tick=True):
        context = open_context(gateway, paths=args.get("project"), load_tests=False)
        _, seconds, cpu, split = _timed_with_breakdown(lambda: context.plan(
            "prod", auto_apply=True, no_prompts=True, skip_tests=True, skip_linter=True))
        intervals = _prod_intervals(context)
    return {"seconds": seconds, "cpu_seconds": round(cpu, 2), "rows": _model_rows(context),
            "models": len(intervals), "intervals": intervals, "breakdown": split}



def step_load_and_run(args: dict) -> dict:
    import time_machine

    from catwalk.project import open_context
    from catwalk.runner import run

    gateway = set_warehouse(args)
    deliver_loads(args)
    with time_machine.travel(args["now"], tick=True):
        out = io.StringIO()
        code, seconds, cpu, split = _timed_with_breakdown(lambda: run(
            gateway=gateway, environment="prod", paths=args.get("project"), out=out))
        context = open_context(gateway, paths=args.get("project"), load_tests=False)
        intervals = _prod_intervals(context)
        # this run only (the warehouse may hold earlier runs): run ids sort by start time
        this_run = ("WHERE model IS NOT NULL AND status = 'success' "
                    "AND run_id = (SELECT max(run_id) FROM meta.run_log)")
        models, rows = context.engine_adapter.fetchone(
            f"SELECT count(DISTINCT model), coalesce(sum(rows_written), 0) FROM meta.run_log {this_run}")
        evaluated = context.engine_adapter.fetchall(
            f"SELECT model, coalesce(sum(rows_written), 0) FROM meta.run_log {this_run} "
            "GROUP BY model ORDER BY 2 DESC, 1")
        kinds: dict[str, int] = {}
        for name, _ in evaluated:
            model = context.get_model(name)
            kind = model.kind.name if model is not None else "?"
            kinds[kind] = kinds.get(kind, 0) + 1
    return {"seconds": seconds, "cpu_seconds": round(cpu, 2), "exit_code": code,
            "models_evaluated": models,
            "rows_written": int(rows), "kinds_evaluated": kinds,
            "heaviest": [[name, int(n)] for name, n in evaluated[:6]], "intervals": intervals,
            "breakdown": split, **({"run_output": out.getvalue()[-2000:]} if code else {})}


def step_leaves(args: dict) -> dict:
    """Leaf models (no downstream model) a one-line change can target: name and file."""
    from catwalk.project import open_context

    gateway = set_warehouse(args)
    context = open_context(gateway, paths=args.get("project"), load_tests=False, load_state=False)
    leaves = []
    for fqn, model in context.models.items():
        if context.dag.downstream(fqn) or model.kind.name in ("SEED", "EXTERNAL", "VIEW"):
            continue
        if model.kind.name.startswith("SCD_TYPE_2") or model._path is None:
            continue
        path = Path(model._path).resolve().relative_to(Path(context.path).resolve())
        leaves.append({"name": model.name, "path": str(path), "kind": model.kind.name})
    return {"leaves": sorted(leaves, key=lambda leaf: ("tableau/" not in leaf["path"], leaf["name"]))}


# `plan dev` flags measured: what `catwalk plan dev` passes by default (catwalk/plan.py), SQLMesh's
# defaults (every unit test, the linter), and neither tests nor linter
PLAN_FLAGS = {
    "changed_only": {"test_changed_only": True},
    "default": {},
    "skip": {"skip_tests": True, "skip_linter": True},
}


def step_plan_dev(args: dict) -> dict:
    """`plan dev` with args['flags'] (PLAN_FLAGS): the plan timed alone, and with the project load."""
    import time_machine

    from catwalk.project import open_context
    from sqlmesh.utils.errors import NoChangesPlanError

    gateway = set_warehouse(args)
    flags = PLAN_FLAGS[args.get("flags", "skip")]
    with time_machine.travel(args["now"], tick=True):
        context, load_seconds, load_cpu = _timed(lambda: open_context(
            gateway, paths=args.get("project"), load_tests=not flags.get("skip_tests")))
        tables_before = set(context.engine_adapter.fetchall(
            "select table_schema || '.' || table_name from information_schema.tables"
        ))

        def plan() -> t.Any:
            try:
                return context.plan(args["env"], auto_apply=True, no_prompts=True, **flags)
            except NoChangesPlanError:  # what `sqlmesh plan dev` answers when nothing changed
                return None

        built, seconds, cpu, split = _timed_with_breakdown(plan)
        names = {s.snapshot_id.name: s.node.name for s in context.snapshots.values()}
        backfilled = sorted({names.get(si.snapshot_id.name, si.snapshot_id.name)
                             for si in (built.missing_intervals if built is not None else [])})
        tables_after = set(context.engine_adapter.fetchall(
            "select table_schema || '.' || table_name from information_schema.tables"
        ))
        new_tables = sorted(t[0] for t in tables_after - tables_before if "sqlmesh__" in t[0])
        rows = 0
        for table in new_tables:
            schema, name = table.split(".", 1)
            rows += context.engine_adapter.fetchone(f'select count(*) from "{schema}"."{name}"')[0]
    return {"seconds": seconds, "cpu_seconds": round(cpu, 2), "load_seconds": round(load_seconds, 2),
            "load_cpu_seconds": round(load_cpu, 2), "flags": args.get("flags", "skip"),
            "backfilled": backfilled, "new_tables": len(new_tables), "rows_written": rows,
            "breakdown": split}


def _steps() -> dict[str, t.Callable[[dict], dict]]:
    from catwalk.bench.engine import step_engine_only

    return {
        "generate": step_generate,
        "backfill": step_backfill,
        "engine_only": step_engine_only,
        "load_and_run": step_load_and_run,
        "plan_dev": step_plan_dev,
        "leaves": step_leaves,
    }


AUDIT_FAILURES: list[str] = []


def _audits_never_block() -> None:
    """Every audit still runs (same queries, same cost) but a failure warns instead of stopping.

    The benchmark measures cost; data-quality failures on its freshly generated warehouses are the
    test suite's business. Failures are counted and listed in the step's result.
    """
    from sqlmesh.core.snapshot.evaluator import SnapshotEvaluator

    original = SnapshotEvaluator._audit

    def audit(self, audit, audit_args, snapshot, *args, **kwargs):
        audit_args.pop("blocking", None)
        result = original(self, audit.model_copy(update={"blocking": False}), audit_args, snapshot,
                          *args, **kwargs)
        if result.count:
            AUDIT_FAILURES.append(f"{snapshot.name.split('.')[-1].strip(chr(34))}: {audit.name}")
        return result

    SnapshotEvaluator._audit = audit


def step_main(name: str, payload: str) -> None:
    """Run step `name` with its JSON arguments; print its figures and peak RSS as one line."""
    from rich.console import Console
    from sqlmesh.core.console import TerminalConsole, set_console

    # SQLMesh's Python API is silent by default: show its progress and errors on stderr
    set_console(TerminalConsole(console=Console(file=sys.stderr, force_terminal=False, width=160)))
    _audits_never_block()
    result = _steps()[name](json.loads(payload))
    result["peak_rss_mb"] = round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)
    if AUDIT_FAILURES:
        result["audit_failures"] = sorted(set(AUDIT_FAILURES))
    line = json.dumps(result, default=str)
    print("BENCH-RESULT " + line)
    try:  # kept as they come: an interrupted bench still leaves the steps it measured
        from catwalk.project import PROJECT_ROOT

        (PROJECT_ROOT / "logs").mkdir(exist_ok=True)
        with open(PROJECT_ROOT / "logs" / "bench-steps.jsonl", "a") as log:
            log.write(json.dumps({"step": name, "args": json.loads(payload), "result": result}, default=str) + "\n")
    except OSError:
        pass

