"""The benchmark's own logic: report formatting and verdicts, the leaf-change editor, --only, its layout.

Nothing here is timed: the figures are made up, the assertions are about what the report says.
"""

from __future__ import annotations

import copy
from pathlib import Path

import pytest

import catwalk.bench
from catwalk.bench import probe, sections
from catwalk.bench.report import CAUSES, format_report
from catwalk.project import PROJECT_ROOT


def _step(seconds: float, rss: float, **extra) -> dict:
    return {"seconds": seconds, "cpu_seconds": seconds / 2, "peak_rss_mb": rss, "loadavg": [1.0, 2.0, 3.0],
            "repetitions": 1, **extra}


FIGURES = {
    "scale": "demo", "gateway": "local", "days": 42,
    "machine": {"cores": 2, "cpu": "Test CPU", "memory_gb": 8.0, "platform": "Linux", "python": "3.11",
                "sqlmesh": "0.236.4", "sqlglot": "30", "duckdb": "1.5.6", "date": "2026-11-27 22:00 UTC",
                "loadavg_start": [0.5, 0.5, 0.5], "loadavg_end": [4.0, 3.0, 2.0]},
    "generator_duckdb": {"rows": 2_000_000, "seconds": 1.0, "rows_per_second": 2_000_000, "cpu_seconds": 1.5,
                         "rows_per_cpu_second": 1_333_333, "peak_rss_mb": 900.0, "repetitions": 3,
                         "loadavg": [1.0, 1.0, 1.0]},
    "backfill": _step(12.0, 1500.0, rows=500_000, models=150),
    "engine_only": _step(10.0, 1200.0, rows=480_000, models=150, slowest=[["analytics.chats", 2.5]]),
    "sqlmesh_overhead": 0.9,
    "scheduled_run": _step(0.4, 800.0, exit_code=0, models_evaluated=40, rows_written=1_000),
    "full_rebuild": _step(10.0, 1200.0, rows=480_000, models=150),
    "run_to_rebuild": 0.04,
    "scheduled_run_07": _step(0.8, 800.0, exit_code=0, models_evaluated=150, rows_written=5_000),
    "full_rebuild_07": _step(10.0, 1200.0, rows=480_000, models=150),
    "run_to_rebuild_07": 0.08,
    "scheduled_run_double_history": _step(0.44, 800.0, exit_code=0),
    "run_growth_double_history": 1.1,
    "plan_dev_no_change": {"seconds": 2.0, "rows_written": 0, "backfilled": [], "peak_rss_mb": 700.0,
                           "repetitions": 3, "loadavg": [1.0, 1.0, 1.0]},
    "plan_dev_leaf_change": _step(3.0, 700.0, backfilled=["analytics.tableau_x"], rows_written=12,
                                  new_tables=1, changed_model="analytics.tableau_x", load_seconds=4.0),
    "plan_dev_leaf_change_changed_only": _step(4.0, 700.0, backfilled=["analytics.tableau_x"], rows_written=12,
                                               changed_model="analytics.tableau_x", load_seconds=5.0),
    "plan_dev_leaf_change_default": _step(4.5, 700.0, backfilled=["analytics.tableau_x"], rows_written=12,
                                          changed_model="analytics.tableau_x", load_seconds=5.0),
}


def _verdicts(report: str) -> dict[str, str]:
    """{step: verdict} of the rows of the report table that have a target."""
    rows = [[cell.strip() for cell in line.strip().strip("|").split("|")]
            for line in report.splitlines() if line.startswith("| ") and "---" not in line]
    return {cells[0]: cells[3] for cells in rows[1:] if cells[2]}


def test_report_says_met_when_every_target_is_met():
    report = format_report(FIGURES)
    verdicts = _verdicts(report)
    assert set(verdicts.values()) == {"met"}, verdicts
    assert "2 cores (Test CPU), 8.0 GB" in report
    assert "at start 0.5/0.5/0.5, at end 4/3/2" in report
    assert "Generator target missed" not in report
    assert "analytics.chats 2.5 s" in report


@pytest.mark.parametrize("change, row", [
    ({"generator_duckdb": {"rows_per_second": 999_999}}, "Generator into DuckDB"),
    ({"sqlmesh_overhead": 1.01}, "SQLMesh overhead"),
    ({"run_to_rebuild": 0.051}, "Half-day run / full rebuild"),
    ({"run_to_rebuild_07": 0.101}, "07:00 run / full rebuild"),
    ({"plan_dev_leaf_change_default": {"seconds": 5.5}}, "`plan dev`, leaf change, default flags (all unit tests, linter)"),
    ({"run_growth_double_history": 1.25}, "Half-day run, twice the history"),
    ({"plan_dev_no_change": {"seconds": 5.5}}, "`plan dev`, no change"),
    ({"plan_dev_no_change": {"rows_written": 3}}, "`plan dev`, no change"),
    ({"plan_dev_leaf_change": {"backfilled": ["analytics.tableau_x", "analytics.other"]}}, "`plan dev`, leaf change"),
    ({"plan_dev_leaf_change": {"backfilled": []}}, "`plan dev`, leaf change"),
    ({"backfill": {"peak_rss_mb": 4097.0}}, "Peak RSS (any step)"),
])
def test_each_missed_target_is_said_plainly(change, row):
    figures = copy.deepcopy(FIGURES)
    for key, value in change.items():
        if isinstance(value, dict):
            figures[key].update(value)
        else:
            figures[key] = value
    verdicts = _verdicts(format_report(figures))
    assert verdicts[row] == "**missed**"
    assert [name for name, verdict in verdicts.items() if verdict != "met"] == [row]


@pytest.mark.parametrize("cause, change, label", [
    ("generator", lambda f: f["generator_duckdb"].update(rows_per_second=300_000), "Generator target missed"),
    ("sqlmesh_overhead", lambda f: f.update(sqlmesh_overhead=6.9), "SQLMesh overhead target missed"),
    ("run_to_rebuild", lambda f: f.update(run_to_rebuild=3.0), "Half-day run target missed"),
    ("run_growth", lambda f: f.update(run_growth_double_history=1.5), "Run growth target missed"),
    ("plan_dev", lambda f: f["plan_dev_no_change"].update(seconds=7.5), "No-change `plan dev` target missed"),
    ("peak_rss", lambda f: f["generator_duckdb"].update(peak_rss_mb=5000.0), "Peak RSS target missed"),
])
def test_a_missed_target_quotes_the_cause_found(cause, change, label):
    figures = copy.deepcopy(FIGURES)
    change(figures)
    report = format_report(figures)
    assert f"{label}: {CAUSES[cause]}." in report
    assert sum(text in report for text in CAUSES.values()) == 1


def test_figures_of_a_failed_section_are_reported_as_not_measured():
    figures = copy.deepcopy(FIGURES)
    del figures["scheduled_run_double_history"], figures["run_growth_double_history"]
    figures["engine_only"].pop("slowest")
    figures["errors"] = {"double_history": "bench step backfill failed (exit 1), full output in /tmp/x.log:"}
    report = format_report(figures)
    verdicts = _verdicts(report)
    assert verdicts["Half-day run, twice the history"] == "**not measured**"
    assert [name for name, verdict in verdicts.items() if verdict != "met"] == ["Half-day run, twice the history"]
    assert "Section `double_history` failed, its figures are not measured: bench step backfill failed" in report
    assert "Slowest models" not in report
    # nothing measured at all: every target row says so, the report still renders
    bare = {key: FIGURES[key] for key in ("scale", "gateway", "days", "machine")}
    assert set(_verdicts(format_report(bare)).values()) == {"**not measured**"}


def test_postgres_generator_row_only_with_the_postgres_gateway():
    figures = copy.deepcopy(FIGURES)
    figures["generator_postgres"] = {"rows": 10, "seconds": 2.0, "rows_per_second": 5, "peak_rss_mb": 1.0}
    assert "Generator into Postgres (COPY)" not in format_report(figures)
    figures["gateway"] = "postgres"
    assert "| Generator into Postgres (COPY) | 10 rows in 2.0 s = 5 rows/s |" in format_report(figures)


MODEL = """MODEL (
    name analytics.tableau_example,
    kind FULL
);

WITH source AS (
    SELECT
        a
    FROM analytics.upstream
)
SELECT
    a::INT AS a /* A column */
    , b::INT AS b /* Another column */
FROM source
WHERE
    a > 0
"""


PROBE = "    RANDOM() >= -1 /* Benchmark probe */ AND\n"


def test_probe_filter_goes_into_the_final_where():
    changed = probe.add_probe_filter(MODEL)
    assert changed.count("Benchmark probe") == 1
    assert changed[changed.rindex("\nSELECT"):].endswith("FROM source\nWHERE\n" + PROBE + "    a > 0\n")
    assert changed.replace(PROBE, "") == MODEL
    assert "    RANDOM() >= -2 /* Benchmark probe */ AND\n" in probe.add_probe_filter(MODEL, 2)


def test_probe_filter_adds_a_where_before_grouping_or_at_the_end():
    grouped = MODEL.replace("WHERE\n    a > 0\n", "GROUP BY\n    a\n")
    changed = probe.add_probe_filter(grouped)
    assert changed.endswith("FROM source\nWHERE\n    RANDOM() >= -1 /* Benchmark probe */\nGROUP BY\n    a\n")
    bare = MODEL.replace("WHERE\n    a > 0\n", "")
    assert probe.add_probe_filter(bare).endswith("FROM source\nWHERE\n    RANDOM() >= -1 /* Benchmark probe */\n")
    assert probe.add_probe_filter(bare + ";\n").endswith("FROM source\nWHERE\n    RANDOM() >= -1 /* Benchmark probe */;\n")


@pytest.mark.parametrize("text", [
    MODEL + "UNION ALL\nSELECT\n    1 AS a\n    , 2 AS b\nFROM other\n",
    "MODEL (name x);\n\nSELECT\n    1 AS a\n",
])
def test_probe_filter_refuses_queries_it_cannot_change_safely(text):
    with pytest.raises(ValueError):
        probe.add_probe_filter(text)


def test_leaf_change_edits_the_first_leaf_it_fits_in_the_copy(tmp_path):
    copy_dir = tmp_path / "project"
    folder = copy_dir / "models" / "tableau"
    folder.mkdir(parents=True)
    (folder / "union.sql").write_text(MODEL + "UNION ALL\nSELECT\n    1 AS a\n    , 2 AS b\nFROM other\n")
    (folder / "plain.sql").write_text(MODEL)
    leaves = [
        {"name": "analytics.tableau_union", "path": "models/tableau/union.sql"},
        {"name": "analytics.tableau_example", "path": "models/tableau/plain.sql"},
    ]
    assert probe.leaf_change(copy_dir, leaves, 3) == "analytics.tableau_example"
    assert "RANDOM() >= -3 /* Benchmark probe */" in (folder / "plain.sql").read_text()
    assert "Benchmark probe" not in (folder / "union.sql").read_text()
    with pytest.raises(RuntimeError, match="no leaf model"):
        probe.leaf_change(copy_dir, leaves[:1])


def test_probe_lands_in_the_outer_where_of_real_models():
    """On the project's own models the probe goes into the outermost query's WHERE, keeping its
    columns and its condition (ANDed with the probe), or is refused."""
    from sqlglot import exp
    from sqlmesh.core.dialect import parse

    edited = 0
    for path in sorted(Path(PROJECT_ROOT / "models").rglob("*.sql")):
        text = path.read_text()
        try:
            changed = probe.add_probe_filter(text, 7)
        except ValueError:
            continue
        before, query = parse(text, default_dialect="duckdb")[-1], parse(changed, default_dialect="duckdb")[-1]
        assert isinstance(query, exp.Select), path
        assert query.named_selects == before.named_selects, path
        where = query.args["where"].this
        assert any(ge.sql("duckdb", comments=False) == "RANDOM() >= -7" for ge in where.find_all(exp.GTE)), path
        if before.args.get("where"):
            assert isinstance(where, (exp.And, exp.Or)), path
        edited += 1
    assert edited > 0


def test_audit_failures_are_listed_as_findings_not_costs():
    figures = copy.deepcopy(FIGURES)
    figures["backfill"]["audit_failures"] = ["episodes_x: forall"]
    figures["scheduled_run"]["audit_failures"] = ["episodes_x: forall", "chats: not_null"]
    report = format_report(figures)
    assert "never lets one stop it; these are data-quality findings for the models, not costs): " \
           "chats: not_null, episodes_x: forall" in report
    assert "data-quality findings" not in format_report(FIGURES)



def test_only_remeasures_a_section_into_the_previous_report(tmp_path, monkeypatch):
    import json

    from catwalk.project import CatwalkError

    previous = copy.deepcopy(FIGURES)
    previous["gateway"] = "postgres"
    previous["generator_postgres"] = {"rows": 1000, "seconds": 10.0, "rows_per_second": 100, "cpu_seconds": 9.0,
                                      "peak_rss_mb": 5000.0, "repetitions": 1, "loadavg": [1.0, 1.0, 1.0]}
    (tmp_path / "latest.json").write_text(json.dumps(previous))
    monkeypatch.setattr(catwalk.bench, "BENCH_DIR", tmp_path)
    steps = []

    def fake_step(name, **args):
        steps.append((name, args.get("gateway")))
        return {"rows": 1000, "seconds": 0.5, "cpu_seconds": 0.4, "peak_rss_mb": 100.0}

    monkeypatch.setattr(sections, "run_step", fake_step)
    monkeypatch.setattr(sections, "drop_postgres_database", lambda name: None)
    monkeypatch.setattr(sections, "copy_postgres_database", lambda source, target: None)

    assert catwalk.bench.bench(scale="demo", gateway="postgres", only=("generator_postgres",)) == 0
    assert steps == [("generate", "postgres")]  # nothing else ran
    merged = json.loads((tmp_path / "latest.json").read_text())["reports"]["demo/postgres"]
    assert merged["generator_postgres"]["rows_per_second"] == 2000
    assert merged["generator_postgres"]["peak_rss_mb"] == 100.0
    assert merged["backfill"] == previous["backfill"] and merged["machine"] == previous["machine"]
    assert list(merged["remeasured"]) == ["generator_postgres"]
    assert "Re-measured later (`catwalk bench --only`): generator_postgres on " in (tmp_path / "latest.md").read_text()

    with pytest.raises(CatwalkError, match="unknown bench sections nonsense"):
        catwalk.bench.bench(scale="demo", gateway="postgres", only=("nonsense",))
    with pytest.raises(CatwalkError, match="run the whole bench first"):
        catwalk.bench.bench(scale="demo", gateway="local", only=("generator",))


@pytest.mark.parametrize("only, ran", [
    (("plan_dev",), ["generator", "backfill", "plan_dev"]),
    (("scheduled_run",), ["generator", "backfill", "scheduled_run"]),
    (("backfill",), ["generator", "backfill"]),
    (("double_history",), ["double_history"]),
])
def test_only_runs_the_sections_a_section_needs_and_keeps_its_figures(tmp_path, monkeypatch, only, ran):
    """--only plan_dev (or scheduled_run) needs the prod backfill: it runs it, so its own figures
    are measured and replace the previous report's instead of being dropped."""
    import json

    (tmp_path / "latest.json").write_text(json.dumps(FIGURES))
    monkeypatch.setattr(catwalk.bench, "BENCH_DIR", tmp_path)
    calls = []
    for name in sections.SECTIONS:
        def fake(run, name=name):
            calls.append(name)
            for key in sections.SECTION_FIGURES[name]:
                run.figures[key] = copy.deepcopy(FIGURES.get(key, 1.0))
        monkeypatch.setattr(sections, name, fake)
    assert catwalk.bench.bench(scale="demo", gateway="local", only=only) == 0
    assert calls == ran
    merged = json.loads((tmp_path / "latest.json").read_text())["reports"]["demo/local"]
    assert list(merged["remeasured"]) == ran
    for name in ran:
        for key in sections.SECTION_FIGURES[name]:
            assert key in merged, key
    assert set(_verdicts((tmp_path / "latest.md").read_text()).values()) == {"met"}


def test_postgres_runs_load_into_the_backfilled_database_after_plan_dev(tmp_path, monkeypatch):
    """On Postgres the scheduled runs use the backfilled database itself (SQLMesh's state names its
    tables with their database: a TEMPLATE copy refuses the run), so plan dev is measured first;
    the rebuilds still run in copies."""
    import json

    previous = copy.deepcopy(FIGURES)
    previous["gateway"] = "postgres"
    (tmp_path / "latest.json").write_text(json.dumps(previous))
    monkeypatch.setattr(catwalk.bench, "BENCH_DIR", tmp_path)
    events = []

    def fake_step(name, **args):
        events.append((name, args.get("pg_database", "").rsplit("_", 1)[-1]))
        result = {"seconds": 1.0, "cpu_seconds": 1.0, "peak_rss_mb": 100.0, "rows": 10, "models": 1,
                  "intervals": {}, "exit_code": 0, "models_evaluated": 1, "rows_written": 1,
                  "load_seconds": 1.0, "backfilled": [], "leaves": [{"name": "m", "path": "p", "kind": "FULL"}]}
        return result

    monkeypatch.setattr(sections, "run_step", fake_step)
    monkeypatch.setattr(sections, "leaf_change", lambda project, leaves, value: "m")
    monkeypatch.setattr(sections, "drop_postgres_database", lambda name: events.append(("drop", name.rsplit("_", 1)[-1])))
    monkeypatch.setattr(sections, "copy_postgres_database",
                        lambda source, target: events.append(("copy", f"{source.rsplit('_', 1)[-1]}->{target.rsplit('_', 1)[-1]}")))
    catwalk.bench.bench(scale="demo", gateway="postgres", only=("scheduled_run", "plan_dev"))
    names = [name for name, _ in events]
    assert names.index("load_and_run") > max(i for i, name in enumerate(names) if name == "plan_dev")
    assert {database for name, database in events if name == "load_and_run"} == {"gen0"}
    assert ("copy", "gen0->run") not in events
    assert ("copy", "raw->rebuild") in events


def test_the_package_keeps_functions_short_and_the_step_entry_point():
    """catwalk/bench is split by what its modules do; no function is longer than 60 lines, and
    `python -m catwalk.bench` without a step says how it is used and exits 2."""
    import ast
    import subprocess
    import sys

    folder = Path(catwalk.bench.__file__).parent
    assert {path.stem for path in folder.glob("*.py")} >= {"steps", "engine", "measure", "sections", "probe", "report"}
    long = []
    for path in folder.glob("*.py"):
        for node in ast.walk(ast.parse(path.read_text())):
            if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)) and node.end_lineno - node.lineno >= 60:
                long.append(f"{path.name}:{node.name} ({node.end_lineno - node.lineno + 1} lines)")
    assert not long, long
    usage = subprocess.run([sys.executable, "-m", "catwalk.bench"], cwd=PROJECT_ROOT, capture_output=True, text=True)
    assert usage.returncode == 2 and "usage: python -m catwalk.bench step NAME JSON" in usage.stderr


class FakeClock:
    """A clock the test advances by hand: the breakdown's arithmetic without timing anything."""

    def __init__(self) -> None:
        self.now = 0.0

    def __call__(self) -> float:
        return self.now

    def tick(self, seconds: float) -> None:
        self.now += seconds


def _one_batch(recorder, clock: FakeClock, model: str, engine: float, render: float) -> None:
    """Scheduler.evaluate's shape: a write (render, engine), audits (render, engine), state, COMMIT."""
    with recorder.region(model=model, stage="batch"):
        clock.tick(0.1)  # publish.py's own Python
        with recorder.region(stage="evaluate"):
            clock.tick(0.2)
            with recorder.region(activity="render"):
                clock.tick(render)
            with recorder.region(activity="engine"):
                clock.tick(engine)
        with recorder.region(stage="audit"):
            clock.tick(0.3)
            with recorder.region(activity="render"):
                clock.tick(0.4)
                with recorder.region(activity="engine"):  # a query run while rendering counts as engine
                    clock.tick(0.05)
            with recorder.region(activity="engine"):
                clock.tick(0.5)
        with recorder.region(activity="engine"):  # COMMIT
            clock.tick(0.25)
        with recorder.region(stage="state"):
            clock.tick(0.01)
            with recorder.region(activity="engine"):
                clock.tick(0.02)


def test_breakdown_parts_add_up_to_each_models_wall_and_top_is_sorted():
    from catwalk.bench import breakdown

    clock = FakeClock()
    recorder = breakdown.Recorder(clock)
    with recorder.region(activity="render"):  # outside every model: the plan's own rendering
        clock.tick(2.0)
    for index in range(20):
        _one_batch(recorder, clock, f"analytics.m{index:02d}", engine=1.0 + index, render=0.5)
    with recorder.region(model="analytics.m03", stage="create"):  # a second scope of the same model
        clock.tick(0.05)
        with recorder.region(activity="render"):
            clock.tick(3.0)
    clock.tick(1.0)
    result = recorder.result(step_wall=clock.now)

    m05 = result["models"]["analytics.m05"]
    # engine: write 6.0 + audit queries 0.05 + 0.5 + COMMIT 0.25 (the state's 0.02 is bookkeeping)
    assert m05 == {"wall": 8.33, "engine": 6.8, "render": 0.9, "audit": 0.3, "evaluate": 0.2,
                   "bookkeeping": 0.13, "batches": 1}
    for model in result["models"].values():
        parts = sum(model[column] for column in breakdown.COLUMNS)
        assert parts == pytest.approx(model["wall"], abs=0.002)
    assert result["models"]["analytics.m03"]["render"] == pytest.approx(3.9)
    assert result["models"]["analytics.m03"]["batches"] == 1  # the create scope is not a batch

    ranked = breakdown.top(result["models"])
    assert len(ranked) == 15
    walls = [m["wall"] for _, m in ranked]
    assert walls == sorted(walls, reverse=True) and ranked[0][0] == "analytics.m19"

    stages = result["stages"]
    assert stages["outside models"] == {"render": 2.0}
    assert stages["audit"]["engine"] == pytest.approx(20 * 0.55)
    assert stages["state"] == {"python": pytest.approx(0.2), "engine": pytest.approx(0.4)}
    totals = result["totals"]
    assert totals["wall"] == pytest.approx(sum(m["wall"] for m in result["models"].values()), abs=0.01)
    # everything recorded adds up to the time spent in regions (the last 1.0 s was in none)
    recorded = sum(v for row in stages.values() for v in row.values())
    assert recorded == pytest.approx(clock.now - 1.0, abs=0.01)


def test_breakdown_keeps_threads_apart():
    """Postgres evaluates several models at a time: each thread's nesting is its own."""
    import threading

    from catwalk.bench import breakdown

    recorder = breakdown.Recorder()
    ready = threading.Barrier(2)

    def work(model: str) -> None:
        with recorder.region(model=model, stage="batch"):
            with recorder.region(stage="evaluate"):
                ready.wait()  # both threads inside their scopes at once
                with recorder.region(activity="engine"):
                    ready.wait()

    threads = [threading.Thread(target=work, args=(f"analytics.t{i}",)) for i in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    result = recorder.result(step_wall=1.0)
    assert set(result["models"]) == {"analytics.t0", "analytics.t1"}
    assert "outside models" not in result["stages"]
    for model in result["models"].values():
        assert model["batches"] == 1
        assert sum(model[column] for column in breakdown.COLUMNS) == pytest.approx(model["wall"], abs=0.002)


def test_report_shows_the_breakdown_top_models_largest_first():
    from catwalk.bench import breakdown

    clock = FakeClock()
    recorder = breakdown.Recorder(clock)
    for index in range(17):
        _one_batch(recorder, clock, f"analytics.m{index:02d}", engine=float(index), render=0.5)
    figures = copy.deepcopy(FIGURES)
    figures["backfill"]["breakdown"] = recorder.result(step_wall=clock.now)
    report = format_report(figures)
    assert "### Where the time goes: full prod backfill" in report
    section = report[report.index("Top 15 models"):]
    names = [line.split("|")[1].strip() for line in section.splitlines() if line.startswith("| analytics.")]
    assert names == [f"analytics.m{index:02d}" for index in range(16, 1, -1)]
    assert "| analytics.m16 | 1 | 18.33 | 16.80 | 0.90 | 0.30 | 0.20 | 0.13 |" in report


def test_reports_of_each_scale_and_gateway_share_latest(tmp_path, monkeypatch):
    """bench/latest.md holds a section per scale and gateway; a report of the former single-report
    format is kept as the report of its scale and gateway."""
    import json

    monkeypatch.setattr(catwalk.bench, "BENCH_DIR", tmp_path)
    old = {**copy.deepcopy(FIGURES), "scale": "bench", "days": 365, "note": "Measured earlier."}
    (tmp_path / "latest.json").write_text(json.dumps(old))
    reports = catwalk.bench.read_reports()
    assert list(reports) == ["bench/local"]
    reports["demo/postgres"] = {**copy.deepcopy(FIGURES), "gateway": "postgres", "models_on": "Postgres"}
    catwalk.bench.write_reports(reports)
    markdown = (tmp_path / "latest.md").read_text()
    demo = markdown.index("scale `demo` (42 days of history), gateway `postgres` (model steps on Postgres)")
    assert demo < markdown.index("scale `bench` (365 days of history), gateway `local`")
    assert "**Measured earlier.**" in markdown
    assert set(json.loads((tmp_path / "latest.json").read_text())["reports"]) == {"demo/postgres", "bench/local"}
