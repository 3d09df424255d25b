"""Bad raw input and races (issue 16 point 12, input side): every case ends in one outcome class.

- *handled*: the run exits 0 and prod equals a clean reference run, except for the rows the case
  added (which are checked one by one);
- *stopped*: the run exits 1 with a message naming the model and the column, and every prod view
  reads exactly what it read before the run.

Each case copies one deployed reduced warehouse (tests/runner/runner_helpers.py: base models of
messaging posts, usher states and Scribe users, a merge rollup per channel, a local-day model and
an SCD2 archive; prod planned at 2026-11-02 07:00 on the 06:00 load, frozen clock), delivers the
17:00 load plus its bad input, and runs `catwalk run` at 18:00. Rows added by a case belong to the
channel `ch-bad` (or carry ids starting with `bad-`), so the rest of prod must be byte-identical to
the reference; a stopped case keeps the failed model and its downstream as they were, while
every other model moves on as in the reference (a failed batch is rolled back: catwalk/publish.py).
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import textwrap
import time
from datetime import timedelta
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "runner"))

from runner_helpers import COMPARED, UNIVERSE, Warehouse, connect_duckdb, ts  # noqa: E402

from catwalk.runner import EXIT_FAILED, EXIT_LOCKED, EXIT_OK  # noqa: E402

LOAD, RUN = "2026-11-02 17:00", "2026-11-02 18:00"
POSTS = "analytics.messaging_posts"
POSTS_AND_DOWNSTREAM = (POSTS, "analytics.runner_channels", "analytics.runner_posts_daily")
POST_COLUMNS = (
    "id, post_id, post_type, user_id, mm_user_id, user_type, channel_id, \"timestamp\", received_at,"
    " message_length, count_question_marks, next_appointment, is_question, is_internal_post, mention"
)
HOSTILE = (
    "O'Brien \"the quote\" \\ back\\slash",
    "'); DROP TABLE analytics.messaging_posts; --",
    "Robert'); DELETE FROM meta.run_log WHERE ('1' = '1",
    "emoji 👩🏽‍⚕️🩺 and ZWJ",
    "עברית RTL \u202etxet desrever\u202c مرحبا",
    "tab\tnew\nline\r\nend",
)


def _post(post_id: str, created: str, **values) -> tuple:
    """A raw post of channel ch-bad created at `created`, delivered a minute later."""
    created_at = ts(created)
    row = {
        "id": f"evt-{post_id}", "post_id": post_id, "post_type": None, "user_id": "u-bad",
        "mm_user_id": "mm-bad", "user_type": "patient", "channel_id": "ch-bad",
        "timestamp": created_at, "received_at": created_at + timedelta(minutes=1),
        "message_length": 12, "count_question_marks": 0, "next_appointment": None,
        "is_question": False, "is_internal_post": False, "mention": None,
    }
    row.update(values)
    return tuple(row.values())


class Case:
    """One copy of the deployed warehouse, its 17:00 load, and SQL against its raw tables."""

    def __init__(self, template: Path, tmp_path: Path, monkeypatch):
        self.warehouse = Warehouse(tmp_path, monkeypatch)
        shutil.copyfile(template, self.warehouse.database)
        self.warehouse.feed.delivered_until = {schema: ts("2026-11-02 06:00") for schema in self.warehouse.feed.delivered_until}
        self.warehouse.feed.load(LOAD)

    def execute(self, sql: str, rows: list[tuple] | None = None) -> None:
        connection = connect_duckdb(self.warehouse.database)
        try:
            if rows is None:
                connection.execute(sql)
            else:
                connection.executemany(sql, rows)
        finally:
            connection.close()

    def add_posts(self, rows: list[tuple]) -> None:
        marks = ", ".join("?" for _ in rows[0])
        self.execute(f"INSERT INTO messaging.posts ({POST_COLUMNS}) VALUES ({marks})", rows)

    def run(self, at: str = RUN) -> tuple[int, str]:
        return self.warehouse.run(at)

    def prod(self) -> dict[str, list[tuple]]:
        return prod_tables(self.warehouse)


def prod_tables(warehouse: Warehouse) -> dict[str, list[tuple]]:
    """Every prod view of the reduced project, without the rows a case adds (channel ch-bad)."""
    result = {}
    for name, order in COMPARED:
        where = ""
        if name in (POSTS, "analytics.runner_channels"):
            where = " WHERE episode_id IS DISTINCT FROM 'ch-bad'"
        result[name] = warehouse.query(f"SELECT * FROM {name}{where} ORDER BY {order}")
    result["archive.scribe_users_archived"] = warehouse.query(
        "SELECT user_id, status, received_at, valid_to IS NULL FROM archive.scribe_users_archived"
        " ORDER BY user_id, received_at"
    )
    return result


@pytest.fixture(scope="module")
def deployed(tmp_path_factory):
    """(template DuckDB file deployed at 07:00, prod tables of a clean 18:00 run)."""
    folder = tmp_path_factory.mktemp("deployed")
    with pytest.MonkeyPatch.context() as monkeypatch:
        warehouse = Warehouse(folder, monkeypatch)
        warehouse.feed.load("2026-11-02 06:00")
        warehouse.plan("2026-11-02 07:00")
        template = folder / "template.duckdb"
        shutil.copyfile(warehouse.database, template)
        warehouse.feed.load(LOAD)
        code, output = warehouse.run(RUN)
        assert code == EXIT_OK, output
        reference = prod_tables(warehouse)
    return template, reference


@pytest.fixture
def case(deployed, tmp_path, monkeypatch) -> Case:
    return Case(deployed[0], tmp_path, monkeypatch)


def handled(case: Case, reference: dict, code: int, output: str) -> None:
    assert code == EXIT_OK, output
    assert case.prod() == reference


def stopped(
    case: Case, before: dict, reference: dict, code: int, output: str, model: str, column: str,
    held: tuple[str, ...],
) -> None:
    """Exit 1 naming model and column; the model and its downstream (`held`) read what they read
    before the run, every other model moved on exactly as in the clean run."""
    assert code == EXIT_FAILED, output
    errors = [line for line in output.splitlines() if line.startswith("catwalk run: error:")]
    assert any(model in line and column in line for line in errors), output
    after = case.prod()
    assert {name: after[name] for name in held} == {name: before[name] for name in held}
    others = set(after) - set(held)
    assert {name: after[name] for name in others} == {name: reference[name] for name in others}


def posts_of_bad_channel(case: Case, columns: str = "post_id") -> list[tuple]:
    return case.warehouse.query(
        f"SELECT {columns} FROM {POSTS} WHERE episode_id = 'ch-bad' ORDER BY post_id"
    )


# --------------------------------------------------------------------------------------------
# Handled (the fast subset runs in `make test`)


def test_duplicate_segment_deliveries_three_times_keep_one_row(case, deployed):
    rows = [_post(f"bad-dup-{n}", "2026-11-02 10:05") for n in range(3)]
    tripled = [
        (f"{row[0]}-copy{copy}", *row[1:8], row[8] + timedelta(minutes=copy), *row[9:])
        for row in rows
        for copy in range(3)
    ]
    case.add_posts(tripled)
    case.execute(  # and every event of the load delivered three times over
        "INSERT INTO messaging.posts SELECT * FROM messaging.posts"
        " WHERE received_at > TIMESTAMPTZ '2026-11-02 06:00:00+00' AND channel_id <> 'ch-bad'"
    )
    case.execute(
        "INSERT INTO messaging.posts SELECT * FROM messaging.posts"
        " WHERE received_at > TIMESTAMPTZ '2026-11-02 06:00:00+00' AND channel_id <> 'ch-bad'"
        " LIMIT 10000"
    )
    code, output = case.run()
    handled(case, deployed[1], code, output)
    assert posts_of_bad_channel(case, "post_id, received_at") == [
        (row[1], row[8]) for row in rows  # the first delivery is kept
    ]


def test_hostile_strings_and_100k_characters_round_trip_byte_exact(case, deployed):
    texts = [*HOSTILE, "x" * 50_000 + "é" * 50_000]
    rows = [
        _post(f"bad-hostile-{n}", "2026-11-02 10:05", mention=text, user_id=text)
        for n, text in enumerate(texts)
    ]
    case.add_posts(rows)
    code, output = case.run()
    handled(case, deployed[1], code, output)
    stored = posts_of_bad_channel(case, "post_id, user_id, mention")
    assert stored == sorted((row[1], text, text) for row, text in zip(rows, texts))
    assert max(len(mention) for _, _, mention in stored) == 100_000


def test_a_new_raw_column_is_ignored(case, deployed):
    case.execute("ALTER TABLE messaging.posts ADD COLUMN sentiment_score DOUBLE")
    case.execute("UPDATE messaging.posts SET sentiment_score = 0.5")
    code, output = case.run()
    handled(case, deployed[1], code, output)


# --------------------------------------------------------------------------------------------
# Handled (slow)


@pytest.mark.slow
def test_null_user_is_kept_and_null_channel_is_dropped(case, deployed):
    case.add_posts([
        _post("bad-null-user", "2026-11-02 10:05", user_id=None, mm_user_id=None),
        _post("bad-null-channel", "2026-11-02 10:06", channel_id=None),
    ])
    code, output = case.run()
    handled(case, deployed[1], code, output)
    assert posts_of_bad_channel(case, "post_id, user_id") == [("bad-null-user", None)]
    assert case.warehouse.query(f"SELECT COUNT(*) FROM {POSTS} WHERE post_id = 'bad-null-channel'") == [(0,)]


@pytest.mark.slow
def test_future_timestamps_wait_for_their_hour(case, deployed):
    case.add_posts([
        _post("bad-future", "2027-06-01 12:00", received_at=ts("2026-11-02 16:00")),
    ])
    code, output = case.run()
    handled(case, deployed[1], code, output)
    assert posts_of_bad_channel(case) == []


@pytest.mark.slow
def test_unknown_user_type_is_kept_as_delivered(case, deployed):
    case.add_posts([_post("bad-robot", "2026-11-02 10:05", user_type="robot")])
    code, output = case.run()
    handled(case, deployed[1], code, output)
    assert posts_of_bad_channel(case, "post_id, user_type") == [("bad-robot", "robot")]


@pytest.mark.slow
def test_duplicated_replica_key_keeps_the_latest_row(case, deployed):
    # A second row of user u-1 in the identify table, received earlier than the current one.
    case.execute(
        "INSERT INTO scribe.users SELECT * REPLACE ("
        " received_at - INTERVAL 5 HOUR AS received_at, 'deactivated' AS status)"
        " FROM scribe.users WHERE id = 'u-1'"
    )
    code, output = case.run()
    handled(case, deployed[1], code, output)


@pytest.mark.slow
def test_clock_skew_between_received_at_and_timestamp(case, deployed):
    # The device clock runs 3 hours ahead: the event claims 19:30, Segment received it at 16:30.
    case.add_posts([
        _post("bad-skew", "2026-11-02 19:30", received_at=ts("2026-11-02 16:30")),
    ])
    code, output = case.run()
    handled(case, deployed[1], code, output)
    assert posts_of_bad_channel(case) == []  # its hour is not due yet
    case.warehouse.feed.load("2026-11-03 06:00")
    case.add_posts([_post("bad-skew", "2026-11-02 19:30", received_at=ts("2026-11-02 16:30"))])
    code, output = case.run("2026-11-03 07:00")
    assert code == EXIT_OK, output
    assert posts_of_bad_channel(case) == [("bad-skew",)]  # picked up when due, once


@pytest.mark.slow
def test_a_twenty_fold_volume_spike(case, deployed):
    normal = sum(
        1 for row in UNIVERSE["messaging.posts"] if ts("2026-11-02 06:00") < row[8] <= ts(LOAD)
    )
    spike = [
        _post(f"bad-spike-{n:05d}", (ts("2026-11-02 07:00") + timedelta(seconds=17 * n)).strftime("%Y-%m-%d %H:%M:%S"))
        for n in range(20 * normal)
    ]
    case.add_posts(spike)
    code, output = case.run()
    handled(case, deployed[1], code, output)
    assert case.warehouse.query(
        f"SELECT COUNT(*), COUNT(DISTINCT post_id) FROM {POSTS} WHERE episode_id = 'ch-bad'"
    ) == [(len(spike), len(spike))]


@pytest.mark.slow
def test_the_same_load_delivered_twice(case, deployed):
    case.execute(
        "INSERT INTO messaging.posts SELECT * FROM messaging.posts"
        " WHERE received_at > TIMESTAMPTZ '2026-11-02 06:00:00+00'"
    )
    case.execute(
        "INSERT INTO usher.set_episode_state SELECT * FROM usher.set_episode_state"
        " WHERE received_at > TIMESTAMPTZ '2026-11-02 06:00:00+00'"
    )
    code, output = case.run()
    handled(case, deployed[1], code, output)


# --------------------------------------------------------------------------------------------
# Stopped with a message naming model and column; prod unchanged


@pytest.mark.slow
def test_dropped_raw_column_of_a_time_range_model(case, deployed):
    before = case.prod()
    case.execute("ALTER TABLE messaging.posts DROP COLUMN mention")
    code, output = case.run()
    stopped(case, before, deployed[1], code, output, POSTS, "mention", POSTS_AND_DOWNSTREAM)


@pytest.mark.slow
def test_dropped_raw_column_of_a_full_model(case, deployed):
    before = case.prod()
    case.execute("ALTER TABLE scribe.users DROP COLUMN residence_province")
    code, output = case.run()
    held = ("analytics.scribe_users", "archive.scribe_users_archived")
    stopped(case, before, deployed[1], code, output, "analytics.scribe_users", "residence_province", held)


@pytest.mark.slow
def test_type_drift_of_a_raw_column(case, deployed):
    before = case.prod()
    case.execute("ALTER TABLE messaging.posts ALTER COLUMN message_length TYPE TEXT")
    case.add_posts([_post("bad-drift", "2026-11-02 10:05", message_length="abc")])
    code, output = case.run()
    stopped(case, before, deployed[1], code, output, POSTS, "message_length", POSTS_AND_DOWNSTREAM)


# --------------------------------------------------------------------------------------------
# Races


@pytest.mark.slow
def test_a_prod_plan_racing_a_run_waits_for_it(case, tmp_path):
    """`catwalk plan` started mid-run waits for the lock; a plain second run exits 75."""
    warehouse = case.warehouse
    marker = tmp_path / "first-batch"
    runner = warehouse.spawn(RUN, pause_after_first_batch=3, marker=marker)
    deadline = time.monotonic() + 120
    while not marker.exists():
        assert runner.poll() is None and time.monotonic() < deadline
        time.sleep(0.05)
    assert warehouse.run(RUN)[0] == EXIT_LOCKED
    script = textwrap.dedent(
        f"""
        import sys, time_machine
        from catwalk.plan import plan
        with time_machine.travel("2026-11-02 18:05+00:00", tick=True):
            sys.exit(plan("prod", ["--restate-model", "analytics.messaging_posts", "--start",
                     "2026-11-02", "--end", "2026-11-02", "--auto-apply", "--skip-linter",
                     "--no-prompts"], paths={str(warehouse.project)!r}, wait=600))
        """
    )
    planner = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=600)
    out, err = runner.communicate(timeout=600)
    assert runner.returncode == EXIT_OK, out + err
    assert planner.returncode == 0, planner.stdout + planner.stderr
    for name, key in (*COMPARED, ("archive.scribe_users_archived", "user_id, valid_from")):
        total, distinct = warehouse.query(f"SELECT COUNT(*), COUNT(DISTINCT ({key})) FROM {name}")[0]
        assert total == distinct, f"duplicate rows in {name}"
