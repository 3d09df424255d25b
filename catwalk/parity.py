"""Prod parity: the same generated warehouse built on DuckDB and on another engine (Postgres, or
Spark with Iceberg tables) must give the same tables.

`parity()` generates one warehouse window on both engines, applies the prod plan on both at the
same frozen moment, and compares every table and view of schemas `analytics` and `archive` cell by
cell: floats within a relative 1e-9, timestamps normalised to UTC, dates and booleans by value.
Differences are bugs in the models (types, time zones, percentiles, string functions).
"""

from __future__ import annotations

import datetime as dt
import math
import os
import tempfile
import typing as t
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path

from catwalk.project import connect_postgres, open_context, postgres_settings

COMPARED_SCHEMAS = ("analytics", "archive")
RELATIVE_TOLERANCE = 1e-9


AGAINST = ("postgres", "spark")  # engines compared with DuckDB


@dataclass
class TableParity:
    name: str
    duckdb_rows: int
    postgres_rows: int  # rows on the engine compared with DuckDB (Postgres or Spark)
    mismatches: int
    columns: list[str] = field(default_factory=list)
    examples: list[str] = field(default_factory=list)
    against: str = "postgres"


def _normalise(value: t.Any) -> t.Any:
    """A comparable, engine-independent form of one cell."""
    if value is None:
        return None
    try:
        import pandas as pd

        if value is pd.NaT or (isinstance(value, float) and math.isnan(value)):
            return None
        if isinstance(value, pd.Timestamp):
            value = value.to_pydatetime()
    except ImportError:  # pragma: no cover
        pass
    if isinstance(value, dt.datetime):
        if value.tzinfo is not None:
            value = value.astimezone(dt.timezone.utc).replace(tzinfo=None)
        return ("ts", value.isoformat())
    if isinstance(value, dt.date):
        return ("ts", dt.datetime(value.year, value.month, value.day).isoformat())
    if isinstance(value, bool):
        return ("bool", value)
    if isinstance(value, (int, float, Decimal)) and not isinstance(value, bool):
        return ("num", float(value))
    if hasattr(value, "tolist"):
        value = value.tolist()
    if isinstance(value, (list, tuple)):
        return ("list", tuple(_normalise(v) for v in value))
    if isinstance(value, dt.timedelta):
        return ("num", value.total_seconds())
    return ("str", str(value))


def _cells_equal(left: t.Any, right: t.Any) -> bool:
    if left == right:
        return True
    if left is None or right is None:
        return False
    if left[0] == right[0] == "num":
        a, b = left[1], right[1]
        return math.isclose(a, b, rel_tol=RELATIVE_TOLERANCE, abs_tol=1e-12)
    if left[0] == right[0] == "list":
        return len(left[1]) == len(right[1]) and all(_cells_equal(a, b) for a, b in zip(left[1], right[1]))
    return False


def _sort_key(row: tuple) -> tuple:
    def key(cell):
        if cell is None:
            return (0, "")
        kind, value = cell
        if kind == "num":
            return (1, f"{value:.9e}")
        return (2, repr(value))

    return tuple(key(cell) for cell in row)


def compare_rows(name: str, columns: list[str], left: list[tuple], right: list[tuple],
                 against: str = "postgres") -> TableParity:
    """Compare two row sets of the same columns regardless of order."""
    a = sorted((tuple(_normalise(v) for v in row) for row in left), key=_sort_key)
    b = sorted((tuple(_normalise(v) for v in row) for row in right), key=_sort_key)
    mismatches, bad_columns, examples = abs(len(a) - len(b)), set(), []
    for row_a, row_b in zip(a, b):
        differing = [c for c, x, y in zip(columns, row_a, row_b) if not _cells_equal(x, y)]
        if differing:
            mismatches += 1
            bad_columns.update(differing)
            if len(examples) < 3:
                examples.append(
                    ", ".join(f"{c}: duckdb={x!r} {against}={y!r}" for c, x, y in zip(columns, row_a, row_b) if c in differing)
                )
    return TableParity(name, len(a), len(b), mismatches, sorted(bad_columns), examples, against)


def compared_models(context) -> list[t.Any]:
    return sorted(
        (
            model
            for model in context.models.values()
            if model.kind.name != "EXTERNAL" and model.name.split(".")[0] in COMPARED_SCHEMAS
        ),
        key=lambda model: model.name,
    )


def compare(duckdb_context, postgres_context) -> list[TableParity]:
    """Compare every model table of the two prod builds (the second on Postgres or Spark)."""
    from sqlglot import exp

    against = postgres_context.engine_adapter.dialect
    results = []
    for model in compared_models(duckdb_context):
        columns = list(model.columns_to_types or {})
        # an expression, so that each engine quotes the names its own way
        query = exp.select(*(exp.column(c, quoted=True) for c in columns)).from_(
            exp.to_table(model.name))
        left = duckdb_context.engine_adapter.fetchall(query)
        right = postgres_context.engine_adapter.fetchall(query)
        results.append(compare_rows(model.name, columns, left, right, against))
    return results


def format_report(results: list[TableParity]) -> str:
    other = results[0].against if results else "postgres"
    lines = [f"| model | rows (duckdb) | rows ({other}) | mismatches | columns |", "|---|---:|---:|---:|---|"]
    for r in results:
        lines.append(
            f"| {r.name} | {r.duckdb_rows} | {r.postgres_rows} | {r.mismatches} | {', '.join(r.columns)} |"
        )
    total = sum(r.mismatches for r in results)
    lines.append("")
    lines.append(f"{len(results)} models compared, {total} mismatching rows")
    for r in results:
        for example in r.examples:
            lines.append(f"- {r.name}: {example}")
    return "\n".join(lines)


def build_both(
    scale: str, seed: int, start: str, days: int, now: str, duckdb_file: Path, settings: dict[str, str],
    against: str = "postgres",
):
    """Generate the same window on both engines and apply the prod plan on both at `now`.

    `against="spark"`: the Spark folder (warehouse, metastore, state) is `duckdb_file`'s folder."""
    import time_machine

    from catwalk.warehouse import generate

    variables = {"CATWALK_DUCKDB": str(duckdb_file), "CATWALK_START": start}
    if against == "postgres":
        variables["CATWALK_PG_DATABASE"] = settings["dbname"]
    else:
        folder = duckdb_file.parent / "spark"
        variables.update({"CATWALK_SPARK_DIR": str(folder),
                          "CATWALK_SPARK_STATE": str(folder / "state.duckdb")})
    saved = {k: os.environ.get(k) for k in variables}
    os.environ.update(variables)
    try:
        generate(gateway="local", scale=scale, seed=seed, start=start, days=days, force=True,
                 progress=False, write_env=False)
        generate(gateway=against, scale=scale, seed=seed, start=start, days=days, force=True,
                 progress=False, write_env=False)
        contexts = []
        with time_machine.travel(now, tick=False):
            for gateway in ("local", against):
                context = open_context(gateway=gateway, load_tests=False)
                context.plan("prod", auto_apply=True, no_prompts=True, skip_tests=True)
                contexts.append(context)
        return contexts
    finally:
        for key, value in saved.items():
            if value is None:
                os.environ.pop(key, None)
            else:
                os.environ[key] = value


def parity(scale: str = "tiny", seed: int = 42, against: str = "postgres") -> int:
    """CLI entry point: build both engines in a scratch DuckDB file and a scratch Postgres database
    (or a scratch Spark folder)."""
    from catwalk.warehouse import SCALES

    days = SCALES[scale]["days"]
    today = dt.datetime.now(dt.timezone.utc).date()
    start = (today - dt.timedelta(days=days)).isoformat()
    now = f"{today.isoformat()} 07:30:00+00:00"
    if against == "spark":
        with tempfile.TemporaryDirectory(prefix="catwalk-parity-") as folder:
            duckdb_context, spark_context = build_both(
                scale, seed, start, days, now, Path(folder) / "parity.duckdb", {}, against="spark")
            results = compare(duckdb_context, spark_context)
            duckdb_context.close()
            spark_context.close()
        print(format_report(results))
        return 0 if all(r.mismatches == 0 for r in results) else 1
    settings = dict(postgres_settings())
    settings["dbname"] = f"catwalk_parity_{os.getpid()}"
    admin = connect_postgres(settings, dbname="postgres")
    admin.autocommit = True
    with admin.cursor() as cursor:
        cursor.execute(f'CREATE DATABASE "{settings["dbname"]}"')
        cursor.execute(f"ALTER DATABASE \"{settings['dbname']}\" SET timezone TO 'UTC'")
    try:
        with tempfile.TemporaryDirectory() as folder:
            duckdb_context, postgres_context = build_both(
                scale, seed, start, days, now, Path(folder) / "parity.duckdb", settings
            )
            results = compare(duckdb_context, postgres_context)
            duckdb_context.close()
            postgres_context.close()
    finally:
        with admin.cursor() as cursor:
            cursor.execute(
                "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = %s", (settings["dbname"],)
            )
            cursor.execute(f'DROP DATABASE IF EXISTS "{settings["dbname"]}"')
        admin.close()
    print(format_report(results))
    return 0 if all(r.mismatches == 0 for r in results) else 1
