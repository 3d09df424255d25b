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
`catwalk plan` takes the same lock (waiting up to `--wait` seconds), so a plan never races a run.

SQLMesh forks worker processes (its process pools, while it reads snapshots); a runner killed with
SIGKILL would leave them alive with the warehouse open. `children_die_with_parent()` makes every
process forked afterwards receive SIGKILL when its parent dies (Linux `PR_SET_PDEATHSIG`).
"""

from __future__ import annotations

import os
import signal
import time
import typing as t
import zlib
from pathlib import Path

from catwalk.project import CatwalkError, connect_postgres, describe_postgres

# A fixed 64-bit key: every catwalk runner contends for the same advisory lock.
ADVISORY_LOCK_KEY = zlib.crc32(b"catwalk.run") * 1000 + 6


_PR_SET_PDEATHSIG = 1
_parent_pid: t.Optional[int] = None
_registered = False


def _remember_parent() -> None:
    global _parent_pid
    _parent_pid = os.getpid()


def _die_with_parent() -> None:
    import ctypes

    try:
        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(_PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0)
    except (OSError, AttributeError):  # not Linux: nothing to set
        return
    if _parent_pid is not None and os.getppid() != _parent_pid:
        os._exit(1)  # the parent died between the fork and the prctl call


def children_die_with_parent() -> None:
    """Every child forked from now on is killed when this process dies (idempotent)."""
    global _registered
    if not _registered and hasattr(os, "register_at_fork"):
        os.register_at_fork(before=_remember_parent, after_in_child=_die_with_parent)
        _registered = True


class LockHeld(CatwalkError):
    """Another run holds the lock; the runner exits at once with EXIT_LOCKED."""

    exit_code = 75


class RunLock:
    """Context manager: acquire without waiting or raise LockHeld; release on exit.

    `acquire(wait=seconds)` retries for that long before raising LockHeld.
    """

    def __init__(self, description: str):
        self.description = description

    def acquire(self, wait: float = 0) -> None:
        deadline = time.monotonic() + wait
        while True:
            try:
                return self.try_acquire()
            except LockHeld:
                if time.monotonic() >= deadline:
                    raise
                time.sleep(min(1.0, max(0.05, deadline - time.monotonic())))

    def try_acquire(self) -> None:  # pragma: no cover - interface
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

    def try_acquire(self) -> None:
        from filelock import FileLock, Timeout

        if not self.path.parent.is_dir():
            raise CatwalkError(f"cannot take the {self.description}: folder {self.path.parent} does not exist")
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

    def try_acquire(self) -> None:
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
