"""How the benchmark measures: each step in a fresh interpreter, and the machine it ran on.

`run_step` starts `python -m catwalk.bench step NAME JSON` and reads back the step's figures with
its own peak RSS; the machine description and load averages go beside the figures, because the
machine is shared and wall times stretch with its load.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import typing as t
from pathlib import Path

from catwalk.project import PROJECT_ROOT


def run_step(name: str, **args: t.Any) -> dict:
    """Run one step in a fresh interpreter and return its result (with its own peak RSS)."""
    started = time.perf_counter()
    process = subprocess.run(
        [sys.executable, "-m", "catwalk.bench", "step", name, json.dumps(args, default=str)],
        cwd=PROJECT_ROOT, capture_output=True, text=True,
    )
    lines = [line for line in process.stdout.splitlines() if line.startswith("BENCH-RESULT ")]
    if process.returncode != 0 or not lines:
        log = Path(tempfile.mkstemp(prefix=f"catwalk-bench-{name}-", suffix=".log")[1])
        log.write_text(process.stdout + "\n" + process.stderr)
        lines = (process.stderr or process.stdout).strip().splitlines()
        tail = "\n".join([line for line in lines if "rror" in line][-10:] + lines[-5:])
        raise RuntimeError(f"bench step {name} failed (exit {process.returncode}), full output in {log}:\n{tail}")
    result = json.loads(lines[-1].removeprefix("BENCH-RESULT "))
    result["wall_seconds"] = round(time.perf_counter() - started, 2)
    return result


def median(values: list[float]) -> float:
    return round(statistics.median(values), 2)


def _cpu_model() -> str:
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or "unknown"


def loadavg() -> list[float]:
    return [round(value, 2) for value in os.getloadavg()]


def machine() -> dict:
    import duckdb
    import sqlglot
    import sqlmesh

    memory_gb = round(os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 1024**3, 1)
    return {
        "cores": os.cpu_count(), "cpu": _cpu_model(), "memory_gb": memory_gb,
        "platform": platform.platform(), "python": platform.python_version(),
        "sqlmesh": sqlmesh.__version__, "sqlglot": sqlglot.__version__, "duckdb": duckdb.__version__,
        "date": dt.datetime.now(dt.timezone.utc).strftime("%Y-%m-%d %H:%M UTC"),
        "loadavg_start": loadavg(),
    }


def say(message: str) -> None:
    print(f"catwalk bench [{dt.datetime.now().strftime('%H:%M:%S')}, load {loadavg()}]: {message}",
          file=sys.stderr, flush=True)


def copy_db(source: Path, target: Path) -> None:
    """Copy a DuckDB file with its write-ahead log (the last commits of a step may only be there)."""
    shutil.copyfile(source, target)
    wal = source.with_name(source.name + ".wal")
    target_wal = target.with_name(target.name + ".wal")
    target_wal.unlink(missing_ok=True)
    if wal.exists():
        shutil.copyfile(wal, target_wal)


def without(result: dict, *keys: str) -> dict:
    return {k: v for k, v in result.items() if k not in keys}

