"""`catwalk plan`: `sqlmesh plan` under the runner's single-flight lock (the way to plan prod).

A plan that restates or backfills prod while `catwalk run` is evaluating the same intervals
duplicates rows (SQLMesh does not lock plans against runs). `catwalk plan` takes the lock of
`catwalk run` (catwalk.lock) first: it waits up to `--wait` seconds for a running run to finish,
then refuses with exit 75 and a message saying a run is in progress. Every other argument is passed
to `sqlmesh plan` unchanged (`--restate-model`, `--start`, `--end`, `--auto-apply`, ...).

Unit tests: a prod plan runs all of them. A plan of any other environment runs the unit tests of
the models the plan changes and of their downstream models only (`--test-changed-only`: SQLMesh
counts a child of a changed model as changed), which is what a developer iterating on one model
needs; `--all-tests` runs every test there too, `--skip-tests` none. CI and prod plans run them all.
"""

from __future__ import annotations

import os
import sys
import typing as t
from pathlib import Path

from catwalk.lock import LockHeld, children_die_with_parent
from catwalk.project import PROJECT_ROOT, CatwalkError

EXIT_LOCKED = 75
DEFAULT_START = "2026-09-01"  # config.yaml's fallback when CATWALK_START is unset


def start_is_set(project: Path) -> bool:
    """CATWALK_START comes from the environment or from the project's `.env` (SQLMesh loads it)."""
    if os.environ.get("CATWALK_START"):
        return True
    dotenv = project / ".env"
    if not dotenv.is_file():
        return False
    return any(
        line.strip().removeprefix("export ").startswith("CATWALK_START=")
        for line in dotenv.read_text().splitlines()
    )


def warn_if_start_unset(project: Path, command: str, out: t.TextIO) -> None:
    if not start_is_set(project):
        print(
            f"catwalk {command}: warning: CATWALK_START is unset; the backfill start falls back to "
            f"config.yaml's {DEFAULT_START}. On a prod host set it in the env file "
            "(scripts/catwalk.env) to the start prod was planned with, or the plan marks every "
            "model as changed",
            file=out,
        )


def plan(
    environment: str = "prod",
    sqlmesh_args: t.Sequence[str] = (),
    *,
    gateway: str = "local",
    wait: float = 0,
    paths: t.Optional[t.Union[str, os.PathLike]] = None,
    out: t.Optional[t.TextIO] = None,
) -> int:
    """Take the run lock (waiting up to `wait` seconds), then run `sqlmesh plan environment ...`."""
    from catwalk.runner import lock_for

    out = out or sys.stdout
    project = Path(paths or PROJECT_ROOT)
    warn_if_start_unset(project, "plan", out)
    children_die_with_parent()
    if gateway == "spark":
        from catwalk.spark import enable

        enable()  # config.yaml declares the spark gateway only when CATWALK_SPARK is set
    lock = lock_for(gateway, project, must_exist=False)
    try:
        lock.acquire(wait=wait)
    except LockHeld:
        print(
            f"catwalk plan: a catwalk run is in progress ({lock.description} is held); nothing was "
            f"planned. Try again when it ends, or pass --wait SECONDS (exit {EXIT_LOCKED})",
            file=out,
            flush=True,
        )
        return EXIT_LOCKED
    try:
        return _sqlmesh_plan(project, gateway, environment, plan_arguments(environment, sqlmesh_args))
    finally:
        lock.release()


def plan_arguments(environment: str, args: t.Sequence[str]) -> list[str]:
    """`sqlmesh plan` options: in an environment other than prod, only the unit tests of the changed
    models and their children, unless the caller chose (`--all-tests`, `--skip-tests`,
    `--test-changed-only`)."""
    args = list(args)
    if "--all-tests" in args:
        return [a for a in args if a != "--all-tests"]
    if environment != "prod" and not {"--skip-tests", "--test-changed-only"} & set(args):
        args.append("--test-changed-only")
    return args


def _sqlmesh_plan(project: Path, gateway: str, environment: str, args: t.Sequence[str]) -> int:
    """SQLMesh's own `plan` command, in this process (the lock holder)."""
    from sqlmesh.cli.main import cli

    argv = ["--paths", str(project), "--gateway", gateway, "plan", environment, *args]
    try:
        cli.main(args=argv, prog_name="sqlmesh", standalone_mode=False)
    except SystemExit as exit_:
        return int(exit_.code or 0)
    except Exception as error:
        message = " ".join(str(error).split())
        if "Conflicting lock" in message:
            raise CatwalkError(
                "the DuckDB warehouse is open in another process (a run or a plan is in progress); "
                "nothing was planned"
            ) from None
        raise
    return 0
