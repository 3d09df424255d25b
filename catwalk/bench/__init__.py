"""`catwalk bench`: how fast Catwalk generates, builds, runs and plans, and how its cost grows.

Every step runs in its own Python subprocess (`python -m catwalk.bench step ...`) so its peak
resident memory (RSS) is measured alone. Steps, on fresh generated warehouses in a scratch folder
(DuckDB files with `--gateway local`; Postgres databases, copied by `CREATE DATABASE ... TEMPLATE`,
with `--gateway postgres`: the model steps then run on Postgres):

1. generator: raw rows written per second into DuckDB (and Postgres, by COPY, with --gateway postgres);
2. full prod backfill (SQLMesh plan) and the engine-only time of the same work: the rendered SQL of
   every model executed directly in DAG order, without SQLMesh — their ratio is SQLMesh's overhead
   (the engine-only run stands in for the original `dbt run`);
3. the scheduled 18:00 run after a half-day of loads, then the next 07:00 run after the night's
   loads (`load --until` then `catwalk run`), each against the same data rebuilt engine-only;
4. the same 18:00 run on a warehouse with twice the history;
5. `plan dev` with no change (wall time, rows written), and after a one-line change to a leaf model
   with `--skip-tests --skip-linter`, with `--test-changed-only` (what `catwalk plan dev` passes) and
   with SQLMesh's defaults (every unit test, the linter): plan time and project load time;
6. peak RSS of each step;
7. for the backfill, both runs and the default-flags `plan dev`: where the time goes per model
   (engine, rendering, audits, evaluation, state and bookkeeping; `breakdown`), top 15 by wall time.

Results: a markdown table on stdout, `bench/latest.md` and `bench/latest.json` (a report per scale
and gateway), with the machine. Targets (issues 10 and 20) are printed beside each figure, and a
missed target is said plainly.

Modules: `steps` and `engine` (what each measuring subprocess does), `breakdown` (SQLMesh's calls
timed per model inside a step), `measure` (running a step in its own interpreter, the machine),
`sections` (the measurements: steps turned into figures), `probe` (the one-line change of a leaf
model), `report` (targets, verdicts, causes, markdown).
"""

from __future__ import annotations

import datetime as dt
import json
import shutil
import tempfile
import typing as t
from pathlib import Path

from catwalk.bench.measure import loadavg, machine, say
from catwalk.bench.report import format_report
from catwalk.bench.sections import SECTION_FIGURES, SECTIONS, BenchRun, run_sections
from catwalk.project import PROJECT_ROOT, CatwalkError, copy_project

BENCH_DIR = PROJECT_ROOT / "bench"


def _previous_report(only: t.Sequence[str], scale: str, gateway: str) -> tuple[tuple[str, ...], dict]:
    """(sections to run, the report they re-measure into) for `--only`; CatwalkError if impossible."""
    unknown = sorted(set(only) - set(SECTIONS))
    if unknown:
        raise CatwalkError(f"unknown bench sections {', '.join(unknown)}; choose from {', '.join(SECTIONS)}")
    # backfill runs on a generated warehouse (Postgres's with the postgres gateway); scheduled_run
    # and plan_dev on its prod backfill
    generated = ("generator_postgres",) if gateway == "postgres" else ("generator",)
    needs = (*generated, "backfill") if {"scheduled_run", "plan_dev"} & set(only) else generated
    if {"backfill", "scheduled_run", "plan_dev"} & set(only):
        only = tuple(dict.fromkeys((*needs, *only)))
    only = tuple(only)
    previous = read_reports().get(report_key(scale, gateway), {})
    if not previous:
        raise CatwalkError(f"--only re-measures into bench/latest.json's report of scale {scale} and gateway "
                           f"{gateway}; run the whole bench first")
    return only, previous


def report_key(scale: str, gateway: str) -> str:
    return f"{scale}/{gateway}"


def read_reports() -> dict[str, dict]:
    """{"scale/gateway": figures} of bench/latest.json (a report of one scale and gateway before)."""
    try:
        data = json.loads((BENCH_DIR / "latest.json").read_text())
    except (OSError, ValueError):
        return {}
    if "reports" in data:
        return data["reports"]
    return {report_key(data["scale"], data["gateway"]): data} if "scale" in data else {}


def _report_order(key: str) -> tuple[int, str]:
    scale, gateway = key.split("/", 1)
    return (("demo", "bench").index(scale) if scale in ("demo", "bench") else 9, gateway)


def write_reports(reports: dict[str, dict]) -> str:
    """bench/latest.json (every report) and bench/latest.md (a section per scale and gateway)."""
    keys = sorted(reports, key=_report_order)
    markdown = "\n\n".join(format_report(reports[key]) for key in keys)
    BENCH_DIR.mkdir(exist_ok=True)
    (BENCH_DIR / "latest.json").write_text(
        json.dumps({"reports": {key: reports[key] for key in keys}}, indent=2, default=str) + "\n")
    (BENCH_DIR / "latest.md").write_text(markdown + "\n")
    return markdown


def _merge(previous: dict, figures: dict, errors: dict, only: t.Sequence[str]) -> dict:
    """The previous report with the re-measured sections replaced and dated."""
    merged = {**previous, "errors": {**previous.get("errors", {}), **errors}}
    remeasured = dict(previous.get("remeasured", {}))
    for name in only:
        for key in SECTION_FIGURES[name]:
            merged.pop(key, None)
            if key in figures:
                merged[key] = figures[key]
        merged["errors"].pop(name, None)
        if name in errors:
            merged["errors"][name] = errors[name]
        remeasured[name] = figures["machine"]["date"]
    merged["remeasured"] = remeasured
    return merged


def bench(scale: str = "bench", gateway: str = "local", repetitions: int = 3,
          only: t.Optional[t.Sequence[str]] = None) -> int:
    """Run the benchmark; `only` re-measures some sections into the existing report (same scale
    and gateway), which then dates each re-measured section."""
    from catwalk.warehouse import SCALES

    previous: dict[str, t.Any] = {}
    if only:
        only, previous = _previous_report(only, scale, gateway)
    days = SCALES[scale]["days"]
    figures: dict[str, t.Any] = {"scale": scale, "gateway": gateway, "days": days, "machine": machine(),
                                 "models_on": "Postgres" if gateway == "postgres" else "DuckDB"}
    work = Path(tempfile.mkdtemp(prefix="catwalk-bench-"))
    say(f"scale={scale} ({days} days), scratch {work}")
    end = dt.datetime.now(dt.timezone.utc).replace(hour=0, minute=0, second=0, microsecond=0)
    try:
        run = BenchRun(scale, gateway, days, repetitions, end, work, str(copy_project(work / "project")),
                       figures, previous)
        figures["errors"] = run.errors
        run_sections(run, only)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    figures["machine"]["loadavg_end"] = loadavg()
    if only:
        figures = _merge(previous, figures, run.errors, only)
    print(format_report(figures))
    reports = read_reports()
    reports[report_key(scale, gateway)] = figures
    write_reports(reports)
    return 0
