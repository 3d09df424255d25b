"""The dialect macros (macros/portable.py, macros/time.py) and the linter rule that asks for them.

On DuckDB and Postgres each macro renders the DuckDB idiom it replaces (so results there do not
change); on Spark it renders SQL that Spark 3.5 runs with the same answer. SQLMesh writes a macro's
result as DuckDB SQL and parses it again before SQLGlot writes the engine's SQL: `_engine_sql`
does the same. The Spark answers themselves are checked by tests/spark (every model, cell by cell).
"""

from __future__ import annotations

import sys
from types import SimpleNamespace

import pytest
from sqlglot import exp, parse_one

from catwalk.project import PROJECT_ROOT

sys.path.insert(0, str(PROJECT_ROOT))

from sqlmesh.core.macros import macro  # noqa: E402

# Importing the macro files registers their macros in SQLMesh's process-wide registry, where the
# first registration wins: restore it so that contexts opened later in the session register (and
# serialize) the project's own copies.
_SAVED = macro.get_registry()
try:
    from macros import portable, time as time_macros  # noqa: E402
finally:
    macro.set_registry(_SAVED)


def _evaluator(engine: str | None):
    adapter = SimpleNamespace(dialect=engine) if engine else None
    return SimpleNamespace(locals={"engine_adapter": adapter} if adapter else {}, dialect="duckdb")


def _engine_sql(result: exp.Expression, engine: str) -> str:
    return parse_one(result.sql(dialect="duckdb"), read="duckdb").sql(dialect=engine)


def _e(sql: str) -> exp.Expression:
    return parse_one(sql, read="duckdb")


@pytest.mark.parametrize("engine", [None, "duckdb", "postgres"])
def test_duckdb_and_postgres_render_the_duckdb_idiom(engine):
    ev = _evaluator(engine)
    assert portable.ordered_string_agg(ev, _e("v"), _e("','"), _e("k"), _e("j")).sql("duckdb") \
        == _e("STRING_AGG(v, ',' ORDER BY k, j)").sql("duckdb")
    assert portable.continuous_percentile(ev, _e("x"), _e("0.9")).sql("duckdb") == "QUANTILE_CONT(x, 0.9)"
    assert portable.discrete_percentile(ev, _e("x"), _e("0.5")).sql("duckdb") == "QUANTILE_DISC(x, 0.5)"
    assert portable.iso_day_of_week(ev, _e("d")).sql("duckdb") == "EXTRACT(ISODOW FROM d)"
    assert portable.json_text(ev, _e("t"), _e("'$.a'")).sql("duckdb") == "(CAST(t AS JSON) ->> '$.a')"
    assert portable.days_between(ev, _e("a"), _e("b")).sql("duckdb") == "((b) - (a))"
    assert time_macros.seconds_between(ev, _e("a"), _e("b")).sql("duckdb") \
        == "CAST(EXTRACT(EPOCH FROM (b - a)) AS DOUBLE)"


def test_spark_renders_what_spark_runs():
    ev = _evaluator("spark")
    agg = _engine_sql(portable.ordered_string_agg(ev, _e("v"), _e("','"), _e("k")), "spark")
    assert agg.startswith("CASE WHEN COUNT(v) = 0 THEN NULL ELSE ARRAY_JOIN(TRANSFORM(SORT_ARRAY(")
    assert "COLLECT_LIST(STRUCT((k) IS NULL AS n0, k AS k0, v AS v)) FILTER(WHERE NOT (v) IS NULL)" in agg
    assert _engine_sql(portable.continuous_percentile(ev, _e("x"), _e("0.9")), "spark") == "PERCENTILE(x, 0.9)"
    disc = _engine_sql(portable.discrete_percentile(ev, _e("x"), _e("0.9")), "spark")
    assert disc == ("SORT_ARRAY(COLLECT_LIST(x) FILTER(WHERE NOT (x) IS NULL))"
                    "[CAST(GREATEST(CEIL(0.9 * COUNT(x)), 1) AS INT) + -1]")
    assert _engine_sql(portable.iso_day_of_week(ev, _e("d")), "spark") == "(((DAYOFWEEK(d) + 5) % 7) + 1)"
    assert _engine_sql(portable.json_text(ev, _e("t"), _e("'$[0]'")), "spark") == "NULLIF(GET_JSON_OBJECT(t, '$[0]'), 'null')"
    assert _engine_sql(portable.days_between(ev, _e("a"), _e("b")), "spark") == "DATEDIFF(DAY, a, b)"
    seconds = _engine_sql(time_macros.seconds_between(ev, _e("a"), _e("b")), "spark")
    assert "EXTRACT(SECOND FROM (CAST(b AS TIMESTAMP) - CAST(a AS TIMESTAMP)))" in seconds
    assert "EPOCH" not in seconds


def test_the_linter_rejects_idioms_that_do_not_reach_spark():
    from sqlmesh.core.dialect import parse
    from sqlmesh.core.model import load_sql_based_model

    from linter.catwalk_rules import PortableIdioms

    def violation(select: str):
        model = load_sql_based_model(parse(f"MODEL (name analytics.m, kind FULL); {select}", default_dialect="duckdb"))
        return PortableIdioms(context=None).check_model(model)

    for bad in ("SELECT STRING_AGG(v, ',' ORDER BY k) AS s FROM t",
                "SELECT QUANTILE_CONT(x, 0.5) AS p FROM t",
                "SELECT EXTRACT(ISODOW FROM d) AS w FROM t",
                "SELECT EXTRACT(EPOCH FROM (b - a)) AS s FROM t",
                "SELECT EPOCH_MS(ts) AS e FROM t",
                "SELECT DATE_DIFF('month', a, b) AS m FROM t",
                "SELECT CAST(j AS JSON) ->> '$.a' AS a FROM t",
                "SELECT LIST(x ORDER BY y) AS l FROM t"):
        assert violation(bad) is not None, bad
    for good in ("SELECT @ordered_string_agg(v, ',', k) AS s FROM t",
                 "SELECT @continuous_percentile(x, 0.5) AS p, @iso_day_of_week(d) AS w FROM t",
                 "SELECT @seconds_between(a, b) AS s, DATE_DIFF('day', a, b) AS d FROM t",
                 "SELECT 'STRING_AGG(x) LEN(y)' AS text_mentioning_them FROM t"):
        assert violation(good) is None, good
