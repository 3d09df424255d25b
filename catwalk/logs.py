"""Where the `catwalk` commands send what libraries log: a log file, and one line on stderr.

Without a logging configuration, SQLMesh's table diff logs every SQL statement it runs at the
effective level of its logger (WARNING when nothing is configured), and Python's last-resort
handler printed those `Executing SQL:` lines (about 120 KB per review) on stderr; pandas and
SQLGlot add FutureWarnings and dialect warnings, and a non-blocking audit dumps its whole query.
`setup()` sends every log record of INFO and above, Python warnings included, to
`logs/catwalk.log` (messages cut at 2,000 characters, rotated at 10 MB, five old files kept;
`CATWALK_LOG_FILE` overrides the path) and nothing to the terminal; `finish()` prints one line
counting the warnings that went there.

`step()` prints a progress line of a long step on stderr (and into the log).
"""

from __future__ import annotations

import logging
import logging.handlers
import os
import sys
import time
from pathlib import Path

from catwalk import project

LOG_FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"
MAX_BYTES = 10 * 1024 * 1024
BACKUPS = 5
MAX_MESSAGE = 2000  # a table diff's query is ~30 KB: the log keeps the start of each statement

_started = time.monotonic()


class _Shorten(logging.Filter):
    """Cuts long messages (executed SQL, audit queries) so that a run's log stays readable."""

    def filter(self, record: logging.LogRecord) -> bool:
        message = record.getMessage()
        if len(message) > MAX_MESSAGE:
            record.msg = f"{message[:MAX_MESSAGE]}… ({len(message) - MAX_MESSAGE} more characters)"
            record.args = None
        return True


class _WarningCounter(logging.Handler):
    """Counts the warnings (and errors) that went to the log file instead of the terminal."""

    def __init__(self) -> None:
        super().__init__(level=logging.WARNING)
        self.count = 0

    def emit(self, record: logging.LogRecord) -> None:
        self.count += 1


_handlers: list[logging.Handler] = []
_counter: _WarningCounter | None = None
_path: Path | None = None
_root_level: int | None = None


def log_file() -> Path:
    """The log file of the catwalk commands (CATWALK_LOG_FILE, default logs/catwalk.log)."""
    root = project.PROJECT_ROOT
    path = Path(os.environ.get("CATWALK_LOG_FILE") or root / "logs" / "catwalk.log")
    return path if path.is_absolute() else root / path


def setup(command: str) -> Path | None:
    """Route library logs and Python warnings of this process to the log file; returns its path
    (None when it cannot be written: the records are then dropped, never printed)."""
    global _counter, _path, _root_level
    close()
    root = logging.getLogger()
    _root_level = root.level
    _counter = _WarningCounter()
    _handlers.append(_counter)
    _path = log_file()
    try:
        _path.parent.mkdir(parents=True, exist_ok=True)
        handler: logging.Handler = logging.handlers.RotatingFileHandler(
            _path, maxBytes=MAX_BYTES, backupCount=BACKUPS, encoding="utf-8"
        )
    except OSError as error:
        print(f"catwalk: cannot write the log file {_path} ({error.strerror}); library logs are dropped",
              file=sys.stderr)
        _path, handler = None, logging.NullHandler()
    handler.setLevel(logging.INFO)
    handler.setFormatter(logging.Formatter(LOG_FORMAT))
    handler.addFilter(_Shorten())
    _handlers.append(handler)
    for added in _handlers:
        root.addHandler(added)
    root.setLevel(logging.INFO)
    logging.captureWarnings(True)
    logging.getLogger("catwalk").info("catwalk %s started (pid %s)", command, os.getpid())
    return _path


def finish() -> None:
    """Print one stderr line when warnings went to the log file. The handlers stay until the
    process exits (or the next `setup()`): SQLMesh still logs from its exit hooks, and a root
    logger without handlers would print those records on stderr."""
    global _counter
    if _counter is not None and _counter.count:
        where = _relative(_path) if _path else "nowhere (the log file could not be written)"
        plural = "s" if _counter.count != 1 else ""
        print(f"catwalk: {_counter.count} library warning{plural} (SQLMesh, SQLGlot, pandas) "
              f"written to {where}", file=sys.stderr)
    if _counter is not None:
        _counter.count = 0


def close() -> None:
    """Undo `setup()` (tests that run several commands in one process)."""
    global _root_level
    root = logging.getLogger()
    for handler in _handlers:
        root.removeHandler(handler)
        handler.close()
    _handlers.clear()
    if _root_level is not None:
        root.setLevel(_root_level)
        _root_level = None
    logging.captureWarnings(False)


def step(command: str, message: str) -> None:
    """One progress line of a long step, with the seconds since the command started."""
    line = f"catwalk {command}: {message} ({time.monotonic() - _started:.0f} s)"
    print(line, file=sys.stderr, flush=True)
    logging.getLogger("catwalk").info(line)


def _relative(path: Path) -> str:
    try:
        return str(path.relative_to(Path.cwd()))
    except ValueError:
        return str(path)
