"""`make demo`: a live demo warehouse on embedded DuckDB, built by the prod plan.

First run: generate the synthetic raw warehouse (history ending now), then apply the prod plan
(backfill every model). Later runs keep the warehouse, deliver what the loaders would have
delivered since the last load, and apply the prod plan again (which backfills only what is
missing), so `make demo` is idempotent and behaves like a prod day.

The prod plan would promote every edit of the working tree, breaking ones included, so `make demo`
first looks for uncommitted changes to the project (models, seeds, audits, macros, signals,
config): it stops and points to `sqlmesh plan dev`, or asks first when run on a terminal.
"""

from __future__ import annotations

import datetime as dt
import subprocess
import sys
import time
import typing as t
from pathlib import Path

from catwalk.project import PROJECT_ROOT, duckdb_path, open_context

PROJECT_FILES = ("models", "seeds", "audits", "macros", "signals", "config.yaml", "external_models.yaml")

KEY_TABLES = (
    "analytics.messaging_channels",
    "analytics.episodes",
    "analytics.chats",
    "analytics.user_contract",
    "analytics.organizations",
    "analytics.active_users",
    "analytics.episodes_costs",
    "analytics.nps_patient_survey",
    "analytics.tableau_scorecard_slas",
    "archive.scribe_contracts_archived",
)


def _has_raw_data(path) -> bool:
    if not path.exists():
        return False
    import duckdb

    with duckdb.connect(str(path), read_only=True) as connection:
        found = connection.execute(
            "select count(*) from information_schema.tables"
            " where table_schema = 'messaging' and table_name = 'posts'"
        ).fetchone()[0]
        return bool(found) and connection.execute("select count(*) from messaging.posts").fetchone()[0] > 0


def uncommitted_changes(root: Path) -> t.List[str]:
    """Project files that differ from the last commit (empty outside a git checkout)."""
    try:
        result = subprocess.run(
            ["git", "status", "--porcelain", "--untracked-files=all", "--", *PROJECT_FILES],
            cwd=root, capture_output=True, text=True, timeout=30,
        )
    except (OSError, subprocess.SubprocessError):
        return []
    if result.returncode != 0:
        return []
    return [line[3:] for line in result.stdout.splitlines() if line.strip()]


def _may_promote(root: Path, stdin: t.TextIO, out: t.TextIO) -> bool:
    """False when uncommitted changes would reach prod and nobody at a terminal said yes."""
    changed = uncommitted_changes(root)
    if not changed:
        return True
    shown = ", ".join(changed[:5]) + (f" and {len(changed) - 5} more" if len(changed) > 5 else "")
    print(
        f"catwalk demo: the working tree changes the project ({shown}); the demo applies the prod "
        "plan, which would promote these edits to prod. Try them in your own environment with "
        "`.venv/bin/sqlmesh plan dev`, or commit them first.",
        file=out,
    )
    if not stdin.isatty():
        return False
    answer = input("Promote them to the demo's prod anyway? [y/N] ")
    return answer.strip().lower() in ("y", "yes")


def demo(
    scale: str = "demo",
    seed: int = 42,
    *,
    paths: t.Optional[Path] = None,
    stdin: t.Optional[t.TextIO] = None,
    out: t.Optional[t.TextIO] = None,
) -> int:
    from catwalk.lock import LockHeld
    from catwalk.runner import lock_for
    from catwalk.warehouse import generate, load

    root = Path(paths or PROJECT_ROOT)
    if not _may_promote(root, stdin or sys.stdin, out or sys.stdout):
        return 1
    path = duckdb_path()
    started = time.monotonic()
    lock = lock_for("local", root, must_exist=False)  # the lock of `catwalk run`
    try:
        lock.acquire()
    except LockHeld:
        print(f"catwalk demo: a catwalk run is in progress ({lock.description} is held); "
              "try again when it ends", file=out or sys.stdout)
        return LockHeld.exit_code
    try:
        if _has_raw_data(path):
            now = dt.datetime.now(dt.timezone.utc).replace(microsecond=0)
            print(f"catwalk demo: warehouse {path} exists; delivering loads up to {now.isoformat()}")
            load(gateway="local", until=now.isoformat())
        else:
            print(f"catwalk demo: generating the {scale} warehouse into {path}")
            generate(gateway="local", scale=scale, seed=seed, force=False, write_env=True)
        context = open_context(gateway="local", paths=root, verbose=True)
        context.plan("prod", auto_apply=True, no_prompts=True)
    finally:
        lock.release()
    elapsed = time.monotonic() - started

    models = [model for model in context.models.values() if model.kind.name != "EXTERNAL"]
    print()
    print(f"Catwalk demo ready in {elapsed:.0f} s — {len(models)} models built in prod on {path}")
    for table in KEY_TABLES:
        if table not in {model.name for model in models}:
            continue
        rows = context.fetchdf(f"select count(*) as n from {table}")["n"].iloc[0]
        print(f"  {table:<40} {rows:>10,} rows")
    print()
    print("Try next:")
    print('  .venv/bin/sqlmesh fetchdf "select * from analytics.episodes limit 5"')
    print("  .venv/bin/sqlmesh plan dev        # your own isolated environment")
    print("  .venv/bin/catwalk docs serve      # documentation site with lineage")
    print("  .venv/bin/catwalk run             # the twice-daily prod run (what cron calls)")
    return 0
