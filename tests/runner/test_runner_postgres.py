"""The runner on the postgres gateway: advisory lock, signal queries and run log on Postgres."""

from __future__ import annotations

import io

import pytest

from catwalk.runner import EXIT_LATE, EXIT_OK
from runner_helpers import PostgresFeed, build_project, ts


@pytest.mark.slow
@pytest.mark.postgres
def test_runner_on_postgres_waits_for_a_late_loader_and_catches_up(pg_database, tmp_path, monkeypatch):
    import time_machine

    from catwalk.project import connect_postgres, open_context
    from catwalk.runner import run

    monkeypatch.setenv("CATWALK_START", "2026-11-01")
    monkeypatch.setenv("CATWALK_DUCKDB", str(tmp_path / "unused.duckdb"))
    project = build_project(tmp_path / "project")
    feed = PostgresFeed(pg_database)
    feed.create()
    feed.load("2026-11-02 06:00")
    with time_machine.travel(ts("2026-11-02 07:00"), tick=False):
        context = open_context("postgres", project)
        context.plan("prod", auto_apply=True, no_prompts=True, skip_tests=True, skip_linter=True)
        context.close()

    def run_at(moment: str) -> tuple[int, str]:
        out = io.StringIO()
        with time_machine.travel(ts(moment), tick=False):
            code = run("postgres", "prod", paths=project, out=out)
        return code, out.getvalue()

    feed.load("2026-11-02 17:00", skip=("messaging",))
    code, output = run_at("2026-11-02 18:00")
    assert code == EXIT_LATE, output
    assert "late source messaging.posts (received_at)" in output

    feed.load("2026-11-03 06:00")
    code, output = run_at("2026-11-03 07:00")
    assert code == EXIT_OK, output

    connection = connect_postgres(pg_database)
    try:
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT status FROM meta.run_log WHERE model IS NULL ORDER BY started_at"
            )
            assert [row[0] for row in cursor.fetchall()] == ["late", "success"]
            cursor.execute(
                "SELECT interval_end, rows_written FROM meta.run_log"
                " WHERE model = 'analytics.messaging_posts' AND status = 'success'"
                " ORDER BY started_at"
            )
            ends = cursor.fetchall()
            assert [end for end, _ in ends] == [ts("2026-11-02 05:00"), ts("2026-11-03 05:00")]
            assert all(rows is not None and rows > 0 for _, rows in ends)  # Postgres reports rows
            cursor.execute(
                "SELECT COUNT(*), COUNT(DISTINCT post_id) FROM analytics.messaging_posts"
            )
            total, distinct = cursor.fetchone()
            assert total == distinct > 0
    finally:
        connection.close()


def _spawn_postgres_run(project, at: str, marker, pause: float):
    """`catwalk run --gateway postgres` in a subprocess, pausing after its first batch."""
    import subprocess
    import sys
    import textwrap

    script = textwrap.dedent(
        f"""
        import sys, time, pathlib, time_machine
        import catwalk.runner as runner
        original = runner.RunLog.insert
        def insert(self, **values):
            original(self, **values)
            if values.get("model") and values.get("status") == "success":
                pathlib.Path({str(marker)!r}).write_text("batch written")
                time.sleep({pause})
        runner.RunLog.insert = insert
        with time_machine.travel({at!r} + "+00:00", tick=True):
            sys.exit(runner.run("postgres", "prod", paths={str(project)!r}))
        """
    )
    return subprocess.Popen([sys.executable, "-c", script], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


PLAN_STARTS_AFTER_THE_RUN = """
        import catwalk.plan as _plan_module
        from catwalk.project import connect_postgres as _connect
        _original_sqlmesh_plan = _plan_module._sqlmesh_plan
        def _checked_sqlmesh_plan(*args):
            connection = _connect()
            with connection.cursor() as cursor:  # a run closes its run-log row before unlocking
                cursor.execute("SELECT COUNT(*) FROM meta.run_log WHERE model IS NULL AND status = 'running'")
                running = cursor.fetchone()[0]
            connection.close()
            if running:
                open({overlap!r}, "w").write("sqlmesh plan started while a run was going")
            return _original_sqlmesh_plan(*args)
        _plan_module._sqlmesh_plan = _checked_sqlmesh_plan
"""


def _spawn_postgres_restatement(project, at: str, overlap):
    import subprocess
    import sys
    import textwrap

    check = PLAN_STARTS_AFTER_THE_RUN.format(overlap=str(overlap))
    script = textwrap.dedent(
        f"""
        import sys, time_machine
        from catwalk.plan import plan
        {textwrap.indent(textwrap.dedent(check), "        ").strip()}
        with time_machine.travel({at!r} + "+00:00", tick=True):
            sys.exit(plan("prod", ["--restate-model", "analytics.messaging_posts", "--start",
                     "2026-11-01", "--end", "2026-11-02", "--auto-apply", "--skip-linter",
                     "--no-prompts"], gateway="postgres", paths={str(project)!r}, wait=600))
        """
    )
    return subprocess.Popen([sys.executable, "-c", script], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


@pytest.mark.slow
@pytest.mark.postgres
def test_restatement_plans_racing_runs_on_postgres_never_duplicate_rows(pg_database, tmp_path, monkeypatch):
    """Issue 16 point 7: 10 trials of `catwalk plan --restate-model` started during a run."""
    import time

    import time_machine

    from catwalk.project import connect_postgres, open_context

    monkeypatch.setenv("CATWALK_START", "2026-11-01")
    monkeypatch.setenv("CATWALK_DUCKDB", str(tmp_path / "unused.duckdb"))
    project = build_project(tmp_path / "project")
    feed = PostgresFeed(pg_database)
    feed.create()
    feed.load("2026-11-02 06:00")
    with time_machine.travel(ts("2026-11-02 07:00"), tick=False):
        context = open_context("postgres", project)
        context.plan("prod", auto_apply=True, no_prompts=True, skip_tests=True, skip_linter=True)
        context.close()
    feed.load("2026-11-02 17:00")
    connection = connect_postgres(pg_database)
    connection.autocommit = True
    try:
        for trial in range(10):
            marker = tmp_path / f"batch-{trial}"
            runner = _spawn_postgres_run(project, "2026-11-02 18:00", marker, pause=2)
            deadline = time.monotonic() + 120
            while not marker.exists():
                assert runner.poll() is None and time.monotonic() < deadline, runner.communicate()
                time.sleep(0.05)
            overlap = tmp_path / f"overlap-{trial}"
            planner = _spawn_postgres_restatement(project, "2026-11-02 18:05", overlap)
            run_out = runner.communicate(timeout=600)
            plan_out = planner.communicate(timeout=600)
            assert runner.returncode == EXIT_OK, run_out
            assert planner.returncode == 0, plan_out
            assert not overlap.exists(), f"trial {trial}: the plan did not wait for the run"
            with connection.cursor() as cursor:
                for name, key in (
                    ("analytics.messaging_posts", "post_id"),
                    ("analytics.runner_channels", "episode_id"),
                    ("analytics.runner_posts_daily", "date_day_est"),
                    ("archive.scribe_users_archived", "user_id, valid_from"),
                ):
                    cursor.execute(f"SELECT COUNT(*), COUNT(DISTINCT ({key})) FROM {name}")
                    total, distinct = cursor.fetchone()
                    assert total == distinct, f"trial {trial}: duplicate rows in {name}"
    finally:
        connection.close()
