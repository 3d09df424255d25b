"""The same project on local Spark 3.5 with Iceberg tables (gateway `spark`): the generator writes
the same raw rows as on DuckDB, every model gives the same cells as on DuckDB, and loads append.

Run by `make test-spark` (CI, after `make test`); needs `make spark-setup` and Java 17. One JVM for
the whole session: the Spark folder (warehouse, Derby metastore, SQLMesh state) is a scratch folder
(fixtures in conftest.py).
"""

from __future__ import annotations

import os
import time

import pytest

from catwalk.parity import compare, compare_rows, format_report
from catwalk.warehouse import schema as S

pytestmark = pytest.mark.spark


def test_generator_writes_the_same_raw_rows_as_duckdb(tiny_spark, tiny_warehouse):
    import duckdb

    from catwalk.spark import session

    spark = session()
    con = duckdb.connect(str(tiny_warehouse), read_only=True)
    con.execute("SET TimeZone='UTC'")
    try:
        results = []
        for table, columns in S.raw_tables().items():
            names = [c for c, _ in columns]
            duck = con.execute(
                f"SELECT {', '.join(S.quote(c) for c in names)} FROM {S.qualified(table)}").fetchall()
            schema, name = table.split(".")
            rows = [tuple(row) for row in spark.table(f"`{schema}`.`{name}`").select(*names).collect()]
            results.append(compare_rows(table, names, duck, rows, "spark"))
    finally:
        con.close()
    assert sum(r.duckdb_rows for r in results) > 50_000
    mismatching = [r for r in results if r.mismatches]
    assert not mismatching, format_report(mismatching)
    schema, name = next(iter(S.raw_tables())).split(".")
    assert spark.sql(f"DESCRIBE TABLE EXTENDED `{schema}`.`{name}`").filter(
        "col_name = 'Provider'").collect()[0].data_type == "iceberg"


def test_every_model_gives_the_same_cells_on_spark_as_on_duckdb(tiny_prod, tiny_prod_spark):
    started = time.perf_counter()
    results = compare(tiny_prod, tiny_prod_spark)
    print(f"\ncompare with duckdb: {time.perf_counter() - started:.0f} s")
    print(format_report(results))
    assert len(results) > 200
    assert sum(r.postgres_rows for r in results) > 0
    mismatching = [r for r in results if r.mismatches]
    assert not mismatching, format_report(mismatching)


def test_load_appends_the_same_rows_on_spark_as_on_duckdb(tiny_prod_spark, tiny_warehouse, tiny_window,
                                                           tmp_path):
    """Runs last in this module: it appends to the Spark raw tables the models were built from."""
    from catwalk.project import copy_warehouse
    from catwalk.warehouse import load

    until = "2026-03-16T18:00:00Z"
    copy = copy_warehouse(tiny_warehouse, tmp_path)
    saved = os.environ.get("CATWALK_DUCKDB")
    os.environ["CATWALK_DUCKDB"] = str(copy)
    try:
        on_duckdb = load(gateway="local", until=until, progress=False)
    finally:
        os.environ["CATWALK_DUCKDB"] = saved
    on_spark = load(gateway="spark", until=until, progress=False)
    assert on_duckdb and on_spark == on_duckdb
    assert load(gateway="spark", until=until, progress=False) == {}  # the same window adds nothing
