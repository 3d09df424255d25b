"""Single-flight lock for `catwalk run`.

SQLMesh does not stop two `run`s from evaluating the same intervals at once (two concurrent runs
duplicate INCREMENTAL_BY_TIME_RANGE rows and SCD2 history, SQLMesh issue #3866), so the runner holds
one lock for the whole run:

- gateway `postgres`: a session-level advisory lock (`pg_try_advisory_lock`) on the state database.
  It works across hosts and is released by the server when the holder dies (even on SIGKILL),
  because the session ends with the process.
- gateway `local`: an OS file lock (`filelock`, flock on Linux) on `<duckdb file>.run.lock`, also
  released by the kernel when the holder dies. DuckDB itself lets one process at a time open the
  file for writing; the lock is taken before the project is opened so the second runner exits with
  a clear message instead of a DuckDB error.

The lock covers every environment: dev and prod share physical tables for unchanged models.
"""

from __future__ import annotations

import typing as t
import zlib
from pathlib import Path

from catwalk.project import CatwalkError, connect_postgres, describe_postgres

# A fixed 64-bit key: every catwalk runner contends for the same advisory lock.
ADVISORY_LOCK_KEY = zlib.crc32(b"catwalk.run") * 1000 + 6


class LockHeld(CatwalkError):
    """Another run holds the lock; the runner exits at once with EXIT_LOCKED."""

    exit_code = 75


class RunLock:
    """Context manager: acquire without waiting or raise LockHeld; release on exit."""

    def __init__(self, description: str):
        self.description = description

    def acquire(self) -> None:  # pragma: no cover - interface
        raise NotImplementedError

    def release(self) -> None:  # pragma: no cover - interface
        raise NotImplementedError

    def __enter__(self) -> "RunLock":
        self.acquire()
        return self

    def __exit__(self, *exc: t.Any) -> None:
        self.release()


class FileRunLock(RunLock):
    def __init__(self, path: Path):
        super().__init__(f"file lock {path}")
        self.path = Path(path)
        self._lock: t.Any = None

    def acquire(self) -> None:
        from filelock import FileLock, Timeout

        self.path.parent.mkdir(parents=True, exist_ok=True)
        lock = FileLock(str(self.path), timeout=0)
        try:
            lock.acquire()
        except Timeout:
            raise LockHeld(
                f"another catwalk run holds the {self.description}; exiting without running"
            ) from None
        self._lock = lock

    def release(self) -> None:
        if self._lock is not None:
            self._lock.release()
            self._lock = None


class PostgresRunLock(RunLock):
    def __init__(self, settings: t.Optional[t.Dict[str, str]] = None):
        super().__init__("advisory lock")
        self.settings = settings
        self._connection: t.Any = None

    def acquire(self) -> None:
        connection = connect_postgres(self.settings)
        connection.autocommit = True
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_try_advisory_lock(%s)", (ADVISORY_LOCK_KEY,))
            (acquired,) = cursor.fetchone()
        if not acquired:
            connection.close()
            raise LockHeld(
                "another catwalk run holds the advisory lock "
                f"{ADVISORY_LOCK_KEY} on {describe_postgres(self.settings)}; exiting without running"
            )
        self._connection = connection

    def release(self) -> None:
        if self._connection is not None:
            try:
                with self._connection.cursor() as cursor:
                    cursor.execute("SELECT pg_advisory_unlock(%s)", (ADVISORY_LOCK_KEY,))
            finally:
                self._connection.close()
                self._connection = None
