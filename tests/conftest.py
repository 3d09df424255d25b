"""Shared fixtures of the Catwalk test suite.

- `tiny_window`: the frozen period of the tiny warehouse (history 2026-03-02 → 2026-03-16, with the
  2026-03-08 DST change) and the moment the tests pretend it is (just after the 07:00 UTC run).
- `tiny_warehouse`: a DuckDB file holding the tiny generated raw warehouse (session-scoped; copy it
  with `copy_warehouse` before mutating).
- `tiny_prod`: a SQLMesh Context on a copy of that warehouse with the prod plan applied
  (session-scoped, read-only by convention: tests that change data take their own copy, with
  `copy_tiny_prod(folder)`).
- `pg_database`: a throwaway Postgres database (settings dict), dropped after the test.

Tests are hermetic: the developer's `.env` (written by `catwalk warehouse generate`) is not read,
and the clock is frozen wherever intervals matter.
"""

from __future__ import annotations

import os
import shutil
import uuid
from dataclasses import dataclass
from pathlib import Path

import pytest

from catwalk.project import copy_warehouse


@pytest.fixture(scope="session", autouse=True)
def _hermetic_environment(tmp_path_factory):
    """Keep the developer's .env and CATWALK_* variables out of the tests, and point the `local`
    gateway's default DuckDB file at this session's own (each pytest worker has its own), so no
    test opens the repo's catwalk.duckdb or another worker's file."""
    import sqlmesh.core.config.loader as loader

    saved = {k: v for k, v in os.environ.items() if k.startswith("CATWALK_")}
    for key in saved:
        del os.environ[key]
    # named like the real default: the file stem is the catalog ("catwalk"), which some tests expect
    os.environ["CATWALK_DUCKDB"] = str(tmp_path_factory.mktemp("default") / "catwalk.duckdb")
    original = loader.load_dotenv
    loader.load_dotenv = lambda *args, **kwargs: False
    os.environ["PGTZ"] = "UTC"
    yield
    loader.load_dotenv = original
    for key in [k for k in os.environ if k.startswith("CATWALK_")]:
        del os.environ[key]
    os.environ.update(saved)


@dataclass(frozen=True)
class Window:
    start: str = "2026-03-02"
    days: int = 14
    end: str = "2026-03-16"
    now: str = "2026-03-16 07:30:00+00:00"
    seed: int = 42


@pytest.fixture(scope="session")
def tiny_window() -> Window:
    return Window()


@pytest.fixture(scope="session")
def tiny_warehouse(tmp_path_factory, tiny_window) -> Path:
    """Generate the tiny raw warehouse once per session into a DuckDB file."""
    from catwalk.warehouse import generate

    folder = tmp_path_factory.mktemp("tiny_raw")
    path = folder / "warehouse.duckdb"
    saved = os.environ.get("CATWALK_DUCKDB")
    os.environ["CATWALK_DUCKDB"] = str(path)
    try:
        generate(
            gateway="local", scale="tiny", seed=tiny_window.seed, start=tiny_window.start,
            days=tiny_window.days, force=True, progress=False, write_env=False,
        )
    finally:
        os.environ["CATWALK_DUCKDB"] = saved
    return path


# The tiny prod build is shared by every pytest process that needs it (the two workers of
# `make test`, then `make test-spark`): the first builds it under a lock and leaves a copy in
# .test-cache/, keyed by the content of everything the build reads; the others copy that file and
# open a context on it (the SQLMesh state is in the same DuckDB file), instead of planning again.
REPO = Path(__file__).resolve().parents[1]
SHARED_BUILDS = REPO / ".test-cache"
BUILD_INPUTS = ("catwalk", "models", "macros", "seeds", "audits", "signals", "materializations",
                "linter", "config.yaml", "external_models.yaml", "pyproject.toml", "tests/conftest.py")


def build_key(*extra: object) -> str:
    """A digest of every file a build reads (project, package, pins) and of `extra`."""
    import hashlib
    from importlib.metadata import version

    digest = hashlib.sha256(repr(extra).encode())
    digest.update(" ".join(version(p) for p in ("sqlmesh", "sqlglot", "duckdb")).encode())
    for name in BUILD_INPUTS:
        root = REPO / name
        files = [root] if root.is_file() else sorted(f for f in root.rglob("*") if f.is_file())
        for path in files:
            if "__pycache__" in path.parts:
                continue
            digest.update(str(path.relative_to(REPO)).encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()[:20]


@pytest.fixture(scope="session")
def tiny_prod(tmp_path_factory, tiny_warehouse, tiny_window):
    """A Context on a copy of the tiny warehouse with the prod plan applied (frozen clock)."""
    import fcntl

    import time_machine

    from catwalk.project import open_context

    folder = tmp_path_factory.mktemp("tiny_prod")
    SHARED_BUILDS.mkdir(exist_ok=True)
    shared = SHARED_BUILDS / f"tiny_prod-{build_key(tiny_window)}"
    saved = os.environ.get("CATWALK_DUCKDB")
    os.environ["CATWALK_START"] = tiny_window.start
    try:
        with open(SHARED_BUILDS / "tiny_prod.lock", "w") as lock:
            fcntl.flock(lock, fcntl.LOCK_EX)  # one builder; the others wait for its copy
            if (shared / "warehouse.duckdb").exists():
                path = copy_warehouse(shared / "warehouse.duckdb", folder)
                os.environ["CATWALK_DUCKDB"] = str(path)
                context = open_context(gateway="local", load_tests=False)
            else:
                path = copy_warehouse(tiny_warehouse, folder)
                os.environ["CATWALK_DUCKDB"] = str(path)
                with time_machine.travel(tiny_window.now, tick=False):
                    context = open_context(gateway="local", load_tests=False)
                    context.plan("prod", auto_apply=True, no_prompts=True, skip_tests=True,
                                 skip_linter=True)
                context.engine_adapter.execute("CHECKPOINT")  # everything in the file
                for old in SHARED_BUILDS.glob("tiny_prod-*"):  # builds of other inputs
                    shutil.rmtree(old, ignore_errors=True)
                staging = SHARED_BUILDS / f"staging-{shared.name}.{os.getpid()}"
                shutil.rmtree(staging, ignore_errors=True)
                copy_warehouse(path, staging)
                staging.rename(shared)
    finally:
        os.environ["CATWALK_DUCKDB"] = saved
        os.environ.pop("CATWALK_START", None)
    yield context
    context.close()


@pytest.fixture(scope="session")
def copy_tiny_prod(tiny_prod):
    """copy_tiny_prod(folder): a copy of the tiny prod build's DuckDB file in `folder` (its path),
    for tests that change data or open the warehouse from another process."""

    def copy(folder: Path) -> Path:
        path = tiny_prod.engine_adapter.fetchone(
            "SELECT path FROM duckdb_databases() WHERE database_name = current_database()")[0]
        tiny_prod.engine_adapter.execute("CHECKPOINT")  # everything in the file, nothing in the WAL
        return copy_warehouse(Path(path), folder)

    return copy


def postgres_available() -> bool:
    try:
        import psycopg2

        psycopg2.connect(host="127.0.0.1", port=5432, user="postgres", dbname="postgres",
                         connect_timeout=3).close()
        return True
    except Exception:
        return False


@pytest.fixture
def pg_database():
    """A fresh Postgres database for one test; settings dict usable with CATWALK_PG_* variables."""
    if not postgres_available():
        pytest.skip("PostgreSQL is not reachable at 127.0.0.1:5432 (start it to run this test)")
    import psycopg2

    name = f"catwalk_test_{uuid.uuid4().hex[:10]}"
    admin = psycopg2.connect(host="127.0.0.1", port=5432, user="postgres", dbname="postgres")
    admin.autocommit = True
    with admin.cursor() as cursor:
        cursor.execute(f'CREATE DATABASE "{name}"')
        cursor.execute(f"ALTER DATABASE \"{name}\" SET timezone TO 'UTC'")
    settings = {"host": "127.0.0.1", "port": "5432", "user": "postgres", "password": "", "dbname": name}
    saved = {k: os.environ.get(k) for k in ("CATWALK_PG_HOST", "CATWALK_PG_PORT", "CATWALK_PG_USER", "CATWALK_PG_DATABASE")}
    os.environ.update({"CATWALK_PG_HOST": "127.0.0.1", "CATWALK_PG_PORT": "5432",
                       "CATWALK_PG_USER": "postgres", "CATWALK_PG_DATABASE": name})
    try:
        yield settings
    finally:
        for key, value in saved.items():
            if value is None:
                os.environ.pop(key, None)
            else:
                os.environ[key] = value
        with admin.cursor() as cursor:
            cursor.execute(
                "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = %s", (name,)
            )
            cursor.execute(f'DROP DATABASE IF EXISTS "{name}"')
        admin.close()


@pytest.fixture(scope="session")
def tiny_prod_postgres(tmp_path_factory, tiny_window):
    """The tiny warehouse generated into a fresh Postgres database, roles set up, and the prod plan
    applied as the `transformer` role (frozen clock). Yields (context, settings). Read-only by
    convention; the database is dropped at the end of the session."""
    if not postgres_available():
        pytest.skip("PostgreSQL is not reachable at 127.0.0.1:5432 (start it to run this test)")
    import psycopg2
    import time_machine

    from catwalk.postgres import TRANSFORMER, setup_roles
    from catwalk.project import open_context
    from catwalk.warehouse import generate

    name = f"catwalk_prod_{uuid.uuid4().hex[:8]}"
    admin = psycopg2.connect(host="127.0.0.1", port=5432, user="postgres", dbname="postgres")
    admin.autocommit = True
    with admin.cursor() as cursor:
        cursor.execute(f'CREATE DATABASE "{name}"')
        cursor.execute(f"ALTER DATABASE \"{name}\" SET timezone TO 'UTC'")
    settings = {"host": "127.0.0.1", "port": "5432", "user": "postgres", "password": "", "dbname": name}
    variables = {"CATWALK_PG_HOST": "127.0.0.1", "CATWALK_PG_PORT": "5432", "CATWALK_PG_DATABASE": name,
                 "CATWALK_PG_USER": "postgres", "CATWALK_START": tiny_window.start}
    saved = {k: os.environ.get(k) for k in variables}
    os.environ.update(variables)
    try:
        setup_roles(settings)
        generate(gateway="postgres", scale="tiny", seed=tiny_window.seed, start=tiny_window.start,
                 days=tiny_window.days, force=True, progress=False, write_env=False)
        os.environ["CATWALK_PG_USER"] = TRANSFORMER
        with time_machine.travel(tiny_window.now, tick=False):
            context = open_context(gateway="postgres", load_tests=False)
            context.plan("prod", auto_apply=True, no_prompts=True, skip_tests=True, skip_linter=True)
    finally:
        for key, value in saved.items():
            if value is None:
                os.environ.pop(key, None)
            else:
                os.environ[key] = value
    yield context, {**settings, "user": TRANSFORMER}
    context.close()
    with admin.cursor() as cursor:
        cursor.execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = %s", (name,))
        cursor.execute(f'DROP DATABASE IF EXISTS "{name}"')
    admin.close()


def pytest_configure(config):
    """On a checkout without SQLMesh's load cache (.cache: a fresh clone, as in CI), load the project
    once before any test, so that every later load, and every copy of the project a test makes
    (copy_project copies .cache), reads the cache instead of parsing all models again (a cold load
    is about three times a warm one). Runs in the main pytest process only, not in its workers."""
    if hasattr(config, "workerinput") or config.option.collectonly:
        return
    import fcntl

    SHARED_BUILDS.mkdir(exist_ok=True)
    with open(SHARED_BUILDS / "load_cache.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)  # `make test` and `make test-spark` start together in CI
        if not (REPO / ".cache").is_dir():
            _fill_load_cache()


def _fill_load_cache() -> None:
    import tempfile

    import sqlmesh.core.config.loader as loader

    from catwalk.project import open_context

    saved = {k: v for k, v in os.environ.items() if k.startswith("CATWALK_")}
    original = loader.load_dotenv
    loader.load_dotenv = lambda *args, **kwargs: False
    try:
        with tempfile.TemporaryDirectory() as folder:
            for key in saved:
                del os.environ[key]
            os.environ["CATWALK_DUCKDB"] = str(Path(folder) / "warehouse.duckdb")
            open_context(gateway="local", load_state=False, load_tests=False).close()
    finally:
        loader.load_dotenv = original
        os.environ.pop("CATWALK_DUCKDB", None)
        os.environ.update(saved)


POSTGRES_FIXTURES = {"tiny_prod_postgres", "pg_database"}


def pytest_collection_modifyitems(config, items):
    """With `-n 2 --dist loadgroup` (make test), every test that uses the local Postgres server runs
    on one worker, one after the other: they share the server's roles (`setup_roles` creates and
    alters cluster-wide roles, which concurrent sessions would race on) and the tiny Postgres build.
    The other tests go to whichever worker is free; each worker builds the tiny DuckDB warehouse
    it needs once."""
    for item in items:
        if POSTGRES_FIXTURES & set(item.fixturenames) or item.get_closest_marker("postgres"):
            item.add_marker(pytest.mark.xdist_group("postgres"))
