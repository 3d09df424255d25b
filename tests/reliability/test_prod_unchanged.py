"""A failed run never changes what prod shows (issue 16, points 1, 2, 3 and 10).

Each case builds its own tiny warehouse (a reduced copy of the project over a few raw rows),
deploys prod with a frozen clock, delivers bad input, runs `catwalk run` and checks that the run
stops with a message naming what failed and that every prod view reads exactly what it read
before:
- a failed time-range batch keeps its interval (DuckDB used to commit the DELETE);
- a failing blocking audit leaves the model and everything downstream on the last good data, for
  FULL, time-range, merge and SCD2 kinds (write-audit-publish, catwalk/publish.py);
- an archive never records a source version that fails the source's value checks;
- audit failures and Postgres cast errors name the column, the value and a sample key.
"""

from __future__ import annotations

import io
import sys
import textwrap
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "runner"))

from runner_helpers import PostgresFeed, Warehouse, build_project, connect_duckdb, ts  # noqa: E402

from catwalk.project import PROJECT_ROOT, copy_project  # noqa: E402
from catwalk.runner import EXIT_FAILED, EXIT_OK  # noqa: E402

DEPLOYED = ("2026-11-02 06:00", "2026-11-02 07:00")  # (load, first prod plan)
NEXT_RUN = ("2026-11-02 17:00", "2026-11-02 18:00")  # (load, run)
POSTS = "analytics.messaging_posts"
BAD_POST = ("evt-bad", "post-bad", None, "u-1", "mm-1", "patient", "ch-1")


def _bad_post_row(message_length: object) -> tuple:
    created = ts("2026-11-02 10:05")
    return (*BAD_POST, created, created, message_length, 0, None, False, False, None)


# --------------------------------------------------------------------------------------------
# 1. A failed time-range batch keeps its interval


@pytest.mark.parametrize("breakage", ["dropped column", "type drift"])
def test_failed_time_range_batch_keeps_its_rows_on_duckdb(tmp_path, monkeypatch, breakage):
    warehouse = Warehouse(tmp_path, monkeypatch)
    warehouse.feed.load(DEPLOYED[0])
    warehouse.plan(DEPLOYED[1])
    warehouse.feed.load(NEXT_RUN[0])
    before = warehouse.table(POSTS, "post_id")
    assert len(before) > 20
    connection = connect_duckdb(warehouse.database)
    try:
        if breakage == "dropped column":
            connection.execute("ALTER TABLE messaging.posts DROP COLUMN mention")
        else:
            connection.execute("ALTER TABLE messaging.posts ALTER COLUMN message_length TYPE TEXT")
            connection.execute(
                "INSERT INTO messaging.posts VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                _bad_post_row("abc"),
            )
    finally:
        connection.close()

    code, output = warehouse.run(NEXT_RUN[1])

    assert code == EXIT_FAILED, output
    assert "mention" in output if breakage == "dropped column" else "message_length" in output
    assert warehouse.table(POSTS, "post_id") == before  # the interval was not emptied
    code, output = warehouse.run("2026-11-03 07:00")  # and again on the next run
    assert code == EXIT_FAILED, output
    assert warehouse.table(POSTS, "post_id") == before


@pytest.mark.slow
@pytest.mark.postgres
def test_postgres_cast_error_names_its_column_and_keeps_the_batch(
    pg_database, tmp_path, monkeypatch
):
    monkeypatch.setenv("CATWALK_START", "2026-11-01")
    monkeypatch.setenv("CATWALK_DUCKDB", str(tmp_path / "unused.duckdb"))
    project = build_project(tmp_path / "project")
    feed = PostgresFeed(pg_database)
    feed.create()
    feed.load(DEPLOYED[0])
    _plan("postgres", project, DEPLOYED[1])
    feed.load(NEXT_RUN[0])
    read = _postgres_reader(pg_database)
    before = read(f"SELECT * FROM {POSTS} ORDER BY post_id")
    connection = feed._connect()
    try:
        connection.execute("ALTER TABLE messaging.posts ALTER COLUMN message_length TYPE TEXT")
        connection.execute(
            "INSERT INTO messaging.posts VALUES (%s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s,"
            " %s, %s, %s)",
            _bad_post_row("abc"),
        )
    finally:
        connection.close()

    code, output = _run("postgres", project, NEXT_RUN[1])

    assert code == EXIT_FAILED, output
    assert 'invalid input syntax for type integer: "abc"' in output
    assert "source column message_length of messaging.posts" in output
    assert read(f"SELECT * FROM {POSTS} ORDER BY post_id") == before


# --------------------------------------------------------------------------------------------
# 2. Write-audit-publish: a failing blocking audit leaves prod on the last good data

RAW_SCORES = "survey.responses"
SCORE_MODELS = {
    "analytics.scores_full": "FULL",
    "analytics.scores_by_time": "INCREMENTAL_BY_TIME_RANGE (time_column updated_at, lookback 72)",
    "analytics.scores_merged": "INCREMENTAL_BY_UNIQUE_KEY (unique_key response_id)",
    "archive.scores_history": (
        "SCD_TYPE_2_BY_TIME (unique_key response_id, updated_at_name updated_at,"
        " time_data_type TIMESTAMPTZ)"
    ),
}
SCORES_DOWNSTREAM = "analytics.scores_summary"
GOOD_SCORES = [(1, 9, "2026-11-01 10:00"), (2, 3, "2026-11-01 22:00"), (3, 7, "2026-11-02 03:00")]
# In the next load: response 1 is corrected in place to 11, a new response scores -1, and a
# valid response arrives (so the batch holds good rows beside the bad ones).
BAD_SCORES = [(1, 11, "2026-11-02 12:00"), (4, -1, "2026-11-02 13:00"), (5, 8, "2026-11-02 14:00")]


# A custom audit (no column argument): its failure names the columns it filters on.
CUSTOM_AUDIT = """
AUDIT (name assert_scores_not_negative, blocking TRUE);

SELECT response_id, score FROM @this_model WHERE score < 0
"""


def _score_model(name: str, kind: str) -> str:
    where = "WHERE updated_at BETWEEN @start_ts AND @end_ts" if "TIME_RANGE" in kind else ""
    grain = "(response_id, valid_from)" if "SCD" in kind else "response_id"
    custom = ", assert_scores_not_negative" if kind == "FULL" else ""
    return textwrap.dedent(
        f"""
        MODEL (
            name {name},
            kind {kind},
            cron '0 7,18 * * *',
            grain {grain},
            audits (accepted_range("column" := score, min_v := 0, max_v := 10){custom}),
            description 'Test model: survey scores.'
        );

        SELECT id::BIGINT AS response_id, score::INT AS score,
            updated_at::TIMESTAMPTZ AS updated_at
        FROM {RAW_SCORES}
        {where}
        """
    )


SUMMARY_MODEL = f"""
MODEL (name {SCORES_DOWNSTREAM}, kind FULL, cron '0 7,18 * * *', description 'Test: downstream.');

SELECT 'full' AS source, COUNT(*) AS responses, SUM(score) AS score_sum FROM analytics.scores_full
UNION ALL
SELECT 'by_time', COUNT(*), SUM(score) FROM analytics.scores_by_time
UNION ALL
SELECT 'merged', COUNT(*), SUM(score) FROM analytics.scores_merged
UNION ALL
SELECT 'history', COUNT(*), SUM(score) FROM archive.scores_history
"""


def _scores_project(target: Path) -> Path:
    copy_project(target, include_models=False)
    for folder in ("audits", "seeds"):
        for path in (target / folder).glob("*"):
            path.unlink()
    external = target / "external_models.yaml"
    external.write_text(
        external.read_text()
        + f"- name: {RAW_SCORES}\n  columns:\n    id: BIGINT\n    score: INT\n"
        "    updated_at: TIMESTAMPTZ\n"
    )
    models = target / "models"
    models.mkdir()
    for name, kind in SCORE_MODELS.items():
        (models / f"{name.split('.')[1]}.sql").write_text(_score_model(name, kind))
    (models / "scores_summary.sql").write_text(SUMMARY_MODEL)
    (target / "audits" / "assert_scores_not_negative.sql").write_text(CUSTOM_AUDIT)
    return target


class _Scores:
    """The survey warehouse on one engine: raw writes, plan, run, and a reader of every view."""

    def __init__(self, gateway: str, tmp_path: Path, monkeypatch, pg_settings: dict | None = None):
        self.gateway, self.pg_settings = gateway, pg_settings
        self.project = _scores_project(tmp_path / "project")
        self.database = tmp_path / "warehouse.duckdb"
        monkeypatch.setenv("CATWALK_DUCKDB", str(self.database))
        monkeypatch.setenv("CATWALK_START", "2026-11-01")
        monkeypatch.delenv("CATWALK_ALERT_WEBHOOK", raising=False)
        self.execute("CREATE SCHEMA IF NOT EXISTS survey")
        self.execute(f"CREATE TABLE {RAW_SCORES} (id BIGINT, score INT, updated_at TIMESTAMPTZ)")

    def execute(self, sql: str) -> list[tuple]:
        if self.gateway == "postgres":
            return _postgres_reader(self.pg_settings)(sql)
        return _duckdb_reader(self.database)(sql)

    def deliver(self, rows: list[tuple]) -> None:
        for response_id, score, updated_at in rows:
            self.execute(f"DELETE FROM {RAW_SCORES} WHERE id = {response_id}")
            self.execute(
                f"INSERT INTO {RAW_SCORES} VALUES ({response_id}, {score}, '{updated_at}:00+00')"
            )

    def views(self) -> dict[str, list[tuple]]:
        names = [*SCORE_MODELS, SCORES_DOWNSTREAM]
        return {name: self.execute(f"SELECT * FROM {name} ORDER BY 1, 2, 3") for name in names}


def _check_publish_after_audits(scores: _Scores) -> None:
    scores.deliver(GOOD_SCORES)
    _plan(scores.gateway, scores.project, DEPLOYED[1])
    before = scores.views()
    assert all(before.values()), before
    scores.deliver(BAD_SCORES)

    code, output = _run(scores.gateway, scores.project, NEXT_RUN[1])

    assert code == EXIT_FAILED, output
    assert scores.views() == before, output
    for name in SCORE_MODELS:  # point 10: audit, column, offending value and a sample key
        assert f"{name}: Audits failed" in output, output
    assert "accepted_range on score" in output
    assert "score=11 at response_id=1" in output and "score=-1 at response_id=4" in output
    assert "assert_scores_not_negative: 1 row failed, e.g. score=-1 at response_id=4" in output


def test_failing_blocking_audit_keeps_prod_on_last_good_data_duckdb(tmp_path, monkeypatch):
    _check_publish_after_audits(_Scores("local", tmp_path, monkeypatch))


@pytest.mark.postgres
def test_failing_blocking_audit_keeps_prod_on_last_good_data_postgres(
    pg_database, tmp_path, monkeypatch
):
    _check_publish_after_audits(_Scores("postgres", tmp_path, monkeypatch, pg_database))


def test_audited_batches_still_publish(tmp_path, monkeypatch):
    """The same warehouse with valid deliveries: every kind publishes the new rows."""
    scores = _Scores("local", tmp_path, monkeypatch)
    scores.deliver(GOOD_SCORES)
    _plan("local", scores.project, DEPLOYED[1])
    scores.deliver([(1, 10, "2026-11-02 12:00"), (4, 0, "2026-11-02 13:00")])
    code, output = _run("local", scores.project, NEXT_RUN[1])
    assert code == EXIT_OK, output
    views = scores.views()
    assert views["analytics.scores_full"] == scores.execute(
        f"SELECT id, score, updated_at FROM {RAW_SCORES} ORDER BY 1, 2, 3")
    assert len(views["archive.scores_history"]) == 5  # response 1 has two versions
    assert ("full", 4, 20) in views[SCORES_DOWNSTREAM]


# --------------------------------------------------------------------------------------------
# 3. Archives never record a version failing its source's checks

PLAN_DDL = (
    "id BIGINT, organization_id BIGINT, created TIMESTAMPTZ, during TEXT, description_en TEXT,"
    " description_fr TEXT, name_en TEXT, name_fr TEXT, stripe_plan_id TEXT, charge_strategy TEXT,"
    " charge_price DECIMAL(12, 2), imported_at TIMESTAMPTZ"
)
PLAN_MODELS = ("models/base/scribe/scribe_plans.sql", "models/archive/scribe_plans_archived.sql")


def _plan_row(plan_id: int, strategy: str, price: float, imported_at: str) -> tuple:
    return (plan_id, 10 + plan_id, ts("2026-10-01 00:00"), '["2026-10-01 00:00:00+00",)',
            f"Plan {plan_id}", f"Forfait {plan_id}", f"Plan {plan_id}", f"Forfait {plan_id}",
            None, strategy, price, ts(imported_at))


@pytest.mark.parametrize(
    "bad_version, named",
    [((1, "bogus", 9.0), "charge_strategy='bogus' at plan_id=1"),
     ((2, "fixed", -5.0), "charge_price=-5.0 at plan_id=2")],
)
def test_archive_never_records_a_version_failing_its_source_checks(
    tmp_path, monkeypatch, bad_version, named
):
    project = tmp_path / "project"
    copy_project(project, include_models=False)
    for relative in PLAN_MODELS:
        (project / relative).parent.mkdir(parents=True, exist_ok=True)
        (project / relative).write_text((PROJECT_ROOT / relative).read_text())
    for path in (project / "seeds").glob("*"):
        path.unlink()
    database = tmp_path / "warehouse.duckdb"
    monkeypatch.setenv("CATWALK_DUCKDB", str(database))
    monkeypatch.setenv("CATWALK_START", "2026-11-01")
    connection = connect_duckdb(database)
    connection.execute(f"CREATE SCHEMA scribe; CREATE TABLE scribe.plan ({PLAN_DDL})")
    insert = f"INSERT INTO scribe.plan VALUES ({', '.join('?' for _ in range(12))})"
    connection.executemany(insert, [_plan_row(1, "dynamic", 9.0, "2026-11-01 05:30"),
                                    _plan_row(2, "free", 0.0, "2026-11-01 05:30")])
    connection.close()
    _plan("local", project, DEPLOYED[1])
    read = _duckdb_reader(database)
    history = read("SELECT * FROM archive.scribe_plans_archived ORDER BY plan_id, valid_from")
    plans = read("SELECT * FROM analytics.scribe_plans ORDER BY plan_id")
    plan_id, strategy, price = bad_version
    connection = connect_duckdb(database)
    connection.execute(f"DELETE FROM scribe.plan WHERE id = {plan_id}")
    connection.execute(insert, _plan_row(plan_id, strategy, price, "2026-11-02 17:30"))
    connection.close()

    code, output = _run("local", project, NEXT_RUN[1])

    assert code == EXIT_FAILED, output
    assert named in output, output
    assert read(
        "SELECT * FROM archive.scribe_plans_archived ORDER BY plan_id, valid_from") == history
    assert read("SELECT * FROM analytics.scribe_plans ORDER BY plan_id") == plans
    assert "archive.scribe_plans_archived" in read(
        "SELECT string_agg(model, ',') FROM meta.run_log WHERE status = 'skipped'")[0][0]


def test_every_archive_source_carries_its_value_audits():
    """The models archives read carry blocking audits on their enumerations and ranges."""
    from catwalk.project import open_context

    required = {
        "analytics.scribe_plans": {("accepted_values", "charge_strategy"),
                                   ("accepted_range", "charge_price")},
        "analytics.scribe_contracts": {("accepted_values", "admin_area_name"),
                                       ("assert_scribe_contracts_valid_range", None)},
        "analytics.scribe_organizations": {("accepted_values", "email_preference")},
        "analytics.scribe_users": {("accepted_values", "gender"), ("accepted_values", "language"),
                                   ("accepted_values", "status"), ("accepted_range", "age")},
        "analytics.scribe_plan_features": set(),  # ids and load times only: no enumeration
        "analytics.nps_patient_list": {("accepted_values", "locale")},
        "analytics.nps_dm_list": {("accepted_values", "locale"), ("accepted_values", "contact_type")},
    }
    context = open_context("local", load_tests=False, load_state=False)
    try:
        archives = [m for m in context.models.values() if m.name.startswith("archive.")]
        assert len(archives) == 7, archive_names(archives)
        sources = {parent for archive in archives for parent in archive.depends_on}
        for source in sources:
            model = context.get_model(source)
            assert model.name in required, f"an archive reads {model.name}: list its checks here"
            present = set()
            for name, args in model.audits:
                column = args.get("column")
                present.add((name, column.name if column is not None else None))
                assert not name.endswith("_non_blocking") and args.get("blocking") is None
            missing = required[model.name] - present
            assert not missing, f"{model.name} lacks the blocking audits {sorted(missing, key=str)}"
    finally:
        context.close()


def archive_names(archives) -> str:
    return ", ".join(sorted(archive.name for archive in archives))


# --------------------------------------------------------------------------------------------
# Helpers


def _plan(gateway: str, project: Path, at: str) -> None:
    import time_machine

    from catwalk.project import open_context

    with time_machine.travel(ts(at), tick=False):
        context = open_context(gateway, project)
        try:
            context.plan(
                "prod", auto_apply=True, no_prompts=True, skip_tests=True, skip_linter=True
            )
        finally:
            context.close()


def _run(gateway: str, project: Path, at: str) -> tuple[int, str]:
    import time_machine

    from catwalk.runner import run

    out = io.StringIO()
    with time_machine.travel(ts(at), tick=False):
        code = run(gateway, "prod", paths=project, out=out)
    return code, out.getvalue()


def _duckdb_reader(database: Path):
    def read(sql: str) -> list[tuple]:
        connection = connect_duckdb(database)
        try:
            result = connection.execute(sql)
            return result.fetchall() if result.description else []
        finally:
            connection.close()

    return read


def _postgres_reader(settings: dict):
    from catwalk.project import connect_postgres

    def read(sql: str) -> list[tuple]:
        connection = connect_postgres(settings)
        connection.autocommit = True
        try:
            with connection.cursor() as cursor:
                cursor.execute(sql)
                return cursor.fetchall() if cursor.description else []
        finally:
            connection.close()

    return read
