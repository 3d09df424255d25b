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
    "scheduled_run": ("scheduled_run", "full_rebuild", "run_to_rebuild",
                      "scheduled_run_07", "full_rebuild_07", "run_to_rebuild_07"),
    "plan_dev": ("plan_dev_no_change", "plan_dev_leaf_change", "plan_dev_leaf_change_default",
                 "plan_dev_leaf_change_changed_only"),
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

    def pg_database(self, folder: str) -> str:
        return f"catwalk_bench_{os.getpid()}_{folder}"

    def warehouse(self, folder: str) -> dict:
        """The step arguments naming the warehouse of `folder` on the bench's gateway (model steps)."""
        if self.gateway == "postgres":
            return {"gateway": "postgres", "db": self.db(folder), "pg_database": self.pg_database(folder)}
        return {"gateway": "local", "db": self.db(folder)}

    def copy_warehouse(self, source: str, target: str) -> None:
        """A copy of a warehouse (DuckDB: the file; Postgres: CREATE DATABASE ... TEMPLATE)."""
        if self.gateway == "postgres":
            copy_postgres_database(self.pg_database(source), self.pg_database(target))
        else:
            copy_db(self.db(source), self.db(target))

    def drop_warehouse(self, folder: str) -> None:
        if self.gateway == "postgres":
            drop_postgres_database(self.pg_database(folder))
        shutil.rmtree(self.work / folder, ignore_errors=True)


# the simulated times (hours after the end of history) of the loads and runs the steps replay
MORNING_UNTIL = 7  # the 05:30 and 06:00 loads
MORNING_RUN = 7.5  # the 07:00 run (backfill)
HALF_DAY_UNTIL = 17.5  # the 17:00 and 17:30 loads
HALF_DAY_RUN = 18.5  # the 18:00 run
NIGHT_UNTIL = 24 + MORNING_UNTIL  # the next morning's loads
NEXT_MORNING_RUN = 24 + MORNING_RUN  # the next 07:00 run: every daily model


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


def _postgres_admin(statement: str) -> None:
    """One statement on the server's `postgres` database (outside a transaction, as CREATE/DROP
    DATABASE need)."""
    from catwalk.project import connect_postgres

    admin = connect_postgres(dbname="postgres")
    try:
        admin.autocommit = True
        with admin.cursor() as cur:
            cur.execute(statement)
    finally:
        admin.close()


def drop_postgres_database(name: str) -> None:
    _postgres_admin(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def copy_postgres_database(source: str, target: str) -> None:
    drop_postgres_database(target)
    _postgres_admin(f'CREATE DATABASE "{target}" TEMPLATE "{source}"')


def generator_postgres(run: BenchRun) -> None:
    """1b. the generator into Postgres (COPY), in a scratch database: with the postgres gateway it is
    the warehouse the model steps run on (gen0, copied to raw), dropped at the end of the bench."""
    database = run.pg_database("gen0")
    try:
        pg = run.step("generate", db=run.db("pg"), scale=run.scale, start=run.start_of(run.days), days=run.days,
                      gateway="postgres", pg_database=database)
        if run.gateway == "postgres":
            copy_postgres_database(database, run.pg_database("raw"))
    except BaseException:
        drop_postgres_database(database)
        raise
    run.figures["generator_postgres"] = {
        "rows": pg["rows"], "seconds": pg["seconds"], "rows_per_second": round(pg["rows"] / pg["seconds"]),
        "cpu_seconds": pg["cpu_seconds"], "peak_rss_mb": pg["peak_rss_mb"], "repetitions": 1,
        "loadavg": pg["loadavg"],
    }


def engine_only(run: BenchRun, folder: str, now: str, load_until: str, intervals: dict) -> dict:
    """The engine-only step on a copy of the raw warehouse in `folder` (removed afterwards)."""
    run.copy_warehouse("raw", folder)
    try:
        return run.step("engine_only", **run.warehouse(folder), start=run.start_of(run.days), now=now,
                        load_until=load_until, project=run.frozen, intervals=intervals)
    finally:
        run.drop_warehouse(folder)


def backfill(run: BenchRun) -> None:
    """2. the full prod backfill against the same work engine-only (same loads, same intervals)."""
    now, until = run.at(MORNING_RUN), run.at(MORNING_UNTIL)
    result = run.step("backfill", **run.warehouse("gen0"), start=run.start_of(run.days), now=now,
                      load_until=until, project=run.frozen)
    run.figures["backfill"] = {**without(result, "intervals"), "repetitions": 1}
    engine = engine_only(run, "engine", now, until, result["intervals"])
    run.figures["engine_only"] = {**engine, "repetitions": 1}
    run.figures["sqlmesh_overhead"] = round(result["seconds"] / max(engine["seconds"], 1e-9), 2)


def scheduled_run(run: BenchRun) -> None:
    """3. the 18:00 run after a half-day of loads, then the next 07:00 run after the night's loads,
    each against a full rebuild of the same data.

    DuckDB: on a copy of the backfilled warehouse. Postgres: on the backfilled database itself (run
    after plan_dev): SQLMesh's state names every physical table with the database it was planned
    in, so a run in a copy made by `CREATE DATABASE ... TEMPLATE` refuses to start ("all catalog
    operations against a single catalog"), as a prod run would in a restored dump under another
    name."""
    folder = "gen0" if run.gateway == "postgres" else "run"
    if folder != "gen0":
        run.copy_warehouse("gen0", folder)
    try:
        for suffix, now, until in (("", HALF_DAY_RUN, HALF_DAY_UNTIL), ("_07", NEXT_MORNING_RUN, NIGHT_UNTIL)):
            now, until = run.at(now), run.at(until)
            result = run.step("load_and_run", **run.warehouse(folder), start=run.start_of(run.days),
                              load_until=until, now=now, project=run.frozen)
            run.figures[f"scheduled_run{suffix}"] = {**without(result, "intervals"), "repetitions": 1}
            rebuild = engine_only(run, "rebuild", now, until, result["intervals"])
            run.figures[f"full_rebuild{suffix}"] = {**rebuild, "repetitions": 1}
            run.figures[f"run_to_rebuild{suffix}"] = round(result["seconds"] / max(rebuild["seconds"], 1e-9), 3)
    finally:
        if folder != "gen0":
            run.drop_warehouse(folder)


def plan_dev(run: BenchRun) -> None:
    """5. `plan dev` with no change (median), then after a one-line change to a leaf model with each
    set of flags (steps.PLAN_FLAGS; a different change each time, so each plan backfills the leaf).
    The changed project keeps SQLMesh's load cache, as a developer's checkout does: its load re-reads
    the changed file only."""
    start, now, warehouse = run.start_of(run.days), run.at(MORNING_RUN), run.warehouse("gen0")
    no_change = [run.step("plan_dev", **warehouse, start=start, now=now, env="bench_dev", project=run.frozen)
                 for _ in range(run.repetitions)]
    run.figures["plan_dev_no_change"] = {
        "seconds": median([r["seconds"] for r in no_change]),
        "cpu_seconds": median([r["cpu_seconds"] for r in no_change]),
        "load_seconds": median([r["load_seconds"] for r in no_change]),
        "rows_written": max(r["rows_written"] for r in no_change),
        "backfilled": no_change[-1]["backfilled"], "peak_rss_mb": max(r["peak_rss_mb"] for r in no_change),
        "repetitions": run.repetitions, "loadavg": no_change[-1]["loadavg"],
    }
    leaves = run.step("leaves", **warehouse, start=start, project=run.frozen)["leaves"]
    for value, (flags, key) in enumerate((("skip", "plan_dev_leaf_change"),
                                          ("changed_only", "plan_dev_leaf_change_changed_only"),
                                          ("default", "plan_dev_leaf_change_default")), start=1):
        project = Path(shutil.copytree(run.frozen, run.work / f"project_leaf_{flags}",
                                       ignore=shutil.ignore_patterns("logs")))
        leaf = leaf_change(project, leaves, value)
        change = run.step("plan_dev", **warehouse, start=start, now=now, env=f"bench_leaf_{flags}",
                          project=str(project), flags=flags)
        run.figures[key] = {**change, "changed_model": leaf, "repetitions": 1}


def double_history(run: BenchRun) -> None:
    """4. the same scheduled run on a warehouse with twice the history."""
    start, days, figures = run.start_of(2 * run.days), 2 * run.days, run.figures
    double = run.warehouse("double")
    try:
        generated = run.step("generate", **double, scale=run.scale, start=start, days=days)
        figures["generator_double_history"] = {**generated, "repetitions": 1}
        built = run.step("backfill", **double, start=start, now=run.at(MORNING_RUN),
                         load_until=run.at(MORNING_UNTIL), project=run.frozen)
        figures["backfill_double_history"] = {**without(built, "intervals", "breakdown"), "repetitions": 1}
        doubled = run.step("load_and_run", **double, start=start, load_until=run.at(HALF_DAY_UNTIL),
                           now=run.at(HALF_DAY_RUN), project=run.frozen)
    finally:
        run.drop_warehouse("double")
    figures["scheduled_run_double_history"] = {**without(doubled, "intervals", "breakdown"), "repetitions": 1}
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
    """The sections in order (all, or those of `only`); the later ones need the generated warehouse
    (DuckDB's with the local gateway, Postgres's with the postgres gateway)."""

    def wanted(name: str) -> bool:
        return only is None or name in only

    try:
        if wanted("generator") and not section(run, "generator", generator) and run.gateway == "local":
            return
        if run.gateway == "postgres" and wanted("generator_postgres"):
            if not section(run, "generator_postgres", generator_postgres):
                return
        if wanted("backfill") and section(run, "backfill", backfill):
            # on Postgres the runs load into the backfilled database itself: plan dev goes first
            later = [("scheduled_run", scheduled_run), ("plan_dev", plan_dev)]
            for name, function in later[::-1] if run.gateway == "postgres" else later:
                if wanted(name):
                    section(run, name, function)
    finally:
        for folder in ("gen0", "raw"):
            run.drop_warehouse(folder)
    if wanted("double_history"):
        section(run, "double_history", double_history)
