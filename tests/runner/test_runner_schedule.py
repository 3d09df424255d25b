"""Runner over simulated days: due intervals, late events, late loaders and restatement.

Every test drives a reduced copy of the project (tests/runner/conftest.py) with a frozen clock and
the loaders' real timetable: Segment delivers at 06:00 and 17:00 UTC, the runner runs at 07:00 and
18:00 UTC.
"""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest

from catwalk.runner import EXIT_LATE, EXIT_OK
from runner_helpers import COMPARED, UNIVERSE, Warehouse, ts

pytestmark = pytest.mark.slow  # end-to-end: several plans and runs each

# (load time, run time) for three days of twice-daily runs after the first deploy at 11-02 07:00.
SCHEDULE = [
    ("2026-11-02 17:00", "2026-11-02 18:00"),
    ("2026-11-03 06:00", "2026-11-03 07:00"),
    ("2026-11-03 17:00", "2026-11-03 18:00"),
    ("2026-11-04 06:00", "2026-11-04 07:00"),
    ("2026-11-04 17:00", "2026-11-04 18:00"),
    ("2026-11-05 06:00", "2026-11-05 07:00"),
]


def deploy(warehouse: Warehouse, load: str = "2026-11-02 06:00", at: str = "2026-11-02 07:00"):
    warehouse.feed.load(load)
    warehouse.plan(at)


def snapshot_tables(warehouse: Warehouse) -> dict[str, list[tuple]]:
    tables = {name: warehouse.table(name, order) for name, order in COMPARED}
    tables["archive (current rows)"] = warehouse.query(
        "SELECT user_id, status, received_at FROM archive.scribe_users_archived"
        " WHERE valid_to IS NULL ORDER BY user_id"
    )
    return tables


def reference_tables(tmp_path, monkeypatch, load: str, at: str) -> dict[str, list[tuple]]:
    """The same data built by a single backfill (first deploy) at the end."""
    folder = tmp_path / "reference"
    folder.mkdir()
    reference = Warehouse(folder, monkeypatch)
    deploy(reference, load=load, at=at)
    return snapshot_tables(reference)


def batches(warehouse: Warehouse, run_id: str) -> dict[str, tuple[datetime, datetime]]:
    rows = warehouse.query(
        "SELECT model, interval_start, interval_end FROM meta.run_log"
        f" WHERE run_id = '{run_id}' AND status = 'success' AND model IS NOT NULL"
    )
    result = {}
    for model, start, end in rows:
        assert model not in result, f"{model} evaluated twice in one run"
        result[model] = (start, end)
    return result


def last_run_id(warehouse: Warehouse) -> str:
    return warehouse.query(
        "SELECT run_id FROM meta.run_log WHERE model IS NULL ORDER BY started_at DESC LIMIT 1"
    )[0][0]


def late_posts_query(after: str, until: str, computed_until: str) -> tuple[str, int]:
    """Posts of already-computed hours that Segment received between two loads."""
    posts = [
        row[1]
        for row in UNIVERSE["messaging.posts"]
        if ts("2026-11-01 00:00") <= row[7] < ts(computed_until) and ts(after) < row[8] <= ts(until)
    ]
    quoted = ", ".join(f"'{post}'" for post in posts)
    return f"SELECT COUNT(*) FROM analytics.messaging_posts WHERE post_id IN ({quoted})", len(posts)


def test_three_days_of_runs_process_exactly_the_due_intervals(warehouse, tmp_path, monkeypatch):
    deploy(warehouse)
    previous_posts_end = ts("2026-11-02 05:00")
    # Late Segment deliveries (20 hours late) of hours the 18:00 run computes: inside the lookback.
    late_query, late_count = late_posts_query("2026-11-02 17:00", "2026-11-03 06:00", "2026-11-02 16:00")
    assert late_count, "the simulated feed must contain late deliveries"
    for load, at in SCHEDULE:
        warehouse.feed.load(load)
        code, output = warehouse.run(at)
        assert code == EXIT_OK, output
        if at == "2026-11-02 18:00":
            assert warehouse.query(late_query)[0][0] == 0
        if at == "2026-11-03 07:00":  # the next run includes them
            assert warehouse.query(late_query)[0][0] == late_count
        run = batches(warehouse, last_run_id(warehouse))
        run_time = ts(at)

        # Hourly Segment model: from the previous end minus the 72-hour lookback, up to the last
        # complete hour the 06:00/17:00 load covers (the hour in progress at load time waits).
        posts_end = run_time.replace(hour=5 if run_time.hour == 7 else 16)
        expected_start = max(previous_posts_end - timedelta(hours=72), ts("2026-11-01 00:00"))
        assert run["analytics.messaging_posts"] == (expected_start, posts_end)
        previous_posts_end = posts_end

        # Local-day model: only the 07:00 run, up to the previous day (UTC-midnight intervals =
        # local days: the 07:00 run is after the local day ended at 05:00 UTC), lookback 3 days.
        if run_time.hour == 7:
            day = run_time.replace(hour=0)
            assert run["analytics.runner_posts_daily"] == (
                max(day - timedelta(days=4), ts("2026-11-01 00:00")), day
            )
        else:
            assert "analytics.runner_posts_daily" not in run

        # FULL replica and SCD2 archive: every run (twice a day).
        assert "analytics.scribe_users" in run
        assert "archive.scribe_users_archived" in run

    statuses = warehouse.query("SELECT status FROM meta.run_log WHERE model IS NULL")
    assert sorted(status for (status,) in statuses) == ["success"] * len(SCHEDULE)
    assert snapshot_tables(warehouse) == reference_tables(
        tmp_path, monkeypatch, load=SCHEDULE[-1][0], at=SCHEDULE[-1][1]
    )


def test_late_loader_holds_only_its_dependants_and_is_caught_up(warehouse, tmp_path, monkeypatch):
    deploy(warehouse)
    posts_before = warehouse.query("SELECT COUNT(*) FROM analytics.messaging_posts")[0][0]

    # The 17:00 Segment loads of the `messaging` and `unresponsive` sources do not happen. The usher
    # model reads unresponsive.nudge only for a pre-2019 era, so its signal waits for
    # usher.set_episode_state alone (`delivered(sources := ...)`) and moves on.
    warehouse.feed.load("2026-11-02 17:00", skip=("messaging", "unresponsive"))
    code, output = warehouse.run("2026-11-02 18:00")
    assert code == EXIT_LATE, output
    assert "late source messaging.posts (received_at): last delivery 2026-11-02 05:37 UTC, 12h23m behind" in output
    assert "analytics.messaging_posts" in output and "analytics.runner_channels" in output
    assert "unresponsive" not in output

    run_id = last_run_id(warehouse)
    run = batches(warehouse, run_id)
    # Dependants of messaging.posts computed nothing past the stale delivery...
    assert run["analytics.messaging_posts"][1] <= ts("2026-11-02 05:00")
    assert "analytics.runner_channels" not in run
    # ...and say so in the run log, while the other sources' models moved on.
    waiting = dict(
        (model, (start, end))
        for model, start, end in warehouse.query(
            "SELECT model, interval_start, interval_end FROM meta.run_log"
            f" WHERE run_id = '{run_id}' AND status = 'waiting'"
        )
    )
    assert waiting["analytics.messaging_posts"] == (ts("2026-11-02 05:00"), ts("2026-11-02 18:00"))
    assert waiting["analytics.runner_channels"] == (ts("2026-11-02 05:00"), ts("2026-11-02 18:00"))
    assert run["analytics.usher_episode_state_updated"][1] == ts("2026-11-02 15:00")
    assert "analytics.scribe_users" in run
    assert warehouse.query("SELECT status FROM meta.run_log WHERE run_id = '%s' AND model IS NULL" % run_id) == [("late",)]
    assert warehouse.query("SELECT COUNT(*) FROM analytics.messaging_posts")[0][0] == posts_before

    # The loader catches up at 06:00; the 07:00 run picks everything up, nothing is skipped.
    warehouse.feed.load("2026-11-03 06:00")
    code, output = warehouse.run("2026-11-03 07:00")
    assert code == EXIT_OK, output
    assert batches(warehouse, last_run_id(warehouse))["analytics.messaging_posts"][1] == ts("2026-11-03 05:00")
    assert snapshot_tables(warehouse) == reference_tables(
        tmp_path, monkeypatch, load="2026-11-03 06:00", at="2026-11-03 07:00"
    )


def test_readme_restatement_procedure_backfills_beyond_the_lookback(warehouse):
    import time_machine

    from catwalk.plan import plan

    deploy(warehouse, load="2026-11-05 06:00", at="2026-11-05 07:00")
    warehouse.feed.load("2026-11-05 17:00")
    # A manual backfill of a post four days old: beyond the 72-hour lookback of the runs.
    warehouse.feed.insert(
        "messaging.posts",
        ("evt-backfill", "post-backfill", None, "u-1", "mm-1", "patient", "ch-1",
         ts("2026-11-01 10:30"), ts("2026-11-05 05:50"), 10, 0, None, False, False, None),
    )
    assert warehouse.run("2026-11-05 18:00")[0] == EXIT_OK
    backfilled = "SELECT COUNT(*) FROM analytics.messaging_posts WHERE post_id = 'post-backfill'"
    assert warehouse.query(backfilled)[0][0] == 0  # outside the lookback: the run cannot see it
    daily = "SELECT post_count FROM analytics.runner_posts_daily WHERE date_day_est = DATE '2026-11-01'"
    channel = "SELECT post_count FROM analytics.runner_channels WHERE episode_id = 'ch-1'"
    before_daily, before_channel = warehouse.query(daily)[0][0], warehouse.query(channel)[0][0]

    # README: "Restating intervals after a late backfill" (catwalk plan, under the run lock).
    with time_machine.travel(ts("2026-11-05 18:30"), tick=False):
        code = plan(
            "prod",
            [
                "--restate-model", "analytics.messaging_posts",
                "--start", "2026-11-01", "--end", "2026-11-01",
                "--auto-apply", "--skip-linter",
            ],
            paths=warehouse.project,
            wait=60,
        )
    assert code == 0
    assert warehouse.query(backfilled)[0][0] == 1
    assert warehouse.query(daily)[0][0] == before_daily + 1  # downstream restated too
    assert warehouse.query(channel)[0][0] >= before_channel + 1

