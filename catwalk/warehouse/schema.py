"""The raw-table contract, read from external_models.yaml (the single source of truth for raw DDL).

`raw_tables()` returns {"schema.table": [(column, duckdb_type), ...]} in file order. Postgres types
are derived with sqlglot; the two `during` columns are TEXT on DuckDB and real tstzrange on Postgres.
"""

from __future__ import annotations

import functools

import yaml

from catwalk.project import PROJECT_ROOT

EXTERNAL_MODELS = PROJECT_ROOT / "external_models.yaml"

# Columns that hold a Postgres range literal as TEXT on DuckDB and a real range on Postgres.
RANGE_COLUMNS = {("scribe.contract", "during"), ("scribe.plan", "during")}

# Schema holding the generator's own bookkeeping (never a raw schema).
GENERATOR_SCHEMA = "catwalk_generator"


@functools.lru_cache(maxsize=1)
def raw_tables() -> dict[str, list[tuple[str, str]]]:
    with open(EXTERNAL_MODELS) as handle:
        entries = yaml.load(handle, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
    return {
        entry["name"]: [(column, str(kind)) for column, kind in entry["columns"].items()]
        for entry in entries
    }


def raw_schemas() -> list[str]:
    return sorted({name.split(".")[0] for name in raw_tables()})


def postgres_type(table: str, column: str, duckdb_type: str) -> str:
    if (table, column) in RANGE_COLUMNS:
        return "TSTZRANGE"
    from sqlglot import exp

    return exp.DataType.build(duckdb_type, dialect="duckdb").sql("postgres")


def quote(identifier: str) -> str:
    return '"' + identifier.replace('"', '""') + '"'


def qualified(table: str) -> str:
    schema, name = table.split(".")
    return f"{quote(schema)}.{quote(name)}"


def create_table_sql(table: str, engine: str, target: str | None = None, extra=()) -> str:
    """CREATE TABLE for raw `table` (or for `target` with the same columns plus `extra`)."""
    columns = []
    for column, kind in raw_tables()[table]:
        kind = postgres_type(table, column, kind) if engine == "postgres" else kind
        columns.append(f"{quote(column)} {kind}")
    columns += [f"{quote(column)} {kind}" for column, kind in extra]
    return f"CREATE TABLE {target or qualified(table)} ({', '.join(columns)})"
