"""Where the SQLMesh project lives and how Catwalk opens it.

Every capability (runner, review, docs, bench, parity) opens the project through `open_context`
so that gateway selection, console output and error messages behave the same everywhere.
"""

from __future__ import annotations

import gc
import os
import shutil
import typing as t
from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parent.parent
GATEWAYS = ("local", "postgres", "spark")
LOCAL_TIMEZONE = "America/Montreal"

# Python's cyclic garbage collector, for SQLMesh's heap: a loaded project and a plan hold about a
# gigabyte of small objects (model definitions, SQLGlot trees), and with Python's default
# thresholds (700, 10, 10) every full collection walks all of them: 11 full collections took 16 s
# of a 68 s tiny prod plan. With these, young objects are collected in larger steps and a full
# collection waits for 100 middle ones: no full collection in that plan, 5.7 s of collecting in
# all, peak memory +180 MB (README "Benchmark").
GC_THRESHOLDS = (50_000, 20, 100)


class CatwalkError(Exception):
    """An error the user can act on; the CLI prints its message on one line, without a traceback."""

    exit_code = 2


def open_context(
    gateway: str | None = None,
    paths: str | os.PathLike | None = None,
    *,
    verbose: bool = False,
    load_state: bool = True,
    load_tests: bool = True,
    **kwargs: t.Any,
):
    """Open the SQLMesh context of the project (or of a copy of it at `paths`).

    `verbose` routes SQLMesh's progress to the terminal; by default SQLMesh's Python API is silent.
    `load_tests=False` leaves out the YAML unit tests (tests/*/test*.yaml): SQLMesh parses all of
    them on every load (about 3 s here), which only `sqlmesh test` and plans that run tests need;
    the scheduled run and tools that plan with skip_tests open the project without them.
    Errors while loading the project (bad SQL, missing macro, unknown gateway) become CatwalkError
    with SQLMesh's own message.
    """
    from sqlmesh import Context
    from sqlmesh.core.console import TerminalConsole, set_console

    from catwalk.publish import install

    install()  # atomic batches, published only after their audits pass (catwalk/publish.py)
    if gc.get_threshold()[0] < GC_THRESHOLDS[0]:  # never lowered: a caller may have raised them
        gc.set_threshold(*GC_THRESHOLDS)
    if gateway is not None and gateway not in GATEWAYS:
        raise CatwalkError(f"unknown gateway {gateway!r}; choose one of {', '.join(GATEWAYS)}")
    if gateway == "spark":
        from catwalk.spark import enable

        enable()  # config.yaml declares the spark gateway only when CATWALK_SPARK is set
    if verbose:
        set_console(TerminalConsole())
    try:
        if not load_tests:
            kwargs["loader"] = _loader_without_tests()
        return Context(
            paths=str(paths or PROJECT_ROOT), gateway=gateway, load_state=load_state, **kwargs
        )
    except CatwalkError:
        raise
    except Exception as error:  # SQLMesh raises ConfigError, ParsetimeAdapterError, SQLMeshError...
        raise CatwalkError(f"the project at {paths or PROJECT_ROOT} does not load: {error}") from error


def _loader_without_tests():
    """SQLMesh's loader minus the YAML unit tests. (Adding the test files to the configuration's
    ignore patterns would also do, but would change the configuration's fingerprint, which keys
    SQLMesh's load cache: loads with and without tests would then never share it.)"""
    from sqlmesh.core.loader import SqlMeshLoader

    class LoaderWithoutTests(SqlMeshLoader):
        def load_model_tests(self) -> list:
            return []

    return LoaderWithoutTests


def duckdb_path() -> Path:
    """The DuckDB file of the `local` gateway (env var CATWALK_DUCKDB, default catwalk.duckdb)."""
    path = Path(os.environ.get("CATWALK_DUCKDB", "catwalk.duckdb"))
    return path if path.is_absolute() else PROJECT_ROOT / path


def postgres_settings() -> dict[str, str]:
    """Connection settings of the `postgres` gateway, from the CATWALK_PG_* environment variables."""
    return {
        "host": os.environ.get("CATWALK_PG_HOST", "127.0.0.1"),
        "port": os.environ.get("CATWALK_PG_PORT", "5432"),
        "user": os.environ.get("CATWALK_PG_USER", "postgres"),
        "password": os.environ.get("CATWALK_PG_PASSWORD", ""),
        "dbname": os.environ.get("CATWALK_PG_DATABASE", "analytics"),
    }


def describe_postgres(settings: dict[str, str] | None = None) -> str:
    """host:port/dbname as user — never the password."""
    s = settings or postgres_settings()
    return f"{s['user']}@{s['host']}:{s['port']}/{s['dbname']}"


def connect_postgres(settings: dict[str, str] | None = None, dbname: str | None = None):
    """A psycopg2 connection; a failure names host, database and user and never the password."""
    import psycopg2

    s = dict(settings or postgres_settings())
    if dbname:
        s["dbname"] = dbname
    try:
        return psycopg2.connect(connect_timeout=10, **{k: v for k, v in s.items() if v != ""})
    except psycopg2.OperationalError as error:
        reason = str(error).strip().splitlines()[0] if str(error).strip() else "connection failed"
        if s.get("password"):
            reason = reason.replace(s["password"], "***")
        raise CatwalkError(f"cannot connect to Postgres {describe_postgres(s)}: {reason}") from None


def copy_warehouse(source: Path, target_dir: Path, name: str = "warehouse") -> Path:
    """Copy a DuckDB warehouse file (the catalog is the file stem: keep the stem), with its WAL."""
    target_dir.mkdir(parents=True, exist_ok=True)
    target = target_dir / f"{name}.duckdb"
    shutil.copyfile(source, target)
    source_wal, target_wal = Path(f"{source}.wal"), Path(f"{target}.wal")
    if source_wal.exists():
        shutil.copyfile(source_wal, target_wal)
    elif target_wal.exists():
        target_wal.unlink()
    return target


def copy_project(target: Path, include_models: bool = True) -> Path:
    """Copy the SQLMesh project (config, models, seeds, audits, macros, linter, signals, tests)."""
    target.mkdir(parents=True, exist_ok=True)
    for name in ("config.yaml", "external_models.yaml"):
        shutil.copy2(PROJECT_ROOT / name, target / name)
    folders = ["macros", "seeds", "audits", "linter", "signals", "materializations"] + (["models"] if include_models else [])
    for folder in folders:
        if (PROJECT_ROOT / folder).exists():
            shutil.copytree(
                PROJECT_ROOT / folder, target / folder, ignore=shutil.ignore_patterns("__pycache__")
            )
    if (PROJECT_ROOT / ".cache").is_dir():
        # SQLMesh's load cache: entries are keyed by file modification times (kept by copytree and
        # copy2) and by content hashes, so the copy loads warm (8 s instead of 24 s) and a file the
        # caller changes afterwards is re-read as usual.
        # SQLMesh may be writing it meanwhile (another process's load): an entry that disappears
        # during the copy (a temporary file renamed into place) is skipped.
        shutil.copytree(PROJECT_ROOT / ".cache", target / ".cache", copy_function=_copy_if_present)
    return target


def _copy_if_present(source: str, target: str) -> None:
    try:
        shutil.copy2(source, target)
    except FileNotFoundError:
        pass


# Postgres sessions opened by SQLMesh (psycopg2/libpq) use the UTC session time zone, like DuckDB's
# connector_config in config.yaml: interval bounds are naive literals compared with TIMESTAMPTZ.
os.environ.setdefault("PGTZ", "UTC")
