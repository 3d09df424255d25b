"""The synthetic raw warehouse: `generate` a deterministic world, `load` later deliveries.

    generate(gateway="local", scale="demo", seed=42, start=None, days=None, force=False) -> dict
    load(gateway="local", until="2026-11-28T07:00:00Z") -> dict

`generate` writes the 51 raw tables of external_models.yaml as the loaders had delivered them by
the end of history (live: now; with `start`: start + days), keeps later deliveries in schema
`catwalk_generator` (pending rows, see writer.py), records the generation and the ground truth
there, and writes CATWALK_START to <project>/.env. `load(until=T)` appends what the loaders would
have delivered by T: Segment events received in (watermark, T], replica rows updated in place or
removed; loading the same window twice adds nothing.
"""

from __future__ import annotations

import datetime as dt
import os
import tempfile
import time

import pandas as pd

from catwalk.project import PROJECT_ROOT, CatwalkError, duckdb_path, postgres_settings
from catwalk.warehouse import schema as S
from catwalk.warehouse.world import DAY, FUTURE_DAYS, HOUR, SCALES, build_world, to_us
from catwalk.warehouse.writer import (
    G,
    Progress,
    copy_to_postgres,
    drop_staged,
    ensure_postgres_database,
    nonempty_raw_tables_duckdb,
    nonempty_raw_tables_postgres,
    nonempty_raw_tables_spark,
    pending_name,
    publish_staged,
    spark_generator_file,
    stage_to_postgres,
    stage_to_spark,
    stage_world,
    write_truth,
)

__all__ = ["generate", "load", "SCALES"]

GATEWAYS = ("local", "postgres", "spark")
DUCKDB_MEMORY_LIMIT = "512MB"  # DuckDB's buffer pool while generating into a file


def _window(scale: str, start, days, now=None) -> tuple[int, int]:
    if scale not in SCALES:
        raise CatwalkError(f"unknown scale {scale!r}; choose one of {', '.join(SCALES)}")
    if days is None:
        days = SCALES[scale]["days"]
    if not isinstance(days, int) or isinstance(days, bool) or days < 1 or days > 3660:
        raise CatwalkError(f"days must be a whole number between 1 and 3660, got {days!r}")
    if start is not None:
        try:
            first = dt.date.fromisoformat(str(start))
        except ValueError:
            raise CatwalkError(f"start must be a date YYYY-MM-DD, got {start!r}") from None
        if first < dt.date(2019, 5, 11):
            raise CatwalkError(
                f"start {first} is before 2019-05-11: only the current tracking era is simulated"
            )
        start_us = to_us(first.isoformat())
        return start_us, start_us + days * DAY
    now = pd.Timestamp.now(tz="UTC") if now is None else pd.Timestamp(now)
    end_us = to_us(now.floor("h"))
    start_us = ((end_us - days * DAY) // DAY) * DAY
    return start_us, end_us


def _check_gateway(gateway: str) -> None:
    if gateway not in GATEWAYS:
        raise CatwalkError(f"unknown gateway {gateway!r}; choose one of {', '.join(GATEWAYS)}")


def _iso(us: int) -> str:
    return pd.Timestamp(us * 1000, tz="UTC").isoformat()


def write_env_start(first_day: str) -> None:
    """Set CATWALK_START=<first_day> in <project>/.env, preserving the other lines."""
    path = PROJECT_ROOT / ".env"
    lines = path.read_text().splitlines() if path.exists() else []
    lines = [line for line in lines if not line.startswith("CATWALK_START=")]
    lines.append(f"CATWALK_START={first_day}")
    path.write_text("\n".join(lines) + "\n")


def generate(gateway: str = "local", scale: str = "demo", seed: int = 42, start=None, days=None,
             force: bool = False, *, progress: bool = True, write_env: bool = False) -> dict:
    """Generate the raw warehouse; returns {'rows': {table: n}, 'start', 'end', ...}."""
    _check_gateway(gateway)
    if not isinstance(seed, int) or isinstance(seed, bool) or seed < 0:
        raise CatwalkError(f"seed must be a non-negative integer, got {seed!r}")
    start_us, end_us = _window(scale, start, days)
    report = Progress(progress)
    t0 = time.perf_counter()
    import duckdb

    if gateway == "local":
        path = duckdb_path()
        try:
            con = duckdb.connect(str(path))
        except duckdb.Error as error:
            raise CatwalkError(f"cannot open DuckDB file {path}: {error}") from None
    elif gateway == "spark":
        # Raw tables go to Spark as Iceberg tables; schema catwalk_generator (pending rows,
        # generation record, ground truth) stays in a DuckDB file beside the Spark warehouse.
        from catwalk.spark import session

        spark = session()
        path = spark_generator_file()
        nonempty = nonempty_raw_tables_spark(spark)
        if nonempty and not force:
            raise CatwalkError(
                f"raw table {nonempty[0]} already holds data ({len(nonempty)} non-empty raw "
                "tables); pass force=True (--force) to replace them"
            )
        path.parent.mkdir(parents=True, exist_ok=True)
        for stale in (path, path.with_name(path.name + ".wal")):
            stale.unlink(missing_ok=True)
        con = duckdb.connect(str(path))
    else:
        settings = postgres_settings()
        ensure_postgres_database(settings)
        from catwalk.project import connect_postgres

        pg = connect_postgres(settings)
        # Staged in a scratch DuckDB file, not in memory: with the memory limit below, staged
        # tables spill to disk and a bench-scale load stays within a few GB of RSS.
        staging = tempfile.TemporaryDirectory(prefix="catwalk-staging-")
        con = duckdb.connect(os.path.join(staging.name, "staging.duckdb"))
    staged = False  # staged raw tables may exist (dropped on failure)
    try:
        nonempty = (nonempty_raw_tables_duckdb(con) if gateway == "local"
                    else [] if gateway == "spark" else nonempty_raw_tables_postgres(pg))
        if nonempty and not force:
            raise CatwalkError(
                f"raw table {nonempty[0]} already holds data ({len(nonempty)} non-empty raw "
                "tables); pass force=True (--force) to replace them"
            )
        report(f"simulating scale={scale} seed={seed} {_iso(start_us)} .. {_iso(end_us)}")
        world = build_world(scale, seed, start_us, end_us, progress=lambda s: report(f"world: {s}"))
        report("world simulated")
        # blocks already written to the file (the warehouse, or the Postgres staging file) need
        # not stay cached
        con.execute(f"SET memory_limit = '{DUCKDB_MEMORY_LIMIT}'")
        con.execute("BEGIN TRANSACTION")
        staged = True
        delivered = stage_world(con, world, seed, end_us, report)
        generation = dict(
            seed=seed, scale=scale, history_start=pd.Timestamp(start_us * 1000, tz="UTC"),
            history_end=pd.Timestamp(end_us * 1000, tz="UTC"),
            world_end=pd.Timestamp(world.world_end_us * 1000, tz="UTC"),
            delivered_until=pd.Timestamp(end_us * 1000, tz="UTC"),
            generated_at=pd.Timestamp.now(tz="UTC").floor("s"),
        )
        write_truth(con, world, generation)
        report("ground truth staged")
        publish_staged(con)  # the staged raw and pending tables replace the old ones at once
        con.execute("COMMIT")
        report("committed")
        if gateway == "postgres":
            stage_to_postgres(con, pg, world, report)
            pg.commit()
        if gateway == "spark":  # no transactions across Spark tables: each table is replaced whole
            stage_to_spark(con, spark, report)
    except BaseException:
        if gateway == "postgres":
            pg.rollback()
        if staged:
            drop_staged(con)
        raise
    finally:
        con.close()
        if gateway == "postgres":
            pg.close()
            staging.cleanup()
    first_day = pd.Timestamp(start_us * 1000, tz="UTC").date().isoformat()
    if write_env:
        write_env_start(first_day)
    seconds = time.perf_counter() - t0
    total = sum(delivered.values())
    report(f"done: {total:,} raw rows in {seconds:.1f}s ({total / max(seconds, 1e-9):,.0f} rows/s)")
    return dict(rows=delivered, total_rows=total, start=_iso(start_us), end=_iso(end_us),
                first_day=first_day, world_end=_iso(world.world_end_us), seed=seed, scale=scale,
                gateway=gateway, seconds=round(seconds, 2))


# ----------------------------------------------------------------------------------------- load


class _Engine:
    """Tiny SQL adapter over a DuckDB or psycopg2 connection."""

    def __init__(self, gateway: str):
        self.gateway = gateway
        if gateway == "local":
            import duckdb

            path = duckdb_path()
            if not path.exists():
                raise CatwalkError(f"DuckDB file {path} does not exist; run `catwalk warehouse "
                                   "generate` first")
            self.con = duckdb.connect(str(path))
            self.con.execute("SET TimeZone='UTC'")
            self.con.execute("BEGIN TRANSACTION")
        else:
            from catwalk.project import connect_postgres

            self.con = connect_postgres()
            with self.con.cursor() as cur:
                cur.execute("SET timezone TO 'UTC'")

    def execute(self, sql: str, params=()):
        if self.gateway == "local":
            return self.con.execute(sql, list(params))
        cur = self.con.cursor()
        cur.execute(sql.replace("?", "%s"), params)
        return cur

    def rowcount(self, sql: str, params=()) -> int:
        cur = self.execute(sql, params)
        if self.gateway == "local":
            row = cur.fetchone()
            return int(row[0]) if row else 0
        return cur.rowcount

    def commit(self):
        if self.gateway == "local":
            self.con.execute("COMMIT")
        else:
            self.con.commit()

    def close(self):
        self.con.close()


def _check_generation_covers_project(generated: dict) -> None:
    """A warehouse generated before raw tables were added to the project cannot deliver them."""
    missing = sorted(set(S.raw_tables()) - set(generated))
    if missing:
        shown = ", ".join(missing[:5]) + (f" (+{len(missing) - 5} more)" if len(missing) > 5 else "")
        raise CatwalkError(
            f"this warehouse was generated before {len(missing)} raw tables were added to the "
            f"project ({shown}), so its loads cannot deliver them; regenerate it with "
            "`catwalk warehouse generate --force` (for `make demo`: delete the DuckDB file, "
            "catwalk.duckdb by default, and run it again)"
        )


def load(gateway: str = "local", until: str = "2026-11-28T07:00:00Z", *,
         progress: bool = True) -> dict:
    """Append what the loaders delivered in (watermark, until]; returns {table: rows appended}."""
    _check_gateway(gateway)
    try:
        until_ts = pd.Timestamp(until)
    except (ValueError, TypeError):
        raise CatwalkError(f"until must be a timestamp like 2026-11-28T07:00:00Z, got {until!r}") \
            from None
    if until_ts.tzinfo is None:
        until_ts = until_ts.tz_localize("UTC")
    until_ts = until_ts.tz_convert("UTC")
    report = Progress(progress)
    if gateway == "spark":
        return _load_spark(until_ts, report)
    engine = _Engine(gateway)
    try:
        try:
            row = engine.execute(
                f"SELECT delivered_until, world_end FROM {S.quote(G)}.generations").fetchone()
        except Exception:
            raise CatwalkError("no generation found in the warehouse (schema catwalk_generator); "
                               "run `catwalk warehouse generate` first") from None
        watermark, world_end = pd.Timestamp(row[0]), pd.Timestamp(row[1])
        if watermark.tzinfo is None:
            watermark = watermark.tz_localize("UTC")
        appended: dict[str, int] = {}
        if until_ts <= watermark:
            report(f"nothing to load: {until_ts.isoformat()} <= watermark {watermark.isoformat()}")
            engine.close()
            return appended
        lo, hi = watermark.isoformat(), until_ts.isoformat()
        kinds = dict(engine.execute(f"SELECT table_name, kind FROM {S.quote(G)}.tables").fetchall())
        _check_generation_covers_project(kinds)
        keys = dict(engine.execute(
            f"SELECT table_name, key_columns FROM {S.quote(G)}.tables").fetchall())
        window = "_delivered_at > CAST(? AS TIMESTAMPTZ) AND _delivered_at <= CAST(? AS TIMESTAMPTZ)"
        for table, columns in S.raw_tables().items():
            cols = ", ".join(S.quote(c) for c, _ in columns)
            pending = pending_name(table)
            if kinds[table] == "event":
                n = engine.rowcount(
                    f"INSERT INTO {S.qualified(table)} ({cols}) SELECT {cols} FROM {pending} "
                    f"WHERE {window} ORDER BY _delivered_at, _ord", (lo, hi))
            else:
                key = [S.quote(k) for k in keys[table].split(",")]
                key_list = ", ".join(key)
                match = f"({key_list})" if len(key) > 1 else key_list
                engine.rowcount(
                    f"DELETE FROM {S.qualified(table)} WHERE {match} IN (SELECT {key_list} FROM "
                    f"{pending} WHERE {window})", (lo, hi))
                n = engine.rowcount(
                    f"INSERT INTO {S.qualified(table)} ({cols}) SELECT {cols} FROM (SELECT *, "
                    f"row_number() OVER (PARTITION BY {key_list} ORDER BY _delivered_at DESC, "
                    f"_ord DESC) AS _rn FROM {pending} WHERE {window}) AS latest "
                    "WHERE _rn = 1 AND NOT _deleted ORDER BY _ord", (lo, hi))
            if n:
                appended[table] = n
        total = sum(appended.values())
        engine.execute(f"UPDATE {S.quote(G)}.generations SET delivered_until = CAST(? AS "
                       "TIMESTAMPTZ)", (hi,))
        engine.execute(f"INSERT INTO {S.quote(G)}.loads VALUES (CAST(? AS TIMESTAMPTZ), "
                       "CAST(? AS TIMESTAMPTZ), ?)",
                       (pd.Timestamp.now(tz="UTC").floor("s").isoformat(), hi, total))
        engine.commit()
        if until_ts > world_end:
            report(f"note: the simulated world ends at {world_end.isoformat()}; nothing exists after")
        report(f"loaded {total:,} rows into {len(appended)} tables up to {hi}")
        return appended
    finally:
        try:
            engine.close()
        except Exception:
            pass


def _load_spark(until_ts: pd.Timestamp, report: Progress) -> dict:
    """`load` for the spark gateway: pending rows from the generator's DuckDB file, appended to the
    Iceberg raw tables (replica rows: the keys delivered in the window are deleted by MERGE, then
    their latest versions inserted)."""
    import duckdb

    from catwalk.spark import session
    from catwalk.warehouse.writer import copy_to_spark, spark_name

    path = spark_generator_file()
    if not path.exists():
        raise CatwalkError(f"no generation found ({path} does not exist); run `catwalk warehouse "
                           "generate --gateway spark` first")
    con = duckdb.connect(str(path))
    try:
        con.execute("SET TimeZone='UTC'")
        watermark, world_end = (pd.Timestamp(v) for v in con.execute(
            f"SELECT delivered_until, world_end FROM {S.quote(G)}.generations").fetchone())
        appended: dict[str, int] = {}
        if until_ts <= watermark:
            report(f"nothing to load: {until_ts.isoformat()} <= watermark {watermark.isoformat()}")
            return appended
        lo, hi = watermark.isoformat(), until_ts.isoformat()
        kinds = dict(con.execute(f"SELECT table_name, kind FROM {S.quote(G)}.tables").fetchall())
        _check_generation_covers_project(kinds)
        keys = dict(con.execute(f"SELECT table_name, key_columns FROM {S.quote(G)}.tables").fetchall())
        window = (f"_delivered_at > TIMESTAMPTZ '{lo}' AND _delivered_at <= TIMESTAMPTZ '{hi}'")
        spark = session()
        with tempfile.TemporaryDirectory(prefix="catwalk-spark-load-") as folder:
            for table, columns in S.raw_tables().items():
                cols = ", ".join(S.quote(c) for c, _ in columns)
                pending = pending_name(table)
                if kinds[table] == "event":
                    n = copy_to_spark(con, spark, table, f"SELECT {cols} FROM {pending} WHERE "
                                      f"{window} ORDER BY _delivered_at, _ord", folder, replace=False)
                else:
                    key = [S.quote(k) for k in keys[table].split(",")]
                    changed = con.execute(f"SELECT count(*) FROM {pending} WHERE {window}").fetchone()[0]
                    if not changed:
                        continue
                    keys_file = os.path.join(folder, "keys.parquet")
                    con.execute(f"COPY (SELECT DISTINCT {', '.join(key)} FROM {pending} WHERE "
                                f"{window}) TO '{keys_file}' (FORMAT PARQUET)")
                    match = " AND ".join(f"t.`{k.strip(chr(34))}` = s.`{k.strip(chr(34))}`" for k in key)
                    spark.sql(f"MERGE INTO {spark_name(S.qualified(table))} t USING "
                              f"parquet.`{keys_file}` s ON {match} WHEN MATCHED THEN DELETE")
                    n = copy_to_spark(
                        con, spark, table,
                        f"SELECT {cols} FROM (SELECT *, row_number() OVER (PARTITION BY "
                        f"{', '.join(key)} ORDER BY _delivered_at DESC, _ord DESC) AS _rn FROM "
                        f"{pending} WHERE {window}) AS latest WHERE _rn = 1 AND NOT _deleted "
                        "ORDER BY _ord", folder, replace=False)
                if n:
                    appended[table] = n
        total = sum(appended.values())
        con.execute(f"UPDATE {S.quote(G)}.generations SET delivered_until = TIMESTAMPTZ '{hi}'")
        con.execute(f"INSERT INTO {S.quote(G)}.loads VALUES (TIMESTAMPTZ "
                    f"'{pd.Timestamp.now(tz='UTC').floor('s').isoformat()}', TIMESTAMPTZ '{hi}', {total})")
        if until_ts > world_end:
            report(f"note: the simulated world ends at {world_end.isoformat()}; nothing exists after")
        report(f"loaded {total:,} rows into {len(appended)} tables up to {hi}")
        return appended
    finally:
        con.close()


_unused = (HOUR, FUTURE_DAYS, copy_to_postgres)
