"""The dialect macros added for the Spark parity render the DuckDB idiom unchanged on DuckDB and
Postgres, and the Spark form on Spark (the Spark answers are checked cell by cell by
test_spark_parity.py)."""

from __future__ import annotations

import sys
from types import SimpleNamespace

import pytest
from sqlglot import parse_one

from catwalk.project import PROJECT_ROOT

sys.path.insert(0, str(PROJECT_ROOT))

from sqlmesh.core.macros import macro  # noqa: E402

_SAVED = macro.get_registry()  # first registration wins: keep the project's own copies
try:
    from macros import portable, time as time_macros  # noqa: E402
finally:
    macro.set_registry(_SAVED)

pytestmark = pytest.mark.spark


def _evaluator(engine):
    return SimpleNamespace(locals={"engine_adapter": SimpleNamespace(dialect=engine)}, dialect="duckdb")


def _engine_sql(result, engine: str) -> str:
    return parse_one(result.sql(dialect="duckdb"), read="duckdb").sql(dialect=engine)


@pytest.mark.parametrize("engine", ["duckdb", "postgres"])
def test_duckdb_and_postgres_keep_their_idiom(engine):
    ev = _evaluator(engine)
    local = parse_one("CAST(d AS TIMESTAMP)", read="duckdb")
    assert time_macros.from_est(ev, local).sql("duckdb") == "CAST(d AS TIMESTAMP) AT TIME ZONE 'America/Montreal'"
    ratio = parse_one("x", read="duckdb")
    assert portable.decimal_as_double(ev, ratio) is ratio


def test_spark_converts_local_time_to_utc_and_divides_in_double():
    ev = _evaluator("spark")
    local = parse_one("CAST(d AS TIMESTAMP)", read="duckdb")
    assert _engine_sql(time_macros.from_est(ev, local), "spark") \
        == "TO_UTC_TIMESTAMP(CAST(d AS TIMESTAMP_NTZ), 'America/Montreal')"
    assert _engine_sql(portable.decimal_as_double(ev, parse_one("x", read="duckdb")), "spark") == "CAST(x AS DOUBLE)"
