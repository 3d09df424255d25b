"""The measurements: each section of the benchmark runs its steps and turns them into figures.

A `BenchRun` holds what the sections share (scale, dates, scratch folder, the frozen project, the
figures and errors so far). Sections run in order on fresh generated warehouses; a section whose
step fails is recorded in `errors` and the others go on (`run_sections`).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import os
import shutil
import typing as t
from pathlib import Path

from catwalk.bench.measure import copy_db, loadavg, median, run_step, say, without
from catwalk.bench.probe import leaf_change

SECTIONS = ("generator", "generator_postgres", "backfill", "scheduled_run", "plan_dev", "double_history")
# the figures each section writes (kept from the previous report when another section is re-measured)
SECTION_FIGURES = {
    "generator": ("generator_duckdb",),
    "generator_postgres": ("generator_postgres",),
    "backfill": ("backfill", "engine_only", "sqlmesh_overhead"),
    "scheduled_run": ("scheduled_run", "full_rebuild", "run_to_rebuild"),
    "plan_dev": ("plan_dev_no_change", "plan_dev_leaf_change"),
    "double_history": ("generator_double_history", "backfill_double_history",
                       "scheduled_run_double_history", "run_growth_double_history"),
}


@dataclasses.dataclass
class BenchRun:
    """One benchmark run: its scale, the end of its generated history, its scratch folder and figures."""

    scale: str
    gateway: str
    days: int
    repetitions: int
    end: dt.datetime  # the end of the generated history (00:00 UTC of the day the bench starts)
    work: Path  # scratch folder, removed at the end
    frozen: str  # the project copied at the start: other people may change models meanwhile
    figures: dict[str, t.Any]
    previous: dict[str, t.Any]  # the report --only re-measures into
    errors: dict[str, str] = dataclasses.field(default_factory=dict)

    def start_of(self, days: int) -> str:
        return (self.end - dt.timedelta(days=days)).date().isoformat()

    def at(self, hours: float) -> str:
        return (self.end + dt.timedelta(hours=hours)).isoformat()

    def step(self, name: str, **args: t.Any) -> dict:
        say(f"{name} ...")
        result = run_step(name, **args)
        result["loadavg"] = loadavg()
        say(f"{name}: {result.get('seconds', 0):.1f} s, peak RSS {result['peak_rss_mb']:,.0f} MB")
        return result

    def db(self, folder: str) -> Path:
        """A DuckDB file in its own folder: always named warehouse.duckdb, because the catalog is the
        file stem and SQLMesh's state and views embed it (a renamed copy would be another catalog)."""
        (self.work / folder).mkdir(exist_ok=True)
        return self.work / folder / "warehouse.duckdb"


# the simulated times (hours after the end of history) of the loads and runs the steps replay
MORNING_UNTIL = 7  # the 05:30 and 06:00 loads
MORNING_RUN = 7.5  # the 07:00 run (backfill)
HALF_DAY_UNTIL = 17.5  # the 17:00 and 17:30 loads
HALF_DAY_RUN = 18.5  # the 18:00 run


def generator(run: BenchRun) -> None:
    """1. raw rows per second into DuckDB: median of `repetitions` generations."""
    start = run.start_of(run.days)
    runs = [run.step("generate", db=run.db(f"gen{r}"), scale=run.scale, start=start, days=run.days)
            for r in range(run.repetitions)]
    rows = runs[0]["rows"]
    seconds = median([r["seconds"] for r in runs])
    cpu = median([r["cpu_seconds"] for r in runs])
    run.figures["generator_duckdb"] = {
        "rows": rows, "seconds": seconds, "rows_per_second": round(rows / seconds),
        "cpu_seconds": cpu, "rows_per_cpu_second": round(rows / max(cpu, 1e-9)),
        "peak_rss_mb": max(r["peak_rss_mb"] for r in runs), "repetitions": run.repetitions,
        "loadavg": runs[-1]["loadavg"],
    }
    copy_db(run.db("gen0"), run.db("raw"))
    for extra in range(1, run.repetitions):
        shutil.rmtree(run.work / f"gen{extra}", ignore_errors=True)


def drop_postgres_database(name: str) -> None:
    from catwalk.project import connect_postgres

    admin = connect_postgres(dbname="postgres")
    try:
        admin.autocommit = True
        with admin.cursor() as cur:
            cur.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
    finally:
        admin.close()


def generator_postgres(run: BenchRun) -> None:
    """1b. the generator into Postgres (COPY), in a scratch database dropped afterwards."""
    database = f"catwalk_bench_{os.getpid()}"
    try:
        pg = run.step("generate", db=run.db("pg"), scale=run.scale, start=run.start_of(run.days), days=run.days,
                      gateway="postgres", pg_database=database)
    finally:
        drop_postgres_database(database)
    run.figures["generator_postgres"] = {
        "rows": pg["rows"], "seconds": pg["seconds"], "rows_per_second": round(pg["rows"] / pg["seconds"]),
        "cpu_seconds": pg["cpu_seconds"], "peak_rss_mb": pg["peak_rss_mb"], "repetitions": 1,
        "loadavg": pg["loadavg"],
    }


def engine_only(run: BenchRun, folder: str, now: str, load_until: str, intervals: dict) -> dict:
    """The engine-only step on a copy of the raw warehouse in `folder` (removed afterwards)."""
    engine_db = run.db(folder)
    copy_db(run.db("raw"), engine_db)
    try:
        return run.step("engine_only", db=engine_db, start=run.start_of(run.days), now=now,
                        load_until=load_until, project=run.frozen, intervals=intervals)
    finally:
        shutil.rmtree(engine_db.parent, ignore_errors=True)


def backfill(run: BenchRun) -> None:
    """2. the full prod backfill against the same work engine-only (same loads, same intervals)."""
    now, until = run.at(MORNING_RUN), run.at(MORNING_UNTIL)
    result = run.step("backfill", db=run.db("gen0"), start=run.start_of(run.days), now=now, load_until=until,
                      project=run.frozen)
    run.figures["backfill"] = {**without(result, "intervals"), "repetitions": 1}
    engine = engine_only(run, "engine", now, until, result["intervals"])
    run.figures["engine_only"] = {**engine, "repetitions": 1}
    run.figures["sqlmesh_overhead"] = round(result["seconds"] / max(engine["seconds"], 1e-9), 2)


def scheduled_run(run: BenchRun) -> None:
    """3. the 18:00 run after a half-day of loads against a full rebuild of the same data."""
    now, until = run.at(HALF_DAY_RUN), run.at(HALF_DAY_UNTIL)
    run_db = run.db("run")
    copy_db(run.db("gen0"), run_db)
    try:
        result = run.step("load_and_run", db=run_db, start=run.start_of(run.days), load_until=until, now=now,
                          project=run.frozen)
    finally:
        shutil.rmtree(run_db.parent, ignore_errors=True)
    run.figures["scheduled_run"] = {**without(result, "intervals"), "repetitions": 1}
    rebuild = engine_only(run, "rebuild", now, until, result["intervals"])
    run.figures["full_rebuild"] = {**rebuild, "repetitions": 1}
    run.figures["run_to_rebuild"] = round(result["seconds"] / max(rebuild["seconds"], 1e-9), 3)


def plan_dev(run: BenchRun) -> None:
    """5. `plan dev` with no change (median), then after a one-line change to a leaf model."""
    start, now, warehouse = run.start_of(run.days), run.at(MORNING_RUN), run.db("gen0")
    no_change = [run.step("plan_dev", db=warehouse, start=start, now=now, env="bench_dev", project=run.frozen)
                 for _ in range(run.repetitions)]
    run.figures["plan_dev_no_change"] = {
        "seconds": median([r["seconds"] for r in no_change]),
        "cpu_seconds": median([r["cpu_seconds"] for r in no_change]),
        "rows_written": max(r["rows_written"] for r in no_change),
        "backfilled": no_change[-1]["backfilled"], "peak_rss_mb": max(r["peak_rss_mb"] for r in no_change),
        "repetitions": run.repetitions, "loadavg": no_change[-1]["loadavg"],
    }
    project = Path(shutil.copytree(run.frozen, run.work / "project_leaf",
                                   ignore=shutil.ignore_patterns(".cache", "logs")))
    leaves = run.step("leaves", db=warehouse, start=start, project=str(project))["leaves"]
    leaf = leaf_change(project, leaves)
    change = run.step("plan_dev", db=warehouse, start=start, now=now, env="bench_leaf", project=str(project))
    run.figures["plan_dev_leaf_change"] = {**change, "changed_model": leaf, "repetitions": 1}


def double_history(run: BenchRun) -> None:
    """4. the same scheduled run on a warehouse with twice the history."""
    start, days, figures = run.start_of(2 * run.days), 2 * run.days, run.figures
    double_db = run.db("double")
    generated = run.step("generate", db=double_db, scale=run.scale, start=start, days=days)
    figures["generator_double_history"] = {**generated, "repetitions": 1}
    built = run.step("backfill", db=double_db, start=start, now=run.at(MORNING_RUN),
                     load_until=run.at(MORNING_UNTIL), project=run.frozen)
    figures["backfill_double_history"] = {**without(built, "intervals"), "repetitions": 1}
    doubled = run.step("load_and_run", db=double_db, start=start, load_until=run.at(HALF_DAY_UNTIL),
                       now=run.at(HALF_DAY_RUN), project=run.frozen)
    figures["scheduled_run_double_history"] = {**without(doubled, "intervals"), "repetitions": 1}
    reference = figures.get("scheduled_run") or run.previous.get("scheduled_run")  # --only: the report's
    if reference:
        figures["run_growth_double_history"] = round(doubled["seconds"] / max(reference["seconds"], 1e-9), 2)


def section(run: BenchRun, name: str, function: t.Callable[[BenchRun], None]) -> bool:
    """Run one section; a failed step is recorded (and reported) and the bench goes on."""
    try:
        function(run)
        return True
    except RuntimeError as error:
        run.errors[name] = str(error).splitlines()[0]
        say(f"{name} failed: {run.errors[name]}")
        return False


def run_sections(run: BenchRun, only: t.Optional[t.Sequence[str]]) -> None:
    """The sections in order (all, or those of `only`); the later ones need the generated warehouse."""

    def wanted(name: str) -> bool:
        return only is None or name in only

    if wanted("generator") and not section(run, "generator", generator):
        return
    if run.gateway == "postgres" and wanted("generator_postgres"):
        section(run, "generator_postgres", generator_postgres)
    if wanted("backfill") and section(run, "backfill", backfill):
        if wanted("scheduled_run"):
            section(run, "scheduled_run", scheduled_run)
        if wanted("plan_dev"):
            section(run, "plan_dev", plan_dev)
    for folder in ("gen0", "raw"):
        shutil.rmtree(run.work / folder, ignore_errors=True)
    if wanted("double_history"):
        section(run, "double_history", double_history)
