"""Per-table checksums of a generated warehouse: proof that a refactor keeps the same rows.

    python -m catwalk.warehouse.checksums WAREHOUSE.duckdb [--write FILE | --compare FILE]

`table_checksums(con)` returns {table: "<rows>:<digest>"} for every raw table of
external_models.yaml and every table of schema catwalk_generator (pending rows, ground truth,
bookkeeping) except the wall-clock column `generations.generated_at`. The digest covers the column
names and types and the multiset of rows (order-free: the sum of the MD5 of each row's text in UTC),
so any added, removed or changed row, column or type changes it.
"""

from __future__ import annotations

import argparse
import json
import sys

from catwalk.warehouse import schema as S

# Columns that differ between two generations of the same world (the time the generation ran).
WALL_CLOCK = {"catwalk_generator.generations": ("generated_at",)}


def _tables(con) -> list[str]:
    generator = [f"{S.GENERATOR_SCHEMA}.{name}" for (name,) in con.execute(
        "SELECT table_name FROM information_schema.tables WHERE table_schema = ? ORDER BY 1",
        [S.GENERATOR_SCHEMA]).fetchall()]
    return list(S.raw_tables()) + generator


def table_checksum(con, table: str) -> str:
    schema_name, name = table.split(".")
    columns = con.execute(
        "SELECT column_name, data_type FROM information_schema.columns WHERE table_schema = ? "
        "AND table_name = ? ORDER BY ordinal_position", [schema_name, name]).fetchall()
    if not columns:
        raise ValueError(f"table {table} does not exist in the warehouse")
    kept = [c for c, _ in columns if c not in WALL_CLOCK.get(table, ())]
    select = ", ".join(S.quote(c) for c in kept)
    rows, total = con.execute(
        f"SELECT count(*), coalesce(sum(md5_number_lower(CAST(r AS VARCHAR))), 0) "
        f"FROM (SELECT {select} FROM {S.qualified(table)}) AS r").fetchone()
    shape = con.execute("SELECT md5(?)", [repr([c for c in columns if c[0] in kept])]).fetchone()
    return f"{rows}:{shape[0][:12]}:{int(total):x}"


def table_checksums(con) -> dict[str, str]:
    con.execute("SET TimeZone = 'UTC'")
    con.execute("SET enable_progress_bar = false")
    return {table: table_checksum(con, table) for table in _tables(con)}


def warehouse_checksums(path) -> dict[str, str]:
    import duckdb

    con = duckdb.connect(str(path), read_only=True)
    try:
        return table_checksums(con)
    finally:
        con.close()


def differences(expected: dict[str, str], actual: dict[str, str]) -> list[str]:
    """One line per table whose checksum differs, is missing or is new."""
    lines = []
    for table in sorted(set(expected) | set(actual)):
        if expected.get(table) != actual.get(table):
            lines.append(f"{table}: expected {expected.get(table)}, got {actual.get(table)}")
    return lines


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("warehouse")
    group = parser.add_mutually_exclusive_group()
    group.add_argument("--write", metavar="FILE")
    group.add_argument("--compare", metavar="FILE")
    args = parser.parse_args(argv)
    sums = warehouse_checksums(args.warehouse)
    if args.write:
        with open(args.write, "w") as handle:
            json.dump(sums, handle, indent=1, sort_keys=True)
            handle.write("\n")
        return 0
    if args.compare:
        with open(args.compare) as handle:
            diff = differences(json.load(handle), sums)
        print("\n".join(diff) if diff else f"same rows in all {len(sums)} tables")
        return 1 if diff else 0
    json.dump(sums, sys.stdout, indent=1, sort_keys=True)
    print()
    return 0


if __name__ == "__main__":
    sys.exit(main())
