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
    "sqlmesh_overhead": 1.2,
    "scheduled_run": _step(0.4, 800.0, exit_code=0, models_evaluated=40, rows_written=1_000),
    "full_rebuild": _step(10.0, 1200.0, rows=480_000, models=150),
    "run_to_rebuild": 0.04,
    "scheduled_run_double_history": _step(0.44, 800.0, exit_code=0),
    "run_growth_double_history": 1.1,
    "plan_dev_no_change": {"seconds": 2.0, "rows_written": 0, "backfilled": [], "peak_rss_mb": 700.0,
                           "repetitions": 3, "loadavg": [1.0, 1.0, 1.0]},
    "plan_dev_leaf_change": _step(3.0, 700.0, backfilled=["analytics.tableau_x"], rows_written=12,
                                  new_tables=1, changed_model="analytics.tableau_x"),
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
    ({"sqlmesh_overhead": 1.31}, "SQLMesh overhead"),
    ({"run_to_rebuild": 0.051}, "Half-day run / full rebuild"),
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


def test_probe_column_goes_into_the_final_select():
    changed = probe.add_probe_column(MODEL)
    assert changed.count("bench_probe") == 1
    final = changed[changed.rindex("\nSELECT"):]
    assert "    , b::INT AS b /* Another column */\n    , 1 AS bench_probe /* Benchmark probe column */\nFROM source" in final
    assert changed.replace("    , 1 AS bench_probe /* Benchmark probe column */\n", "") == MODEL


@pytest.mark.parametrize("text", [
    MODEL + "UNION ALL\nSELECT\n    1 AS a\n    , 2 AS b\nFROM other\n",
    "MODEL (name x);\n\nSELECT\n    1 AS a\n",
])
def test_probe_column_refuses_queries_it_cannot_change_safely(text):
    with pytest.raises(ValueError):
        probe.add_probe_column(text)


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
    assert probe.leaf_change(copy_dir, leaves) == "analytics.tableau_example"
    assert "bench_probe" in (folder / "plain.sql").read_text()
    assert "bench_probe" not in (folder / "union.sql").read_text()
    with pytest.raises(RuntimeError, match="no leaf model"):
        probe.leaf_change(copy_dir, leaves[:1])


def test_probe_lands_in_the_outer_select_of_real_models():
    """On the project's own models the editor adds the column to the outermost SELECT, or refuses."""
    from sqlglot import exp
    from sqlmesh.core.dialect import parse

    edited = 0
    for path in sorted(Path(PROJECT_ROOT / "models").rglob("*.sql")):
        text = path.read_text()
        try:
            changed = probe.add_probe_column(text)
        except ValueError:
            continue
        query = parse(changed, default_dialect="duckdb")[-1]
        assert isinstance(query, exp.Select), path
        assert "bench_probe" in query.named_selects, path
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

    assert catwalk.bench.bench(scale="demo", gateway="postgres", only=("generator_postgres",)) == 0
    assert steps == [("generate", "postgres")]  # nothing else ran
    merged = json.loads((tmp_path / "latest.json").read_text())
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
    merged = json.loads((tmp_path / "latest.json").read_text())
    assert list(merged["remeasured"]) == ran
    for name in ran:
        for key in sections.SECTION_FIGURES[name]:
            assert key in merged, key
    assert set(_verdicts((tmp_path / "latest.md").read_text()).values()) == {"met"}


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
