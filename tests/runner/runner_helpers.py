"""Helpers of the runner tests: a reduced copy of the project over a small simulated raw feed.

The reduced project holds config, macros, signals, external models, three real base
models (messaging_posts, usher_episode_state_updated, scribe_users) and three test models: a
per-channel merge rollup (`analytics.runner_channels`), a local-day model (`analytics.runner_posts_daily`, cron '0 7 * * *', lookback 3) and an
SCD2 archive of scribe_users. `RawFeed` plays the loaders: every event has a Segment `received_at`
and is visible in the warehouse only after the first load of its schema at or after that time.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import textwrap
from datetime import datetime, timedelta, timezone
from pathlib import Path

from catwalk.project import PROJECT_ROOT, copy_project

START = "2026-11-01"
UTC = timezone.utc

MODELS = (
    "models/base/messaging/messaging_posts.sql",
    "models/base/usher/usher_episode_state_updated.sql",
    "models/base/scribe/scribe_users.sql",
)

CHANNELS_MODEL = """
MODEL (
    name analytics.runner_channels,
    kind INCREMENTAL_BY_UNIQUE_KEY (unique_key episode_id),
    cron '0 7,18 * * *',
    owner analytics,
    grain episode_id,
    tags (transform, runner),
    audits (unique_values(columns := (episode_id))),
    description 'Test model: per-channel rollup recomputing the channels touched in the interval.'
);

WITH touched AS (
    SELECT DISTINCT
        episode_id
    FROM analytics.messaging_posts
    WHERE
        created_at BETWEEN @start_ts AND @end_ts
)
SELECT
    posts.episode_id /* Channel */
    , COUNT(*)::BIGINT AS post_count /* Posts in the channel so far */
    , MAX(posts.created_at) AS updated_at /* Last post */
FROM analytics.messaging_posts AS posts
INNER JOIN touched
    ON posts.episode_id = touched.episode_id
GROUP BY
    posts.episode_id
"""

DAILY_MODEL = """
MODEL (
    name analytics.runner_posts_daily,
    kind INCREMENTAL_BY_TIME_RANGE (time_column date_day_est, lookback 3),
    cron '0 7 * * *',
    owner analytics,
    grain date_day_est,
    tags (meta, runner),
    signals (delivered(local_day := TRUE)),
    audits (unique_values(columns := (date_day_est))),
    description 'Test model: posts per Montreal local day.'
);

SELECT
    created_at_est::DATE AS date_day_est /* Local day */
    , COUNT(*)::BIGINT AS post_count /* Posts */
FROM analytics.messaging_posts
WHERE
    created_at_est::DATE BETWEEN @start_ds AND @end_ds
GROUP BY
    created_at_est::DATE
"""

ARCHIVE_MODEL = """
MODEL (
    name archive.scribe_users_archived,
    kind SCD_TYPE_2_BY_TIME (unique_key user_id, updated_at_name received_at),
    cron '0 7,18 * * *',
    owner analytics,
    grain (user_id, valid_from),
    tags (archive, scribe),
    audits (not_null(columns := (user_id))),
    description 'Test archive: history of scribe_users.'
);

SELECT
    user_id /* User */
    , status /* Status */
    , received_at /* Last identify */
FROM analytics.scribe_users
"""

RAW_DDL = {
    "messaging.posts": (
        "id TEXT, post_id TEXT, post_type TEXT, user_id TEXT, mm_user_id TEXT, user_type TEXT,"
        " channel_id TEXT, \"timestamp\" TIMESTAMPTZ, received_at TIMESTAMPTZ,"
        " message_length INTEGER, count_question_marks INTEGER, next_appointment TEXT,"
        " is_question BOOLEAN, is_internal_post BOOLEAN, mention TEXT"
    ),
    "usher.set_episode_state": (
        "id TEXT, episode_id TEXT, \"timestamp\" TIMESTAMPTZ, episode_state TEXT, user_id TEXT,"
        " received_at TIMESTAMPTZ"
    ),
    "unresponsive.nudge": (
        "id TEXT, episode_id TEXT, \"timestamp\" TIMESTAMPTZ, user_id TEXT,"
        " received_at TIMESTAMPTZ, iteration INTEGER"
    ),
    "scribe.users": (
        "id TEXT, email TEXT, first_name TEXT, last_name TEXT, birthday DATE, age INTEGER,"
        " gender TEXT, \"language\" TEXT, residence_province TEXT, country TEXT,"
        " address_country TEXT, address_state TEXT, auth_id TEXT, status TEXT, family_id TEXT,"
        " created_at TIMESTAMPTZ, received_at TIMESTAMPTZ"
    ),
}


def ts(text: str) -> datetime:
    return datetime.fromisoformat(text).replace(tzinfo=UTC)


def _universe():
    """Every raw row that will ever exist, with its Segment received_at (deterministic)."""
    rows = {name: [] for name in RAW_DDL}
    first, last = ts("2026-10-31 00:00"), ts("2026-11-06 00:00")
    hour, index = first, 0
    while hour < last:
        for offset in (7, 36):
            index += 1
            created = hour + timedelta(minutes=offset)
            # Every 17th post reaches Segment 20 hours late (inside the 72-hour lookback).
            received = created + (timedelta(hours=20) if index % 17 == 0 else timedelta(minutes=1))
            channel = f"ch-{index % 5}"
            patient = index % 2 == 0
            rows["messaging.posts"].append(
                (f"evt-{index}", f"post-{index}", None, f"u-{index % 5}" if patient else "doc-1",
                 f"mm-{index % 5}", "patient" if patient else "physician", channel, created,
                 received, 20 + index % 7, index % 3, None, index % 3 > 0, False, None)
            )
            # A duplicate Segment delivery of the same event, one minute later, now and then.
            if index % 23 == 0:
                rows["messaging.posts"].append(
                    (f"evt-{index}-dup", f"post-{index}", None, f"u-{index % 5}" if patient else "doc-1",
                     f"mm-{index % 5}", "patient" if patient else "physician", channel, created,
                     received + timedelta(minutes=1), 20 + index % 7, index % 3, None,
                     index % 3 > 0, False, None)
                )
        if hour.hour % 3 == 0:
            rows["usher.set_episode_state"].append(
                (f"state-{index}", f"ch-{index % 5}", hour + timedelta(minutes=11),
                 ("active", "pending", "resolved")[index % 3], "doc-1",
                 hour + timedelta(minutes=12))
            )
        if hour.hour % 2 == 0:
            rows["unresponsive.nudge"].append(
                (f"nudge-{index}", f"ch-{index % 5}", hour + timedelta(minutes=21), "bot",
                 hour + timedelta(minutes=22), 1)
            )
        if hour.hour in (3, 14):
            user = (index // 2) % 4
            rows["scribe.users"].append(
                (f"u-{user}", f"user{user}@example.com", "First", f"Last{user}", None, 30 + user,
                 "F", "fr", "QC", "CA", "CA", "QC", None,
                 ("invited", "registered")[(index // 4) % 2], f"fam-{user}",
                 ts("2026-01-01 00:00"), hour + timedelta(minutes=30))
            )
        hour += timedelta(hours=1)
    return rows


UNIVERSE = _universe()


class RawFeed:
    """The loaders of the reduced warehouse: `load(until)` delivers what each loader has by then.

    A schema in `skip` misses that load (a late loader); it catches up at its next load. Events are
    appended; scribe.users is an identify table updated in place (latest version per user).
    """

    mark = "?"

    def __init__(self, database: Path):
        self.database = Path(database)
        self.delivered_until = {name.split(".")[0]: None for name in RAW_DDL}

    def _connect(self):
        return connect_duckdb(self.database)

    def _executemany(self, connection, sql, rows):
        connection.executemany(sql, rows)

    def create(self) -> None:
        connection = self._connect()
        try:
            for name, columns in RAW_DDL.items():
                schema = name.split(".")[0]
                connection.execute(f"CREATE SCHEMA IF NOT EXISTS {schema}")
                connection.execute(f"CREATE TABLE IF NOT EXISTS {name} ({columns})")
        finally:
            connection.close()

    def load(self, until: str | datetime, skip: tuple[str, ...] = ()) -> None:
        until = ts(until) if isinstance(until, str) else until
        for schema in self.delivered_until:
            if schema not in skip:
                self.delivered_until[schema] = until
        connection = self._connect()
        try:
            for name, rows in UNIVERSE.items():
                schema = name.split(".")[0]
                horizon = self.delivered_until[schema]
                visible = [row for row in rows if horizon is not None and _received(name, row) <= horizon]
                if name == "scribe.users":
                    latest = {}
                    for row in sorted(visible, key=lambda r: r[-1]):
                        latest[row[0]] = row
                    visible = list(latest.values())
                connection.execute(f"DELETE FROM {name}")
                if visible:
                    marks = ", ".join(self.mark for _ in visible[0])
                    self._executemany(connection, f"INSERT INTO {name} VALUES ({marks})", visible)
        finally:
            connection.close()

    def insert(self, name: str, row: tuple) -> None:
        """Add one row straight into a raw table (a manual backfill)."""
        connection = self._connect()
        try:
            marks = ", ".join(self.mark for _ in row)
            connection.execute(f"INSERT INTO {name} VALUES ({marks})", row)
        finally:
            connection.close()


class PostgresFeed(RawFeed):
    """The same loaders writing into a Postgres database (settings dict of `pg_database`)."""

    mark = "%s"

    def __init__(self, settings: dict):
        self.settings = settings
        self.delivered_until = {name.split(".")[0]: None for name in RAW_DDL}

    def _connect(self):
        from catwalk.project import connect_postgres

        connection = connect_postgres(self.settings)
        connection.autocommit = True
        return _PostgresConnection(connection)

    def _executemany(self, connection, sql, rows):
        connection.executemany(sql, rows)


class _PostgresConnection:
    """DuckDB-like execute/executemany/close over a psycopg2 connection."""

    def __init__(self, connection):
        self.connection = connection

    def execute(self, sql, parameters=None):
        with self.connection.cursor() as cursor:
            cursor.execute(sql, parameters)
            return cursor.fetchall() if cursor.description else None

    def executemany(self, sql, rows):
        with self.connection.cursor() as cursor:
            cursor.executemany(sql, rows)

    def close(self):
        self.connection.close()


def connect_duckdb(path: Path):
    import duckdb

    connection = duckdb.connect(str(path))
    connection.execute("SET TimeZone = 'UTC'")
    return connection


def _received(name: str, row: tuple) -> datetime:
    if name == "messaging.posts":
        return row[8]
    if name == "scribe.users":
        return row[-1]
    if name == "unresponsive.nudge":
        return row[4]
    return row[5]


def build_project(target: Path) -> Path:
    """A reduced copy of the project with the runner's test models."""
    copy_project(target, include_models=False)
    for relative in MODELS:
        destination = target / relative
        destination.parent.mkdir(parents=True, exist_ok=True)
        text = (PROJECT_ROOT / relative).read_text()
        if "signals (" not in text:
            # The real base models get `signals (delivered())`; keep the test independent of it.
            text = text.replace("    cron '0 7,18 * * *',\n", "    cron '0 7,18 * * *',\n    signals (delivered()),\n", 1)
        destination.write_text(text)
    (target / "models/meta/runner").mkdir(parents=True, exist_ok=True)
    (target / "models/meta/runner/runner_channels.sql").write_text(CHANNELS_MODEL)
    (target / "models/meta/runner/runner_posts_daily.sql").write_text(DAILY_MODEL)
    (target / "models/archive").mkdir(parents=True, exist_ok=True)
    (target / "models/archive/scribe_users_archived.sql").write_text(ARCHIVE_MODEL)
    shutil.rmtree(target / "seeds", ignore_errors=True)
    # Only the audits the copied models use (others may reference models that are not copied).
    shutil.rmtree(target / "audits", ignore_errors=True)
    (target / "audits").mkdir()
    return target


class Warehouse:
    """A reduced project + DuckDB file + raw feed, driven with a frozen clock."""

    def __init__(self, root: Path, monkeypatch):
        self.root = root
        self.project = build_project(root / "project")
        self.database = root / "warehouse.duckdb"
        monkeypatch.setenv("CATWALK_DUCKDB", str(self.database))
        monkeypatch.setenv("CATWALK_START", START)
        monkeypatch.delenv("CATWALK_ALERT_WEBHOOK", raising=False)
        self.feed = RawFeed(self.database)
        self.feed.create()

    def context(self):
        from catwalk.project import open_context

        return open_context("local", self.project)

    def plan(self, at: str) -> None:
        import time_machine

        with time_machine.travel(ts(at), tick=False):
            context = self.context()
            try:
                context.plan("prod", auto_apply=True, no_prompts=True, skip_tests=True, skip_linter=True)
            finally:
                context.close()

    def run(self, at: str, **kwargs) -> tuple[int, str]:
        import io

        import time_machine

        from catwalk.runner import run

        out = io.StringIO()
        with time_machine.travel(ts(at), tick=False):
            code = run("local", "prod", paths=self.project, out=out, **kwargs)
        return code, out.getvalue()

    def query(self, sql: str) -> list[tuple]:
        connection = connect_duckdb(self.database)
        try:
            return connection.execute(sql).fetchall()
        finally:
            connection.close()

    def table(self, name: str, order: str) -> list[tuple]:
        return self.query(f"SELECT * FROM {name} ORDER BY {order}")

    def spawn(self, at: str, pause_after_first_batch: float = 0.0, marker: Path | None = None):
        """Start `catwalk run` in a subprocess at a frozen time, optionally pausing mid-run."""
        script = textwrap.dedent(
            f"""
            import sys, time, pathlib, time_machine
            import catwalk.runner as runner
            pause, marker = {pause_after_first_batch!r}, {str(marker) if marker else None!r}
            original = runner.RunLog.insert
            def insert(self, **values):
                original(self, **values)
                if values.get("model") and values.get("status") == "success":
                    if marker:
                        pathlib.Path(marker).write_text("batch written")
                    time.sleep(pause)
            runner.RunLog.insert = insert
            with time_machine.travel({at!r} + "+00:00", tick=True):
                code = runner.run("local", "prod", paths={str(self.project)!r})
            sys.exit(code)
            """
        )
        return subprocess.Popen(
            [sys.executable, "-c", script], stdout=subprocess.PIPE, stderr=subprocess.PIPE,
            text=True,
        )


# The tables every comparison looks at (name, order by) - the archive keeps history and is checked
# separately.
COMPARED = (
    ("analytics.messaging_posts", "post_id"),
    ("analytics.usher_episode_state_updated", "event_id"),
    ("analytics.scribe_users", "user_id"),
    ("analytics.runner_channels", "episode_id"),
    ("analytics.runner_posts_daily", "date_day_est"),
)
