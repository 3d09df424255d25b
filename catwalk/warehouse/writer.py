"""Writers: the simulated world into DuckDB (directly) or Postgres (staged in DuckDB, then COPY).

Layout written by `write`:
- every raw table of external_models.yaml, holding what the loaders delivered by the end of history;
- `catwalk_generator.pending__<schema>__<table>`: the rows delivered later (same columns +
  `_delivered_at`, `_ord`, and `_deleted` for replica tables), consumed by `load`;
- `catwalk_generator.generations` (one row: seed, scale, window, delivered_until watermark),
  `catwalk_generator.loads` (one row per load), and the ground-truth tables of the world.
"""

from __future__ import annotations

import ctypes
import io
import os
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor

import duckdb
import numpy as np
import pandas as pd
import pyarrow as pa

from catwalk.project import CatwalkError
from catwalk.warehouse import schema as S
from catwalk.warehouse.world import World

G = S.GENERATOR_SCHEMA
DUCKDB_THREADS = 1  # DuckDB threads while staging (see stage_world)


def pending_name(table: str) -> str:
    schema, name = table.split(".")
    return f"{S.quote(G)}.{S.quote(f'pending__{schema}__{name}')}"


def select_list(table: str, raw, df_columns: set[str]) -> str:
    parts = []
    for column, kind in S.raw_tables()[table]:
        if column in raw.exprs:
            expr = raw.exprs[column]
        elif column in df_columns:
            expr = S.quote(column)
        else:
            expr = "NULL"
        parts.append(f"CAST({expr} AS {kind}) AS {S.quote(column)}")
    return ", ".join(parts)


class Progress:
    """Minimal stderr progress: one line per step with elapsed seconds."""

    def __init__(self, enabled: bool = True):
        self.enabled = enabled
        self.t0 = time.perf_counter()

    def __call__(self, step: str) -> None:
        if self.enabled:
            print(f"  [{time.perf_counter() - self.t0:6.1f}s] {step}", file=sys.stderr, flush=True)


def _malloc_trim() -> None:
    """Give freed heap memory back to the OS (glibc keeps the freed numpy buffers of the worker
    thread's arena otherwise, which inflates the peak RSS by gigabytes at bench scale)."""
    global _LIBC
    if _LIBC is None:
        try:
            _LIBC = ctypes.CDLL("libc.so.6")
            _LIBC.malloc_trim  # noqa: B018 (glibc only)
        except (OSError, AttributeError):
            _LIBC = False
    if _LIBC:
        _LIBC.malloc_trim(0)


_LIBC = None


def _arrow(df: pd.DataFrame):
    """A DataFrame as a pyarrow Table when it converts cleanly (DuckDB scans Arrow without the
    GIL and without touching Python objects); the DataFrame itself otherwise."""
    try:
        return pa.Table.from_pandas(df, preserve_index=False)
    except (pa.ArrowInvalid, pa.ArrowTypeError, pa.ArrowNotImplementedError):
        return df


def _insert(con, target: str, select: str, source) -> int:
    con.register("_src", source)
    try:
        return con.execute(f"INSERT INTO {target} {select}").fetchone()[0]
    finally:
        con.unregister("_src")


STAGED_SUFFIX = "__catwalk_new"  # raw and pending tables are written under this suffix first


def _staged(qualified_name: str) -> str:
    """The staging name of a quoted "schema"."table": same schema, table name + STAGED_SUFFIX."""
    return qualified_name[:-1] + STAGED_SUFFIX + '"'


def _written_tables() -> list[str]:
    """Quoted names of every raw and pending table stage_world writes."""
    return [name for table in S.raw_tables() for name in (S.qualified(table), pending_name(table))]


def publish_staged(con) -> None:
    """In the caller's open transaction: replace each raw / pending table by its staged copy."""
    for name in _written_tables():
        con.execute(f"DROP TABLE IF EXISTS {name}")
        bare = name.rsplit(".", 1)[1]
        con.execute(f"ALTER TABLE {_staged(name)} RENAME TO {bare}")


def drop_staged(con) -> None:
    """Remove staged copies left by a failed generation (best effort, own transaction)."""
    try:
        con.execute("ROLLBACK")
    except duckdb.Error:
        pass
    for name in _written_tables():
        try:
            con.execute(f"DROP TABLE IF EXISTS {_staged(name)}")
        except duckdb.Error:
            pass


def stage_world(con: duckdb.DuckDBPyConnection, world: World, seed: int, end_us: int,
                progress: Progress) -> dict[str, int]:
    """Create raw + pending tables in a DuckDB connection and fill them from the world.

    Called in an open transaction. Each table is written under its staged name (STAGED_SUFFIX)
    and committed on its own: DuckDB holds an open transaction's appends in memory until COMMIT
    (bench scale, all tables in one transaction: peak RSS 3.2 GB over 365 days, 4.6 GB over 730;
    committed one by one: 2.1 GB and 3.2 GB, same rows). The caller swaps the
    staged tables in with `publish_staged` in one final transaction, so a failed generation
    never leaves a half-written warehouse (the staged copies are dropped, see `drop_staged`).

    Segment tables come from the world as Arrow tables in delivery order (see EventSink._frame):
    the delivered rows are a prefix, the pending ones the rest, each inserted once, in order.
    While DuckDB writes one table (it releases the GIL), a worker thread simulates the next
    Segment table, so numpy and DuckDB's storage writes overlap on the two cores.
    """
    end_literal = pd.Timestamp(end_us * 1000, tz="UTC").isoformat()
    con.execute("SET TimeZone='UTC'")
    con.execute("SET enable_progress_bar = false")
    # One DuckDB thread: an order-preserving INSERT on two threads costs ~30 % more CPU for the
    # same wall time (it re-merges row groups), while the second core simulates the next table.
    con.execute(f"SET threads = {DUCKDB_THREADS}")
    for schema in S.raw_schemas() + [G]:
        con.execute(f"CREATE SCHEMA IF NOT EXISTS {S.quote(schema)}")
    tables = list(S.raw_tables())
    events = [t for t in tables if world.tables[t].kind == "event"]
    delivered = {}
    with ThreadPoolExecutor(max_workers=1, thread_name_prefix="catwalk-world") as pool:
        ahead = {}

        def prefetch(i: int) -> None:
            if i < len(events) and events[i] not in ahead:
                raw = world.tables[events[i]]
                ahead[events[i]] = pool.submit(lambda: raw.data)

        prefetch(0)
        for table in tables:
            raw = world.tables[table]
            target, pending = _staged(S.qualified(table)), _staged(pending_name(table))
            con.execute(f"DROP TABLE IF EXISTS {target}")
            con.execute(S.create_table_sql(table, "duckdb", target))
            extra = [("_delivered_at", "TIMESTAMPTZ"), ("_ord", "BIGINT")]
            if raw.kind == "state":
                extra.append(("_deleted", "BOOLEAN"))
            con.execute(f"DROP TABLE IF EXISTS {pending}")
            con.execute(S.create_table_sql(table, "duckdb", pending, extra))
            if raw.kind == "event":
                index = events.index(table)
                data = ahead.pop(table).result()
                prefetch(index + 1)  # the next table is simulated while this one is written
                raw.release()
                cols = select_list(table, raw, set(data.column_names))
                at = data.column("received_at").combine_chunks().view(pa.int64()).to_numpy()
                cut = int(np.searchsorted(at, end_us, side="right"))
                delivered[table] = _insert(con, target, f"SELECT {cols} FROM _src",
                                           data.slice(0, cut))
                _insert(con, pending,
                        f"SELECT {cols}, received_at AS _delivered_at, _ord FROM _src",
                        data.slice(cut))
                del data
                con.execute("COMMIT")
                con.execute("BEGIN TRANSACTION")
                _malloc_trim()
                continue
            df = raw.df
            df["_ord"] = np.arange(len(df), dtype=np.int64)
            cols = select_list(table, raw, set(df.columns))
            done = f"_delivered_at <= TIMESTAMPTZ '{end_literal}'"
            source = _arrow(df)
            keys = ", ".join(S.quote(k) for k in raw.key)
            delivered[table] = _insert(
                con, target,
                f"SELECT {cols} FROM (SELECT *, row_number() OVER (PARTITION BY {keys} ORDER BY "
                f"_delivered_at DESC, _ord DESC) AS _rn FROM _src WHERE {done}) WHERE _rn = 1 "
                "AND NOT _deleted ORDER BY _ord", source)
            _insert(con, pending,
                    f"SELECT {cols}, _delivered_at, _ord, _deleted FROM _src WHERE NOT ({done}) "
                    "ORDER BY _delivered_at, _ord", source)
            del df, source
            raw.release()
            con.execute("COMMIT")
            con.execute("BEGIN TRANSACTION")
    progress("raw tables staged")
    return delivered


def write_truth(con, world: World, generation: dict) -> None:
    frames = dict(world.truth)
    frames["segment_messiness"] = world.messiness()
    frames["generations"] = pd.DataFrame([generation])
    frames["loads"] = pd.DataFrame(dict(
        loaded_at=pd.Series([], dtype="datetime64[us, UTC]"),
        until_at=pd.Series([], dtype="datetime64[us, UTC]"),
        rows_appended=pd.Series([], dtype="int64")))
    keys = pd.DataFrame([dict(table_name=t, kind=r.kind, key_columns=",".join(r.key))
                         for t, r in world.tables.items()])
    frames["tables"] = keys
    for name, df in frames.items():
        con.register("_truth", df)
        con.execute(f"DROP TABLE IF EXISTS {S.quote(G)}.{S.quote(name)}")
        con.execute(f"CREATE TABLE {S.quote(G)}.{S.quote(name)} AS SELECT * FROM _truth")
        con.unregister("_truth")


def nonempty_raw_tables_duckdb(con) -> list[str]:
    existing = {f"{s}.{t}" for s, t in con.execute(
        "SELECT table_schema, table_name FROM information_schema.tables").fetchall()}
    found = []
    for table in S.raw_tables():
        if table in existing:
            if con.execute(f"SELECT count(*) > 0 FROM {S.qualified(table)}").fetchone()[0]:
                found.append(table)
    return found


# ------------------------------------------------------------------------------------ postgres


def nonempty_raw_tables_postgres(pg) -> list[str]:
    with pg.cursor() as cur:
        cur.execute("SELECT table_schema || '.' || table_name FROM information_schema.tables")
        existing = {r[0] for r in cur.fetchall()}
        found = []
        for table in S.raw_tables():
            if table in existing:
                cur.execute(f"SELECT EXISTS (SELECT 1 FROM {S.qualified(table)})")
                if cur.fetchone()[0]:
                    found.append(table)
    return found


def _pg_type(duck_type: str) -> str:
    from sqlglot import exp

    return exp.DataType.build(duck_type, dialect="duckdb").sql("postgres")


def _csv_expr(column: str, duck_type: str) -> str:
    """A column as written to the CSV for Postgres: lists as Postgres array literals."""
    quoted = S.quote(column)
    if not duck_type.endswith("[]"):
        return quoted
    element = ("'\"' || replace(replace(x, '\\', '\\\\'), '\"', '\\\"') || '\"'")
    return (f"CASE WHEN {quoted} IS NULL THEN NULL ELSE '{{' || array_to_string("
            f"list_transform({quoted}, x -> {element}), ',') || '}}' END AS {quoted}")


def _export_csv(stage, qualified_name: str, path: str) -> tuple[list, int, str | None]:
    """Write one staged DuckDB table to a CSV file: (DESCRIBE rows, row count, path or None)."""
    described = stage.execute(f"DESCRIBE {qualified_name}").fetchall()
    columns = ", ".join(_csv_expr(c, t) for c, t, *_ in described)
    count = stage.execute(f"SELECT count(*) FROM {qualified_name}").fetchone()[0]
    if not count:
        return described, 0, None
    stage.execute(f"COPY (SELECT {columns} FROM {qualified_name}) TO '{path}' "
                  "(FORMAT CSV, HEADER false, NULL '\\N', TIMESTAMPFORMAT "
                  "'%Y-%m-%d %H:%M:%S.%f+00')")
    return described, count, path


def _copy_csv(pg, qualified_name: str, create_sql: str | None, described: list,
              path: str | None) -> None:
    """DROP/CREATE one Postgres table and COPY the CSV file (if any) into it."""
    if create_sql is None:
        cols = ", ".join(f"{S.quote(c)} {_pg_type(t)}" for c, t, *_ in described)
        create_sql = f"CREATE TABLE {qualified_name} ({cols})"
    columns = ", ".join(S.quote(c) for c, *_ in described)
    with pg.cursor() as cur:
        cur.execute(f"DROP TABLE IF EXISTS {qualified_name}")
        cur.execute(create_sql)
        if path is not None:
            with open(path, "rb") as handle:
                cur.copy_expert(f"COPY {qualified_name} ({columns}) FROM STDIN WITH "
                                "(FORMAT csv, NULL '\\N')", handle)


def copy_to_postgres(stage, pg, qualified_name: str, create_sql: str | None = None) -> int:
    """Copy one staged DuckDB table into Postgres (DROP/CREATE + COPY from a CSV file)."""
    with tempfile.TemporaryDirectory() as tmp:
        described, count, path = _export_csv(stage, qualified_name, os.path.join(tmp, "t.csv"))
        _copy_csv(pg, qualified_name, create_sql, described, path)
    return count


def copy_all_to_postgres(stage, pg, tables: list[tuple[str, str | None]]) -> None:
    """Copy staged DuckDB tables [(qualified name, CREATE sql or None)] into Postgres by COPY.

    A worker thread exports the next table to CSV (DuckDB, GIL released) while Postgres loads the
    current one, so the two engines work at the same time; at most two CSV files exist at once.
    """
    if not tables:
        return
    with tempfile.TemporaryDirectory() as tmp, \
            ThreadPoolExecutor(max_workers=1, thread_name_prefix="catwalk-csv") as pool:
        cursor = stage.cursor()  # the worker's own handle on the (committed) staging database
        futures = []
        try:
            csv = lambda i: os.path.join(tmp, f"{i}.csv")  # noqa: E731
            futures.append(pool.submit(_export_csv, cursor, tables[0][0], csv(0)))
            for i, (name, create_sql) in enumerate(tables):
                described, _, path = futures[i].result()
                if i + 1 < len(tables):
                    futures.append(pool.submit(_export_csv, cursor, tables[i + 1][0], csv(i + 1)))
                _copy_csv(pg, name, create_sql, described, path)
                if path is not None:
                    os.remove(path)
        finally:
            for future in futures:
                future.cancel()
            pool.shutdown(wait=True)
            cursor.close()


def ensure_postgres_database(settings: dict) -> None:
    """Create the target database when missing (via the `postgres` database); default zone UTC."""
    from catwalk.project import connect_postgres, describe_postgres

    try:
        connect_postgres(settings).close()
        exists = True
    except CatwalkError as error:
        if "does not exist" not in str(error):
            raise
        exists = False
    try:
        admin = connect_postgres(settings, dbname="postgres")
    except CatwalkError as error:
        reason = str(error).split(": ", 1)[-1]
        raise CatwalkError(
            f"cannot connect to Postgres {describe_postgres(settings)} (via database postgres to "
            f"create it): {reason}"
        ) from None
    try:
        admin.autocommit = True
        with admin.cursor() as cur:
            if not exists:
                cur.execute(f"CREATE DATABASE {S.quote(settings['dbname'])}")
            cur.execute(f"ALTER DATABASE {S.quote(settings['dbname'])} SET timezone TO 'UTC'")
    finally:
        admin.close()


def stage_to_postgres(stage, pg, world: World, progress: Progress) -> None:
    with pg.cursor() as cur:
        cur.execute("SET timezone TO 'UTC'")
        for schema in S.raw_schemas() + [G]:
            cur.execute(f"CREATE SCHEMA IF NOT EXISTS {S.quote(schema)}")
    tables = []
    for table in S.raw_tables():
        tables.append((S.qualified(table), S.create_table_sql(table, "postgres")))
        raw = world.tables[table]
        extra = [("_delivered_at", "TIMESTAMPTZ"), ("_ord", "BIGINT")]
        if raw.kind == "state":
            extra.append(("_deleted", "BOOLEAN"))
        tables.append((pending_name(table),
                       S.create_table_sql(table, "postgres", pending_name(table), extra)))
    copy_all_to_postgres(stage, pg, tables)
    progress("raw and pending tables copied to Postgres")
    names = [r[0] for r in stage.execute(
        "SELECT table_name FROM information_schema.tables WHERE table_schema = ? "
        "AND table_name NOT LIKE 'pending__%'", [G]).fetchall()]
    copy_all_to_postgres(stage, pg, [(f"{S.quote(G)}.{S.quote(name)}", None) for name in names])
    progress("ground truth copied to Postgres")


_ = io  # (kept for callers that stream CSV buffers)


# --------------------------------------------------------------------------------------- spark


def spark_type(table: str, column: str, duckdb_type: str) -> str:
    """The Spark type of a raw column (the `during` ranges stay TEXT, as on DuckDB)."""
    from sqlglot import exp

    return exp.DataType.build(duckdb_type, dialect="duckdb").sql("spark")


def spark_name(qualified_name: str) -> str:
    """A quoted "schema"."table" in Spark's quoting."""
    return ".".join(f"`{part.strip(chr(34))}`" for part in qualified_name.split('"."'))


def nonempty_raw_tables_spark(spark) -> list[str]:
    found = []
    for schema in S.raw_schemas():
        if not spark.catalog.databaseExists(schema):
            continue
        existing = {row.tableName for row in spark.sql(f"SHOW TABLES IN `{schema}`").collect()}
        for table in S.raw_tables():
            if table.split(".")[0] == schema and table.split(".")[1] in existing:
                if spark.sql(f"SELECT 1 FROM {spark_name(S.qualified(table))} LIMIT 1").take(1):
                    found.append(table)
    return found


def spark_select_list(table: str, source_columns: list[str] | None = None) -> str:
    return ", ".join(
        f"CAST(`{column}` AS {spark_type(table, column, kind)}) AS `{column}`"
        for column, kind in S.raw_tables()[table]
    )


def copy_to_spark(stage, spark, table: str, query: str, folder: str, replace: bool) -> int:
    """Write the rows of a DuckDB `query` (the columns of raw `table`) into its Iceberg table.

    DuckDB writes them to a Parquet file (TIMESTAMPTZ as UTC instants, lists as lists, decimals
    as decimals); Spark reads the file and casts every column to its declared type. `replace`
    recreates the table (CREATE OR REPLACE ... AS SELECT); otherwise the rows are appended.
    """
    path = os.path.join(folder, f"{table}.parquet")
    stage.execute(f"COPY ({query}) TO '{path}' (FORMAT PARQUET)")
    count = stage.execute(f"SELECT count(*) FROM read_parquet('{path}')").fetchone()[0]
    target = spark_name(S.qualified(table))
    select = f"SELECT {spark_select_list(table)} FROM parquet.`{path}`"
    if replace:
        spark.sql(f"DROP TABLE IF EXISTS {target} PURGE")
        spark.sql(f"CREATE TABLE {target} USING iceberg AS {select}")
    elif count:
        spark.sql(f"INSERT INTO {target} {select}")
    os.remove(path)
    return count


def stage_to_spark(stage, spark, progress: Progress) -> None:
    """Replace every raw table of the Spark warehouse by the staged DuckDB one (Iceberg tables).

    The pending rows and the generator's bookkeeping stay in the staging DuckDB file (see
    `spark_generator_file`): `load --until` reads them from there and appends to Spark.
    """
    for schema in S.raw_schemas():
        spark.sql(f"CREATE SCHEMA IF NOT EXISTS `{schema}`")
    with tempfile.TemporaryDirectory(prefix="catwalk-spark-") as folder:
        for table in S.raw_tables():
            columns = ", ".join(S.quote(c) for c, _ in S.raw_tables()[table])
            copy_to_spark(stage, spark, table, f"SELECT {columns} FROM {S.qualified(table)}",
                          folder, replace=True)
    progress("raw tables written to Spark (Iceberg)")


def spark_generator_file():
    """The DuckDB file beside the Spark warehouse that holds schema catwalk_generator (pending
    rows, the generation record, loads, ground truth) for the spark gateway."""
    from catwalk.spark import spark_dir

    return spark_dir() / "generator.duckdb"
