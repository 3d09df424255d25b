"""The operator's paths of `catwalk run` and `catwalk plan`: alerts, errors that create nothing,
the run log's times and ids, the late-source report, forked children and the plan lock."""

from __future__ import annotations

import io
import os
import re
import signal
import subprocess
import sys
import textwrap
import time
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest

from catwalk.lock import FileRunLock
from catwalk.project import PROJECT_ROOT, CatwalkError
from catwalk.runner import EXIT_ERROR, EXIT_LATE, EXIT_LOCKED, EXIT_OK
from runner_helpers import Warehouse, connect_duckdb, ts


def prepared(warehouse: Warehouse) -> Warehouse:
    """Deployed at 07:00 on the morning load; the afternoon load is in, the 18:00 run is due."""
    warehouse.feed.load("2026-11-02 06:00")
    warehouse.plan("2026-11-02 07:00")
    warehouse.feed.load("2026-11-02 17:00")
    return warehouse


def schemas(database: Path) -> set[str]:
    connection = connect_duckdb(database)
    try:
        return {row[0] for row in connection.execute("SELECT schema_name FROM information_schema.schemata").fetchall()}
    finally:
        connection.close()


def files(folder: Path) -> set[Path]:
    return {path for path in folder.rglob("*") if "__pycache__" not in path.parts}


# ---------------------------------------------------------------------------------------------
# Alerts (issue 15 point 5)


def test_unreachable_warehouse_exits_2_and_posts_the_webhook(webhook, monkeypatch, capsys):
    from catwalk.cli import main

    monkeypatch.setenv("CATWALK_PG_PORT", "1")  # nothing listens there
    code = main(["run", "--gateway", "postgres"])
    err = capsys.readouterr().err
    assert code == EXIT_ERROR
    assert len(err.strip().splitlines()) == 1 and "cannot connect to Postgres" in err, err
    assert len(webhook) == 1
    alert = webhook[0]
    assert alert["exit_code"] == EXIT_ERROR and alert["status"] == "error"
    assert alert["text"].startswith("Catwalk run prod@postgres could not start (exit 2)")
    assert "\n" not in alert["text"]


def test_the_alert_is_retried_twice(flaky_webhook):
    from catwalk.runner import post_webhook

    url = os.environ["CATWALK_ALERT_WEBHOOK"]
    assert post_webhook(url, {"text": "x"}, timeout=2) is None
    assert flaky_webhook.attempts == 3 and flaky_webhook.received == [{"text": "x"}]
    flaky_webhook.attempts, flaky_webhook.failures = 0, 5
    problem = post_webhook(url, {"text": "y"}, timeout=2)
    assert problem and "500" in problem and flaky_webhook.attempts == 3


# ---------------------------------------------------------------------------------------------
# Errors that create nothing (issue 15 point 6)


def test_missing_duckdb_file_is_one_error_and_creates_nothing(tmp_path, monkeypatch, webhook):
    from catwalk.cli import main

    missing = tmp_path / "nonexistent" / "x.duckdb"
    monkeypatch.setenv("CATWALK_DUCKDB", str(missing))
    err = io.StringIO()
    monkeypatch.setattr(sys, "stderr", err)
    assert main(["run"]) == EXIT_ERROR
    assert len(err.getvalue().strip().splitlines()) == 1, err.getvalue()
    assert f"the DuckDB warehouse {missing} does not exist" in err.getvalue()
    assert not (tmp_path / "nonexistent").exists()
    assert [alert["exit_code"] for alert in webhook] == [EXIT_ERROR]  # a host misconfigured


@pytest.mark.slow
def test_unknown_environment_and_unplanned_warehouse_create_nothing_and_do_not_alert(
    warehouse, webhook
):
    warehouse.feed.load("2026-11-02 06:00")
    before = files(warehouse.root)
    with pytest.raises(CatwalkError) as error:  # prod was never planned here
        warehouse.run("2026-11-02 07:00")
    assert error.value.exit_code == EXIT_ERROR
    assert "no environment has ever been planned on the DuckDB warehouse" in str(error.value)
    assert "\n" not in str(error.value)
    assert {"sqlmesh", "meta"}.isdisjoint(schemas(warehouse.database))
    assert files(warehouse.root) - before <= {Path(f"{warehouse.database}.run.lock")}
    assert webhook == []

    warehouse.plan("2026-11-02 07:00")
    with pytest.raises(CatwalkError) as error:
        from catwalk.runner import run

        run("local", "nosuch", paths=warehouse.project, out=io.StringIO())
    assert "environment 'nosuch' does not exist" in str(error.value)
    assert "(environments: prod)" in str(error.value)
    assert "meta" not in schemas(warehouse.database)
    assert webhook == []


# ---------------------------------------------------------------------------------------------
# Run log (issue 15 point 9)


def _readme_sql(title: str) -> str:
    """A query of README's run-log section, found by its comment line."""
    readme = (PROJECT_ROOT / "README.md").read_text()
    match = re.search(rf"-- {re.escape(title)}\n(.+?;)", readme, flags=re.S)
    assert match, f"README has no query '{title}'"
    return match.group(1)


@pytest.mark.slow
def test_run_log_times_to_the_microsecond_and_run_ids_sort_by_start(warehouse):
    import time_machine

    from catwalk.runner import run

    prepared(warehouse)
    for _ in range(3):  # three runs within the same minute, on a ticking clock
        with time_machine.travel(ts("2026-11-02 18:00"), tick=True):
            assert run("local", "prod", paths=warehouse.project, out=io.StringIO()) == EXIT_OK
    runs = warehouse.query(
        "SELECT run_id, started_at, ended_at FROM meta.run_log WHERE model IS NULL ORDER BY started_at"
    )
    assert len(runs) == 3
    assert [run_id for run_id, _, _ in runs] == sorted(run_id for run_id, _, _ in runs)
    assert len({started.replace(second=0, microsecond=0) for _, started, _ in runs}) == 1
    assert all(started.microsecond or started.second for _, started, _ in runs)
    assert all(ended > started for _, started, ended in runs)
    last_runs = warehouse.query(_readme_sql("the last runs"))
    assert last_runs[0][0] == runs[-1][0]
    last_problems = warehouse.query(_readme_sql("what did not succeed in the last run"))
    expected = warehouse.query(
        f"SELECT COUNT(*) FROM meta.run_log WHERE run_id = '{runs[-1][0]}' AND status <> 'success'"
    )[0][0]
    assert len(last_problems) == expected > 0  # the hours after the last load wait (normal lag)


# ---------------------------------------------------------------------------------------------
# Late-source report (issue 15 point 10) and alert on exit 3 (point 5)


def _state_with_late_sources(count: int, waiting: bool):
    from catwalk.runner import RunLogConsole, RunState

    sources = [
        {
            "source": f"segment_source_{index:02d}.some_event_table",
            "load_column": "received_at",
            "delivered_until": datetime(2026, 11, 2, 5, 37, tzinfo=timezone.utc),
            "behind_seconds": 12 * 3600 + 23 * 60,
            "late": True,
            "models": [f'"db"."analytics"."model_{index}"'] if waiting else [],
        }
        for index in range(count)
    ]
    state = RunState(
        run_id="20261102T180000.123456Z-abcdef", gateway="postgres", environment="prod",
        started=ts("2026-11-02 18:00"), execution_time=None, run_log=None,
        console=RunLogConsole(None, None), sources=sources, janitor="ok",
        exit_code=EXIT_LATE, status="late",
    )
    state.waiting = {f"model_{index}": None for index in range(count)}
    return state


def test_late_report_one_line_per_source_never_an_empty_waiting_list_short_summary():
    from catwalk.runner import _print_late_sources, _summary

    for waiting in (True, False):
        state = _state_with_late_sources(45, waiting)  # Segment late: every event table is
        out = io.StringIO()
        _print_late_sources(state, out)
        lines = out.getvalue().splitlines()
        assert len(lines) == 45
        assert all(line.startswith("catwalk run: late source segment_source_") for line in lines)
        assert not any(re.search(r"waiting:\s*$", line) for line in lines)
        if waiting:
            assert lines[0].endswith("12h23m behind; waiting: analytics.model_0")
        else:
            assert lines[0].endswith("12h23m behind; no model waits for it")
        summary = _summary(state)
        assert len(summary) < 200, summary
        assert "45 late sources" in summary and "\n" not in summary


@pytest.mark.slow
def test_late_run_exits_3_and_posts_the_webhook(warehouse, webhook):
    warehouse.feed.load("2026-11-02 06:00")
    warehouse.plan("2026-11-02 07:00")
    warehouse.feed.load("2026-11-02 17:00", skip=("messaging",))
    code, output = warehouse.run("2026-11-02 18:00")
    assert code == EXIT_LATE, output
    assert len(webhook) == 1
    assert webhook[0]["exit_code"] == EXIT_LATE
    assert webhook[0]["text"] == "Catwalk run prod@local late (exit 3): late sources: messaging.posts."


# ---------------------------------------------------------------------------------------------
# Forked children of a killed runner (issue 16 point 8)


def _alive(pid: int) -> bool:
    try:
        with open(f"/proc/{pid}/stat") as stat:
            return stat.read().split(") ")[1][0] != "Z"
    except FileNotFoundError:
        return False


@pytest.mark.slow
def test_sigkill_takes_the_runners_forked_children_with_it(warehouse, tmp_path):
    prepared(warehouse)
    children = tmp_path / "children"
    children.mkdir()
    # SQLMesh forks a process pool while it reads the deployed snapshots; make its workers linger.
    script = textwrap.dedent(
        f"""
        import os, sys, time, pathlib, time_machine
        import sqlmesh.core.snapshot.cache as cache
        import catwalk.runner as runner
        original = cache.load_optimized_query
        def lingering(*args, **kwargs):
            pathlib.Path({str(children)!r}, str(os.getpid())).touch()
            time.sleep(600)
            return original(*args, **kwargs)
        cache.load_optimized_query = lingering
        with time_machine.travel("2026-11-02 18:00+00:00", tick=True):
            sys.exit(runner.run("local", "prod", paths={str(warehouse.project)!r}))
        """
    )
    env = {**os.environ, "MAX_FORK_WORKERS": "2"}
    process = subprocess.Popen([sys.executable, "-c", script], env=env)
    deadline = time.monotonic() + 120
    while not any(children.iterdir()):
        assert process.poll() is None and time.monotonic() < deadline, "no forked child seen"
        time.sleep(0.1)
    pids = [int(path.name) for path in children.iterdir()]
    os.kill(process.pid, signal.SIGKILL)
    process.wait(timeout=30)
    deadline = time.monotonic() + 10
    while any(_alive(pid) for pid in pids) and time.monotonic() < deadline:
        time.sleep(0.1)
    survivors = [pid for pid in pids if _alive(pid)]
    for pid in survivors:  # do not leave them behind if the test fails
        os.kill(pid, signal.SIGKILL)
    assert survivors == [], "forked children outlived the killed runner"
    code, output = warehouse.run("2026-11-02 18:00")
    assert code == EXIT_OK, output


# ---------------------------------------------------------------------------------------------
# catwalk plan takes the run lock (issue 16 point 7) and warns without CATWALK_START (15.7)


def _hold_lock(path: Path, seconds: float) -> subprocess.Popen:
    holder = subprocess.Popen(
        [sys.executable, "-c", textwrap.dedent(f"""
            import time
            from catwalk.lock import FileRunLock
            lock = FileRunLock({str(path)!r}); lock.acquire()
            print("held", flush=True)
            time.sleep({seconds})
        """)],
        stdout=subprocess.PIPE, text=True,
    )
    assert holder.stdout.readline().strip() == "held"
    return holder


def test_plan_refuses_while_a_run_holds_the_lock_and_waits_when_asked(tmp_path, monkeypatch):
    from catwalk.plan import plan

    database = tmp_path / "warehouse.duckdb"
    connect_duckdb(database).close()
    monkeypatch.setenv("CATWALK_DUCKDB", str(database))
    monkeypatch.setenv("CATWALK_START", "2026-11-01")
    holder = _hold_lock(Path(f"{database}.run.lock"), 600)
    try:
        out = io.StringIO()
        assert plan("prod", ["--auto-apply"], paths=tmp_path, out=out) == EXIT_LOCKED
        assert "catwalk plan: a catwalk run is in progress" in out.getvalue()
        assert "nothing was planned" in out.getvalue()
    finally:
        holder.kill()
        holder.wait()

    holder = _hold_lock(Path(f"{database}.run.lock"), 2)
    calls = []
    monkeypatch.setattr("catwalk.plan._sqlmesh_plan", lambda *args: calls.append(args) or 0)
    started = time.monotonic()
    assert plan("prod", ["--auto-apply"], paths=tmp_path, wait=60, out=io.StringIO()) == 0
    assert time.monotonic() - started >= 1 and len(calls) == 1
    assert calls[0][2:] == ("prod", ["--auto-apply"])
    holder.wait()
    with FileRunLock(Path(f"{database}.run.lock")):  # released after the plan
        pass


def test_plan_warns_when_the_backfill_start_is_unset(tmp_path, monkeypatch):
    from catwalk.plan import plan

    monkeypatch.setenv("CATWALK_DUCKDB", str(tmp_path / "warehouse.duckdb"))
    monkeypatch.setattr("catwalk.plan._sqlmesh_plan", lambda *args: 0)
    out = io.StringIO()
    plan("prod", [], paths=tmp_path, out=out)
    assert "warning: CATWALK_START is unset" in out.getvalue()
    (tmp_path / ".env").write_text("CATWALK_START=2026-09-01\n")
    out = io.StringIO()
    plan("prod", [], paths=tmp_path, out=out)
    assert "warning" not in out.getvalue()


def test_dev_plans_run_the_unit_tests_of_changed_models_and_prod_plans_all(tmp_path, monkeypatch):
    from catwalk.plan import plan

    monkeypatch.setenv("CATWALK_DUCKDB", str(tmp_path / "warehouse.duckdb"))
    monkeypatch.setenv("CATWALK_START", "2026-11-01")
    calls = []
    monkeypatch.setattr("catwalk.plan._sqlmesh_plan", lambda *args: calls.append(args[2:]) or 0)
    for environment, args in [("dev", ["--start", "2026-11-01"]), ("prod", ["--auto-apply"]),
                              ("dev", ["--all-tests"]), ("dev", ["--skip-tests"]),
                              ("pr_1", ["--test-changed-only"])]:
        plan(environment, args, paths=tmp_path, out=io.StringIO())
    assert calls == [
        ("dev", ["--start", "2026-11-01", "--test-changed-only"]),
        ("prod", ["--auto-apply"]),
        ("dev", []),
        ("dev", ["--skip-tests"]),
        ("pr_1", ["--test-changed-only"]),
    ]


@pytest.mark.slow
def test_plan_on_duckdb_while_a_run_is_going_says_a_run_is_in_progress(warehouse, tmp_path):
    from catwalk.cli import main

    prepared(warehouse)
    marker = tmp_path / "first-batch"
    runner = warehouse.spawn("2026-11-02 18:00", pause_after_first_batch=20, marker=marker)
    deadline = time.monotonic() + 120
    while not marker.exists():
        assert runner.poll() is None and time.monotonic() < deadline
        time.sleep(0.1)
    out = io.StringIO()
    sys_stdout, sys.stdout = sys.stdout, out
    try:
        code = main(["plan", "prod", "--auto-apply"])
    finally:
        sys.stdout = sys_stdout
    runner.communicate(timeout=300)
    assert code == EXIT_LOCKED
    assert "a catwalk run is in progress" in out.getvalue()
    assert "IOException" not in out.getvalue()


def _restate_racing_run(warehouse: Warehouse, tmp_path: Path, trial: int) -> None:
    """A restatement plan started while a run is mid-way; both finish; no row is duplicated."""
    marker = tmp_path / f"first-batch-{trial}"
    runner = warehouse.spawn("2026-11-02 18:00", pause_after_first_batch=2, marker=marker)
    deadline = time.monotonic() + 120
    while not marker.exists():
        assert runner.poll() is None and time.monotonic() < deadline
        time.sleep(0.05)
    script = textwrap.dedent(
        f"""
        import sys, time_machine
        from catwalk.plan import plan
        with time_machine.travel("2026-11-02 18:05+00:00", tick=True):
            sys.exit(plan("prod", ["--restate-model", "analytics.messaging_posts", "--start",
                     "2026-11-01", "--end", "2026-11-02", "--auto-apply", "--skip-linter",
                     "--no-prompts"], paths={str(warehouse.project)!r}, wait=600))
        """
    )
    planner = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=600)
    out, err = runner.communicate(timeout=600)
    assert runner.returncode == EXIT_OK, out + err
    assert planner.returncode == 0, planner.stdout + planner.stderr


@pytest.mark.slow
def test_restatement_plans_racing_runs_never_duplicate_rows(warehouse, tmp_path):
    prepared(warehouse)
    for trial in range(10):
        _restate_racing_run(warehouse, tmp_path, trial)
        for name, key in (
            ("analytics.messaging_posts", "post_id"),
            ("analytics.runner_channels", "episode_id"),
            ("analytics.runner_posts_daily", "date_day_est"),
            ("archive.scribe_users_archived", "user_id, valid_from"),
        ):
            total, distinct = warehouse.query(f"SELECT COUNT(*), COUNT(DISTINCT ({key})) FROM {name}")[0]
            assert total == distinct, f"trial {trial}: duplicate rows in {name}"
