"""Runner as a process: crash recovery, single flight, alerts, janitor failures and the locks."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import textwrap
import time

import pytest

from catwalk.lock import FileRunLock, LockHeld, PostgresRunLock
from catwalk.runner import EXIT_FAILED, EXIT_JANITOR, EXIT_LOCKED, EXIT_OK
from runner_helpers import COMPARED, Warehouse


def prepared(warehouse: Warehouse) -> Warehouse:
    """Deployed at 07:00 on the morning load; the afternoon load is in, the 18:00 run is due."""
    warehouse.feed.load("2026-11-02 06:00")
    warehouse.plan("2026-11-02 07:00")
    warehouse.feed.load("2026-11-02 17:00")
    return warehouse


def tables(warehouse: Warehouse) -> dict[str, list[tuple]]:
    result = {name: warehouse.table(name, order) for name, order in COMPARED}
    result["archive"] = warehouse.query(
        "SELECT user_id, status, received_at, valid_to IS NULL FROM archive.scribe_users_archived"
        " ORDER BY user_id, received_at"
    )
    return result


def wait_for(path, process, seconds: float = 120.0) -> None:
    deadline = time.monotonic() + seconds
    while not path.exists():
        if process.poll() is not None:
            raise AssertionError(f"runner ended before the marker: {process.communicate()}")
        if time.monotonic() > deadline:
            process.kill()
            raise AssertionError("runner never reached its first batch")
        time.sleep(0.1)


@pytest.mark.slow
def test_sigkill_mid_run_then_next_run_completes_like_an_uninterrupted_one(
    warehouse, tmp_path, monkeypatch
):
    prepared(warehouse)
    marker = tmp_path / "first-batch-written"
    process = warehouse.spawn("2026-11-02 18:00", pause_after_first_batch=600, marker=marker)
    wait_for(marker, process)
    os.kill(process.pid, signal.SIGKILL)
    process.wait(timeout=30)
    assert process.returncode == -signal.SIGKILL

    code, output = warehouse.run("2026-11-02 18:00")
    assert code == EXIT_OK, output
    assert "1 dead run(s) marked killed" in output
    statuses = warehouse.query(
        "SELECT status FROM meta.run_log WHERE model IS NULL ORDER BY started_at, status"
    )
    assert sorted(statuses) == [("killed",), ("success",)]

    reference = Warehouse(tmp_path / "uninterrupted", monkeypatch)
    prepared(reference)
    assert reference.run("2026-11-02 18:00")[0] == EXIT_OK
    monkeypatch.setenv("CATWALK_DUCKDB", str(warehouse.database))
    assert tables(warehouse) == tables(reference)


@pytest.mark.slow
def test_two_runners_started_together_exactly_one_runs(warehouse):
    prepared(warehouse)
    first = warehouse.spawn("2026-11-02 18:00", pause_after_first_batch=3)
    second = warehouse.spawn("2026-11-02 18:00", pause_after_first_batch=3)
    outputs = [process.communicate(timeout=300) for process in (first, second)]
    codes = sorted(process.returncode for process in (first, second))
    assert codes == [EXIT_OK, EXIT_LOCKED], outputs
    loser = outputs[[first.returncode, second.returncode].index(EXIT_LOCKED)][0]
    assert "another catwalk run holds the file lock" in loser

    assert warehouse.query("SELECT COUNT(*) FROM meta.run_log WHERE model IS NULL") == [(1,)]
    for name, key in (
        ("analytics.messaging_posts", "post_id"),
        ("analytics.usher_episode_state_updated", "event_id"),
        ("analytics.scribe_users", "user_id"),
        ("analytics.runner_channels", "episode_id"),
        ("analytics.runner_posts_daily", "date_day_est"),
        ("archive.scribe_users_archived", "user_id, valid_from"),
    ):
        total, distinct = warehouse.query(
            f"SELECT COUNT(*), COUNT(DISTINCT ({key})) FROM {name}"
        )[0]
        assert total == distinct, f"duplicate rows in {name}"


@pytest.mark.slow
def test_failed_model_exits_1_logs_the_error_and_posts_the_webhook(warehouse, webhook):
    prepared(warehouse)
    # The loader drops a column a base model reads: messaging_posts cannot be computed.
    connection = __import__("runner_helpers").connect_duckdb(warehouse.database)
    connection.execute("ALTER TABLE messaging.posts DROP COLUMN mention")
    connection.close()

    code, output = warehouse.run("2026-11-02 18:00")
    assert code == EXIT_FAILED, output
    assert "failed (exit 1)" in output and "mention" in output

    failed = warehouse.query(
        "SELECT model, error FROM meta.run_log WHERE status = 'failed' AND model IS NOT NULL"
    )
    assert [model for model, _ in failed] == ["analytics.messaging_posts"]
    assert "mention" in failed[0][1]
    skipped = warehouse.query("SELECT model FROM meta.run_log WHERE status = 'skipped' ORDER BY model")
    assert ("analytics.runner_channels",) in skipped
    assert warehouse.query("SELECT status FROM meta.run_log WHERE model IS NULL") == [("failed",)]

    assert len(webhook) == 1
    alert = webhook[0]
    assert alert["status"] == "failed" and alert["exit_code"] == EXIT_FAILED
    assert alert["failed_models"] == ["analytics.messaging_posts"]
    assert "analytics.runner_channels" in alert["skipped_models"]
    assert any("mention" in error for error in alert["errors"])


@pytest.mark.slow
def test_success_posts_no_webhook_and_janitor_failure_keeps_the_run(warehouse, webhook, monkeypatch):
    from sqlmesh.core.context import GenericContext

    prepared(warehouse)
    working_janitor = GenericContext._run_janitor

    def broken_janitor(self, *args, **kwargs):
        raise RuntimeError("cannot drop schema sqlmesh__analytics: dependent objects")

    monkeypatch.setattr(GenericContext, "_run_janitor", broken_janitor)
    code, output = warehouse.run("2026-11-02 18:00")
    assert code == EXIT_JANITOR, output
    assert "janitor failed" in output
    # The run itself stands: its batches are logged as successes and the data is there.
    assert warehouse.query(
        "SELECT COUNT(*) FROM meta.run_log WHERE status = 'success' AND model IS NOT NULL"
    )[0][0] >= 4
    assert warehouse.query("SELECT status FROM meta.run_log WHERE model IS NULL") == [
        ("janitor_failed",)
    ]
    assert [alert["status"] for alert in webhook] == ["janitor_failed"]

    monkeypatch.setattr(GenericContext, "_run_janitor", working_janitor)
    webhook.clear()
    warehouse.feed.load("2026-11-03 06:00")
    code, output = warehouse.run("2026-11-03 07:00")
    assert code == EXIT_OK, output
    assert webhook == []


def test_file_lock_is_exclusive_and_released_when_the_holder_dies(tmp_path):
    path = tmp_path / "warehouse.duckdb.run.lock"
    with FileRunLock(path):
        with pytest.raises(LockHeld) as error:
            FileRunLock(path).acquire()
        assert error.value.exit_code == EXIT_LOCKED
    holder = subprocess.Popen(
        [sys.executable, "-c", textwrap.dedent(f"""
            import time
            from catwalk.lock import FileRunLock
            lock = FileRunLock({str(path)!r}); lock.acquire()
            print("held", flush=True)
            time.sleep(600)
        """)],
        stdout=subprocess.PIPE, text=True,
    )
    assert holder.stdout.readline().strip() == "held"
    with pytest.raises(LockHeld):
        FileRunLock(path).acquire()
    holder.kill()
    holder.wait(timeout=30)
    lock = FileRunLock(path)
    lock.acquire()
    lock.release()


@pytest.mark.postgres
def test_postgres_advisory_lock_is_exclusive_and_released_when_the_holder_dies(pg_database):
    with PostgresRunLock(pg_database):
        with pytest.raises(LockHeld) as error:
            PostgresRunLock(pg_database).acquire()
        assert "advisory lock" in str(error.value)
    settings = json.dumps(pg_database)
    holder = subprocess.Popen(
        [sys.executable, "-c", textwrap.dedent(f"""
            import json, time
            from catwalk.lock import PostgresRunLock
            lock = PostgresRunLock(json.loads({settings!r})); lock.acquire()
            print("held", flush=True)
            time.sleep(600)
        """)],
        stdout=subprocess.PIPE, text=True,
    )
    assert holder.stdout.readline().strip() == "held"
    with pytest.raises(LockHeld):
        PostgresRunLock(pg_database).acquire()
    holder.send_signal(signal.SIGKILL)
    holder.wait(timeout=30)
    deadline = time.monotonic() + 30
    while True:  # the server notices the dead session and frees its advisory lock
        try:
            with PostgresRunLock(pg_database):
                break
        except LockHeld:
            if time.monotonic() > deadline:
                raise
            time.sleep(0.2)


@pytest.mark.slow
def test_a_run_that_cannot_start_alerts_and_raises_a_one_line_error(warehouse, webhook):
    from catwalk.project import CatwalkError

    prepared(warehouse)
    config = warehouse.project / "config.yaml"
    good = config.read_text()
    config.write_text(good + "\ngateways: [\n")
    with pytest.raises(CatwalkError) as error:
        warehouse.run("2026-11-02 18:00")
    assert "does not load" in str(error.value)
    assert [(alert["status"], alert["exit_code"]) for alert in webhook] == [("error", 2)]

    # a broken model file in the checkout does not stop prod: the run evaluates what is deployed
    config.write_text(good)
    (warehouse.project / "models/meta/runner/broken.sql").write_text(
        "MODEL (name analytics.runner_broken, kind FULL); SELECT FROM WHERE"
    )
    code, _ = warehouse.run("2026-11-02 18:00")
    assert code == EXIT_OK
    assert warehouse.query("SELECT count(*) FROM meta.run_log WHERE model IS NOT NULL AND status = 'success'")[0][0] > 0
