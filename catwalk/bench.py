"""`catwalk bench`: how fast Catwalk generates, builds, runs and plans, and how its cost grows.

Every step runs in its own Python subprocess (`python -m catwalk.bench step ...`) so its peak
resident memory (RSS) is measured alone. Steps, on fresh generated warehouses in a scratch folder:

1. generator: raw rows written per second into DuckDB (and Postgres, by COPY, with --gateway postgres);
2. full prod backfill (SQLMesh plan) and the engine-only time of the same work: the rendered SQL of
   every model executed directly in DAG order, without SQLMesh — their ratio is SQLMesh's overhead;
3. the scheduled run after one more half-day of loads (`load --until` then `catwalk run`), and the
   same data rebuilt from scratch the way the original ran (every model fully recomputed);
4. the same scheduled run on a warehouse with twice the history;
5. `plan dev` with no change (wall time, rows written), and after a one-line non-breaking change to a
   leaf model (which models were backfilled, rows written);
6. peak RSS of each step.

Results: a markdown table on stdout, `bench/latest.md` and `bench/latest.json`, with the machine.
Targets (issue 10) are printed beside each figure, and a missed target is said plainly.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import platform
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import typing as t
from pathlib import Path

from catwalk.project import PROJECT_ROOT, copy_project

BENCH_DIR = PROJECT_ROOT / "bench"
HOUR = dt.timedelta(hours=1)


# --------------------------------------------------------------------------- steps (subprocesses)


def _env(db: Path, start: str) -> None:
    os.environ["CATWALK_DUCKDB"] = str(db)
    os.environ["CATWALK_START"] = start
    import sqlmesh.core.config.loader as loader

    loader.load_dotenv = lambda *args, **kwargs: False  # the bench never reads the developer's .env


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


def step_generate(args: dict) -> dict:
    from catwalk.warehouse import generate

    _env(Path(args["db"]), args["start"])
    if args.get("gateway") == "postgres":
        os.environ["CATWALK_PG_DATABASE"] = args["pg_database"]
    result = generate(
        gateway=args.get("gateway", "local"), scale=args["scale"], seed=42, start=args["start"],
        days=args["days"], force=True, progress=False, write_env=False,
    )
    return {"rows": result["total_rows"], "seconds": result["seconds"]}


def step_backfill(args: dict) -> dict:
    import time_machine

    from catwalk.project import open_context

    _env(Path(args["db"]), args["start"])
    with time_machine.travel(args["now"], tick=True):
        context = open_context(paths=args.get("project"))
        started = time.perf_counter()
        context.plan("prod", auto_apply=True, no_prompts=True, skip_tests=True, skip_linter=True)
        seconds = time.perf_counter() - started
    return {"seconds": seconds, "rows": _model_rows(context)}


def _dag_order(context) -> list[str]:
    return [name for name in context.dag.sorted if name in context.models]


def step_engine_only(args: dict) -> dict:
    """Execute every model's rendered SQL (full range) directly, in DAG order, without SQLMesh.

    Each model is rendered with the physical table names SQLMesh would use, and created with
    CREATE TABLE AS in a copy of the raw warehouse, so the engine does the same work as a backfill
    minus SQLMesh's planning, batching, state and audits.
    """
    import time_machine

    from catwalk.project import open_context

    _env(Path(args["db"]), args["start"])
    if args.get("until"):  # deliver the same loads as the scheduled run first (not timed)
        from catwalk.warehouse import load

        load(gateway="local", until=args["until"])
    with time_machine.travel(args["now"], tick=True):
        context = open_context(paths=args.get("project"), load_state=False)
        adapter = context.engine_adapter
        statements = []
        for fqn in _dag_order(context):
            model = context.models[fqn]
            if model.kind.name == "EXTERNAL":
                continue
            snapshot = context.get_snapshot(fqn)
            table = snapshot.table_name() if snapshot else None
            if model.kind.name == "SEED":
                statements.append(("seed", fqn, table, None))
                continue
            query = context.render(fqn, start=args["start"], end=args["now"], execution_time=args["now"])
            statements.append(("sql", fqn, table, query.sql(dialect=adapter.dialect)))
        started = time.perf_counter()
        seeds = 0.0
        for kind, fqn, table, sql in statements:
            schema = table.rsplit(".", 1)[0]
            adapter.execute(f"CREATE SCHEMA IF NOT EXISTS {schema}")
            if kind == "seed":
                before = time.perf_counter()
                model = context.models[fqn]
                frames = list(model.render_seed())
                adapter.execute(f"DROP TABLE IF EXISTS {table}")
                adapter.create_table(table, target_columns_to_types=model.columns_to_types)
                for frame in frames:
                    adapter.insert_append(table, frame, target_columns_to_types=model.columns_to_types)
                seeds += time.perf_counter() - before
                continue
            adapter.execute(f"CREATE OR REPLACE TABLE {table} AS {sql}")
        seconds = time.perf_counter() - started
    return {"seconds": seconds, "models": len(statements)}


def step_load_and_run(args: dict) -> dict:
    import time_machine

    from catwalk.runner import run
    from catwalk.warehouse import load

    _env(Path(args["db"]), args["start"])
    load(gateway="local", until=args["until"])
    with time_machine.travel(args["now"], tick=True):
        started = time.perf_counter()
        code = run(gateway="local", environment="prod")
        seconds = time.perf_counter() - started
    return {"seconds": seconds, "exit_code": code}


def step_plan_dev(args: dict) -> dict:
    import time_machine

    from catwalk.project import open_context

    _env(Path(args["db"]), args["start"])
    with time_machine.travel(args["now"], tick=True):
        context = open_context(paths=args.get("project"))
        tables_before = set(context.engine_adapter.fetchall(
            "select table_schema || '.' || table_name from information_schema.tables"
        ))
        started = time.perf_counter()
        plan = context.plan(args["env"], auto_apply=True, no_prompts=True, skip_tests=True, skip_linter=True)
        seconds = time.perf_counter() - started
        backfilled = sorted({si.snapshot_id.name for si in plan.missing_intervals})
        tables_after = set(context.engine_adapter.fetchall(
            "select table_schema || '.' || table_name from information_schema.tables"
        ))
        new_tables = sorted(t[0] for t in tables_after - tables_before if "sqlmesh__" in t[0])
        rows = 0
        for table in new_tables:
            rows += context.engine_adapter.fetchone(f"select count(*) from {table}")[0]
    return {"seconds": seconds, "backfilled": backfilled, "new_tables": len(new_tables), "rows_written": rows}


STEPS: dict[str, t.Callable[[dict], dict]] = {
    "generate": step_generate,
    "backfill": step_backfill,
    "engine_only": step_engine_only,
    "load_and_run": step_load_and_run,
    "plan_dev": step_plan_dev,
}


def _step_main(name: str, payload: str) -> None:
    result = STEPS[name](json.loads(payload))
    result["peak_rss_mb"] = round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)
    print("BENCH-RESULT " + json.dumps(result, default=str))


def run_step(name: str, **args: t.Any) -> dict:
    """Run one step in a fresh interpreter and return its result (with its own peak RSS)."""
    started = time.perf_counter()
    process = subprocess.run(
        [sys.executable, "-m", "catwalk.bench", "step", name, json.dumps(args, default=str)],
        cwd=PROJECT_ROOT, capture_output=True, text=True,
    )
    lines = [line for line in process.stdout.splitlines() if line.startswith("BENCH-RESULT ")]
    if process.returncode != 0 or not lines:
        tail = "\n".join((process.stderr or process.stdout).strip().splitlines()[-15:])
        raise RuntimeError(f"bench step {name} failed (exit {process.returncode}):\n{tail}")
    result = json.loads(lines[-1].removeprefix("BENCH-RESULT "))
    result["wall_seconds"] = round(time.perf_counter() - started, 2)
    return result


# --------------------------------------------------------------------------- orchestration


def _median(values: list[float]) -> float:
    return round(statistics.median(values), 2)


def _machine() -> dict:
    import duckdb
    import sqlglot
    import sqlmesh

    memory_gb = round(os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 1024**3, 1)
    return {
        "cores": os.cpu_count(), "memory_gb": memory_gb, "platform": platform.platform(),
        "python": platform.python_version(), "sqlmesh": sqlmesh.__version__,
        "sqlglot": sqlglot.__version__, "duckdb": duckdb.__version__,
        "date": dt.datetime.now(dt.timezone.utc).strftime("%Y-%m-%d %H:%M UTC"),
    }


def _leaf_change(project: Path) -> str:
    """Add one column to a leaf model (a Tableau mart if any): a one-line non-breaking change."""
    import re

    candidates = sorted((project / "models" / "tableau").rglob("*.sql")) or sorted((project / "models").rglob("*.sql"))
    for path in candidates:
        text = path.read_text()
        match = re.search(r"\nFROM ", text)
        if "kind SEED" in text or "SCD_TYPE_2" in text or not match:
            continue
        last_from = text.rfind("\nFROM ")
        text = text[:last_from] + "\n    , 1 AS bench_probe /* Benchmark probe column */" + text[last_from:]
        path.write_text(text)
        name = re.search(r"name\s+([\w.]+)", text).group(1)
        return name
    raise RuntimeError("no leaf model to change")


def bench(scale: str = "bench", gateway: str = "local", repetitions: int = 3) -> int:
    from catwalk.warehouse import SCALES

    days = SCALES[scale]["days"]
    end = dt.datetime.now(dt.timezone.utc).replace(hour=0, minute=0, second=0, microsecond=0)
    start = (end - dt.timedelta(days=days)).date().isoformat()
    now = (end + dt.timedelta(hours=7, minutes=30)).isoformat()
    half_day_until = (end + dt.timedelta(hours=17, minutes=30)).isoformat()
    half_day_now = (end + dt.timedelta(hours=18, minutes=30)).isoformat()
    figures: dict[str, t.Any] = {"scale": scale, "gateway": gateway, "days": days, "machine": _machine()}
    work = Path(tempfile.mkdtemp(prefix="catwalk-bench-"))
    print(f"catwalk bench: scale={scale} ({days} days), scratch {work}", file=sys.stderr)
    try:
        # 1. generator
        runs = []
        for repetition in range(repetitions):
            runs.append(run_step("generate", db=work / f"gen{repetition}.duckdb", scale=scale, start=start, days=days))
        rows = runs[0]["rows"]
        figures["generator_duckdb"] = {
            "rows": rows, "seconds": _median([r["seconds"] for r in runs]),
            "rows_per_second": round(rows / _median([r["seconds"] for r in runs])),
            "peak_rss_mb": max(r["peak_rss_mb"] for r in runs), "repetitions": repetitions,
        }
        if gateway == "postgres":
            database = f"catwalk_bench_{os.getpid()}"
            pg = run_step("generate", db=work / "pg.duckdb", scale=scale, start=start, days=days,
                          gateway="postgres", pg_database=database)
            figures["generator_postgres"] = {"rows": pg["rows"], "seconds": pg["seconds"],
                                             "rows_per_second": round(pg["rows"] / pg["seconds"]),
                                             "peak_rss_mb": pg["peak_rss_mb"], "repetitions": 1}
        warehouse = work / "gen0.duckdb"
        raw_copy = work / "raw.duckdb"
        shutil.copyfile(warehouse, raw_copy)
        for extra in range(1, repetitions):
            (work / f"gen{extra}.duckdb").unlink(missing_ok=True)

        # 2. backfill vs engine-only
        backfill = run_step("backfill", db=warehouse, start=start, now=now)
        engine_db = work / "engine.duckdb"
        shutil.copyfile(raw_copy, engine_db)
        engine = run_step("engine_only", db=engine_db, start=start, now=now)
        figures["backfill"] = {**backfill, "repetitions": 1}
        figures["engine_only"] = {**engine, "repetitions": 1}
        figures["sqlmesh_overhead"] = round(backfill["seconds"] / max(engine["seconds"], 1e-9), 2)

        # 5. plan dev, no change, then a leaf change (on the prod build of step 2)
        no_change = [run_step("plan_dev", db=warehouse, start=start, now=now, env="bench_dev")
                     for _ in range(repetitions)]
        figures["plan_dev_no_change"] = {
            "seconds": _median([r["seconds"] for r in no_change]), "rows_written": no_change[-1]["rows_written"],
            "backfilled": no_change[-1]["backfilled"], "peak_rss_mb": max(r["peak_rss_mb"] for r in no_change),
            "repetitions": repetitions,
        }
        project = copy_project(work / "project")
        leaf = _leaf_change(project)
        change = run_step("plan_dev", db=warehouse, start=start, now=now, env="bench_leaf", project=str(project))
        figures["plan_dev_leaf_change"] = {**change, "changed_model": leaf, "repetitions": 1}

        # 3. scheduled half-day run vs full rebuild of the same data
        run_db = work / "run.duckdb"
        shutil.copyfile(warehouse, run_db)
        scheduled = run_step("load_and_run", db=run_db, start=start, until=half_day_until, now=half_day_now)
        rebuild_db = work / "rebuild.duckdb"
        shutil.copyfile(raw_copy, rebuild_db)
        rebuild = run_step("engine_only", db=rebuild_db, start=start, now=half_day_now, until=half_day_until)
        figures["scheduled_run"] = {**scheduled, "repetitions": 1}
        figures["full_rebuild"] = {**rebuild, "repetitions": 1}
        figures["run_to_rebuild"] = round(scheduled["seconds"] / max(rebuild["seconds"], 1e-9), 3)

        # 4. twice the history
        double_start = (end - dt.timedelta(days=2 * days)).date().isoformat()
        double_db = work / "double.duckdb"
        run_step("generate", db=double_db, scale=scale, start=double_start, days=2 * days)
        run_step("backfill", db=double_db, start=double_start, now=now)
        doubled = run_step("load_and_run", db=double_db, start=double_start, until=half_day_until, now=half_day_now)
        figures["scheduled_run_double_history"] = {**doubled, "repetitions": 1}
        figures["run_growth_double_history"] = round(doubled["seconds"] / max(scheduled["seconds"], 1e-9), 2)
    finally:
        shutil.rmtree(work, ignore_errors=True)

    report = format_report(figures)
    print(report)
    BENCH_DIR.mkdir(exist_ok=True)
    (BENCH_DIR / "latest.json").write_text(json.dumps(figures, indent=2, default=str) + "\n")
    (BENCH_DIR / "latest.md").write_text(report + "\n")
    return 0


def _verdict(ok: bool) -> str:
    return "met" if ok else "**missed**"


def format_report(f: dict) -> str:
    m = f["machine"]
    peak = max(v.get("peak_rss_mb", 0) for v in f.values() if isinstance(v, dict))
    rows = [
        ("Generator into DuckDB", f"{f['generator_duckdb']['rows']:,} raw rows in {f['generator_duckdb']['seconds']} s = {f['generator_duckdb']['rows_per_second']:,} rows/s",
         "≥ 1,000,000 rows/s", _verdict(f["generator_duckdb"]["rows_per_second"] >= 1_000_000)),
    ]
    if "generator_postgres" in f:
        g = f["generator_postgres"]
        rows.append(("Generator into Postgres (COPY)", f"{g['rows']:,} rows in {g['seconds']} s = {g['rows_per_second']:,} rows/s", "COPY", "met"))
    rows += [
        ("Full prod backfill (SQLMesh)", f"{f['backfill']['seconds']:.1f} s, {f['backfill']['rows']:,} model rows", "", ""),
        ("Same work engine-only", f"{f['engine_only']['seconds']:.1f} s ({f['engine_only']['models']} models)", "", ""),
        ("SQLMesh overhead", f"{f['sqlmesh_overhead']}×", "≤ 1.3×", _verdict(f["sqlmesh_overhead"] <= 1.3)),
        ("Scheduled half-day run", f"{f['scheduled_run']['seconds']:.1f} s (exit {f['scheduled_run']['exit_code']})", "", ""),
        ("Full rebuild of the same data", f"{f['full_rebuild']['seconds']:.1f} s", "", ""),
        ("Half-day run / full rebuild", f"{f['run_to_rebuild'] * 100:.1f} %", "≤ 5 %", _verdict(f["run_to_rebuild"] <= 0.05)),
        ("Half-day run, twice the history", f"{f['scheduled_run_double_history']['seconds']:.1f} s = {f['run_growth_double_history']}× the run", "≤ 1.2×", _verdict(f["run_growth_double_history"] <= 1.2)),
        ("`plan dev`, no change", f"{f['plan_dev_no_change']['seconds']:.2f} s, {f['plan_dev_no_change']['rows_written']} rows written", "≤ 5 s, 0 rows",
         _verdict(f["plan_dev_no_change"]["seconds"] <= 5 and f["plan_dev_no_change"]["rows_written"] == 0)),
        ("`plan dev`, leaf change", f"{f['plan_dev_leaf_change']['changed_model']}: backfilled {', '.join(f['plan_dev_leaf_change']['backfilled']) or 'nothing'}; {f['plan_dev_leaf_change']['rows_written']:,} rows written",
         "only that model", _verdict(len(f["plan_dev_leaf_change"]["backfilled"]) == 1)),
        ("Peak RSS (any step)", f"{peak:,.0f} MB", "≤ 4,096 MB", _verdict(peak <= 4096)),
    ]
    lines = [
        f"## Catwalk benchmark — scale `{f['scale']}` ({f['days']} days of history), gateway `{f['gateway']}`",
        "",
        f"Machine: {m['cores']} cores, {m['memory_gb']} GB, {m['platform']}; Python {m['python']}, "
        f"SQLMesh {m['sqlmesh']}, SQLGlot {m['sqlglot']}, DuckDB {m['duckdb']}; {m['date']}. "
        "Figures are medians of 3 repetitions for the generator and `plan dev` (no change), single runs otherwise.",
        "",
        "| step | measured | target | verdict |",
        "|---|---|---|---|",
    ]
    lines += [f"| {a} | {b} | {c} | {d} |" for a, b, c, d in rows]
    lines += ["", "Peak RSS per step (MB): " + ", ".join(
        f"{k} {v['peak_rss_mb']:,.0f}" for k, v in f.items() if isinstance(v, dict) and "peak_rss_mb" in v)]
    return "\n".join(lines)


if __name__ == "__main__":
    if len(sys.argv) >= 4 and sys.argv[1] == "step":
        _step_main(sys.argv[2], sys.argv[3])
    else:
        print("usage: python -m catwalk.bench step NAME JSON (use `catwalk bench` instead)", file=sys.stderr)
        sys.exit(2)
