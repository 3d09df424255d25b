"""The daily work on the spark gateway: the scheduled run (`catwalk run --gateway spark`) computes
the same rows as on DuckDB after the same loads, and `catwalk review --gateway spark` plans a dev
environment (views on Spark), diffs its data against prod and leaves prod as it was.

Run by `make test-spark-all` (not in CI: CI has time for the parity run only) after
test_spark_parity.py, on the same Spark folder (conftest.py).
"""

from __future__ import annotations

import io

import pytest

from catwalk.parity import compare_rows, format_report

pytestmark = [pytest.mark.spark, pytest.mark.slow]

UNTIL = "2026-03-16T18:00:00Z"  # the loaders' 18:00 delivery
RUN_AT = "2026-03-16 18:30:00+00:00"  # the 18:00 scheduled run, after it


def _this_run(adapter) -> list[tuple]:
    """(model, interval start, status) of the batches of the latest run in meta.run_log."""
    rows = adapter.fetchall(
        "SELECT model, interval_start, status FROM meta.run_log WHERE model IS NOT NULL "
        "AND run_id = (SELECT MAX(run_id) FROM meta.run_log)")
    return sorted((model, str(start)[:19], status) for model, start, status in rows)


def _run(gateway: str) -> tuple[int, str]:
    import time_machine

    from catwalk.runner import run

    out = io.StringIO()
    with time_machine.travel(RUN_AT, tick=False):
        code = run(gateway=gateway, environment="prod", out=out)
    return code, out.getvalue()


@pytest.fixture(scope="module")
def after_scheduled_run(copy_tiny_prod, tiny_prod_spark, tiny_window, tmp_path_factory):
    """The 18:00 delivery loaded, then the 18:00 run, on Spark and on a copy of the DuckDB prod."""
    from catwalk.project import open_context
    from catwalk.warehouse import load

    copy = copy_tiny_prod(tmp_path_factory.mktemp("run_duckdb"))
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("CATWALK_DUCKDB", str(copy))
        patch.setenv("CATWALK_START", tiny_window.start)
        load(gateway="local", until=UNTIL, progress=False)
        load(gateway="spark", until=UNTIL, progress=False)  # nothing when the parity tests loaded it
        duck_code, duck_out = _run("local")
        spark_code, spark_out = _run("spark")
        duckdb = open_context("local", load=False)
        spark = open_context("spark", load=False)
    yield {"duckdb": duckdb, "spark": spark, "codes": (duck_code, spark_code),
           "outputs": (duck_out, spark_out)}
    duckdb.close()
    spark.close()


def test_scheduled_run_computes_the_same_rows_on_spark_as_on_duckdb(after_scheduled_run, tiny_prod):
    from sqlglot import exp

    duckdb, spark = after_scheduled_run["duckdb"], after_scheduled_run["spark"]
    duck_out, spark_out = after_scheduled_run["outputs"]
    # 0 success, 3 late sources (a quiet tiny source): both engines must agree either way
    assert after_scheduled_run["codes"][1] in (0, 3), spark_out
    assert after_scheduled_run["codes"][1] == after_scheduled_run["codes"][0], (duck_out, spark_out)
    assert "prod@spark" in spark_out
    batches = _this_run(spark.engine_adapter)
    assert batches == _this_run(duckdb.engine_adapter)
    evaluated = sorted({model for model, _, status in batches if status == "success"})
    assert len(evaluated) > 20, batches  # the hourly event models and the 18:00 replicas
    results = []
    for name in evaluated:
        model = tiny_prod.get_model(name)
        columns = list(model.columns_to_types or {})
        query = exp.select(*(exp.column(c, quoted=True) for c in columns)).from_(exp.to_table(name))
        results.append(compare_rows(name, columns, duckdb.engine_adapter.fetchall(query),
                                    spark.engine_adapter.fetchall(query), "spark"))
    assert sum(r.duckdb_rows for r in results) > 1_000
    mismatching = [r for r in results if r.mismatches]
    assert not mismatching, format_report(mismatching)


def test_review_plans_a_dev_environment_on_spark_and_leaves_prod_unchanged(
        after_scheduled_run, tmp_path, monkeypatch, tiny_window):
    import time_machine

    from catwalk.project import copy_project
    from catwalk.review import build_report, render_markdown

    spark = after_scheduled_run["spark"]
    per_organization = (
        "SELECT organization_id, COUNT(*) FROM analytics.tableau_active_months GROUP BY 1 ORDER BY 1")
    prod_rows = spark.engine_adapter.fetchall(per_organization)
    assert len(prod_rows) >= 2, prod_rows
    project = copy_project(tmp_path / "project")
    path = project / "models" / "tableau" / "organization_monthly" / "tableau_active_months.sql"
    text = path.read_text()
    source = "    FROM analytics.active_users\n"
    assert text.count(source) == 1
    # a breaking change: the first organization's patients leave the mart
    path.write_text(text.replace(source, source + "    WHERE organization_id > (SELECT MIN(organization_id) "
                                 "FROM analytics.active_users)\n"))
    monkeypatch.setenv("CATWALK_START", tiny_window.start)
    with time_machine.travel(RUN_AT, tick=False):
        report = build_report("pr_spark", gateway="spark", paths=project)

    entry = next(m for m in report["directly_modified"] if m["name"] == "analytics.tableau_active_months")
    assert entry["category"] == "breaking"
    dropped = prod_rows[0][1]
    diff = entry["data_diff"]
    assert (diff["against_rows"], diff["env_rows"], diff["only_in_against"]) == (
        sum(n for _, n in prod_rows), sum(n for _, n in prod_rows) - dropped, dropped)
    assert report["ok"] and report["apply"]["ok"], render_markdown(report)
    # the dev environment's view reads the new table; prod still shows every organization
    dev = spark.engine_adapter.fetchone(
        "SELECT COUNT(*) FROM analytics__pr_spark.tableau_active_months")[0]
    assert dev == sum(n for _, n in prod_rows) - dropped
    assert spark.engine_adapter.fetchall(per_organization) == prod_rows
