"""The number_series macro (macros/series.py): the integers 0 .. n-1, once each, on DuckDB, and
SQL that Postgres accepts as written (no engine series function)."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import duckdb
import pytest
from sqlmesh.core.macros import macro

_SPEC = importlib.util.spec_from_file_location(
    "catwalk_macros_series", Path(__file__).resolve().parents[1] / "macros" / "series.py")
_MODULE = importlib.util.module_from_spec(_SPEC)
# Importing a macro file registers its macros in SQLMesh's process-wide registry, where the first
# registration wins: restore it so that contexts opened later in the session register (and
# serialize) the project's own copy of @number_series.
_SAVED = macro.get_registry()
try:
    _SPEC.loader.exec_module(_MODULE)
finally:
    macro.set_registry(_SAVED)
number_series_query = _MODULE.number_series_query


@pytest.mark.parametrize("count", [1, 9, 10, 42, 100, 480, 1000, 10000])
def test_number_series_gives_each_integer_below_n_once(count):
    sql = number_series_query(count).sql("duckdb")
    rows = duckdb.sql(f"select count(*), count(distinct n), min(n), max(n) from ({sql}) as s").fetchone()
    assert rows == (count, count, 0, count - 1)


def test_number_series_is_portable_sql():
    postgres = number_series_query(480).sql("postgres")
    assert "generate_series" not in postgres.lower() and "range(" not in postgres.lower()
    assert "VALUES (0), (1)" in postgres and "< 480" in postgres


def test_number_series_refuses_an_empty_series():
    with pytest.raises(ValueError):
        number_series_query(0)
