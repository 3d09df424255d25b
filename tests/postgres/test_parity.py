"""DuckDB and Postgres builds of the same tiny warehouse agree cell by cell (issue: prod parity)."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from catwalk.parity import compare, compare_rows, format_report

pytestmark = pytest.mark.postgres


def test_compare_rows_normalises_engines_and_finds_differences():
    utc = dt.timezone.utc
    montreal = dt.timezone(dt.timedelta(hours=-5))
    duckdb_rows = [(1, dt.datetime(2026, 3, 8, 12, tzinfo=utc), 0.1 + 0.2, True, "a")]
    postgres_rows = [(1, dt.datetime(2026, 3, 8, 7, tzinfo=montreal), Decimal("0.3"), True, "a")]
    same = compare_rows("m", ["id", "at", "x", "flag", "s"], duckdb_rows, postgres_rows)
    assert same.mismatches == 0
    different = compare_rows("m", ["id", "at", "x", "flag", "s"], duckdb_rows, [(1, dt.datetime(2026, 3, 8, 12, tzinfo=utc), 0.31, True, "a")])
    assert different.mismatches == 1 and different.columns == ["x"]
    missing = compare_rows("m", ["id"], [(1,), (2,)], [(1,)])
    assert missing.mismatches == 1


def test_duckdb_and_postgres_prod_builds_agree(tiny_prod, tiny_prod_postgres):
    postgres_context, _ = tiny_prod_postgres
    results = compare(tiny_prod, postgres_context)
    print(format_report(results))
    assert len(results) > 20
    assert sum(r.duckdb_rows for r in results) > 0
    mismatching = [r for r in results if r.mismatches]
    assert not mismatching, format_report(mismatching)
