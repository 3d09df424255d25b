"""`catwalk review`: the plan review report, on a copy of the project with real edits.

One prod build is shared by the whole module (a copy of the project reduced to a few real base
models and the seed, plus three small downstream models written here: a transform, a Tableau mart
and an SCD2 archive). Each test copies that project and its DuckDB file, edits the copy, runs the
review for a dev environment and asserts what the report says, and that prod was not touched.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import textwrap
from pathlib import Path

import pytest

from catwalk.project import PROJECT_ROOT, CatwalkError, copy_project, open_context
from catwalk.review import build_report, render_markdown, review

# Real models of the project the edits target; their upstream (by `analytics.<name>` references) is
# copied too. Everything else is left out to keep the prod build small.
TARGET_MODELS = ("messaging_posts", "scribe_users", "careplatform_dimension_outcome")
ENV = "pr_7"

EXTRA_MODELS = {
    "transform/review/review_test_channels.sql": """
        MODEL (
            name analytics.review_test_channels,
            kind FULL,
            owner analytics,
            grain episode_id,
            tags (transform, messaging),
            audits (unique_values(columns := (episode_id)), not_null(columns := (episode_id))),
            description 'Test fixture of the review tests: one row per channel with a patient post.'
        );

        SELECT
            episode_id::TEXT AS episode_id /* Channel */
            , MIN(CASE WHEN user_type = 'patient' THEN user_id END)::TEXT AS user_id /* Patient */
            , COUNT(*)::BIGINT AS count_posts /* Posts in the channel */
        FROM analytics.messaging_posts
        GROUP BY
            episode_id
        HAVING
            NOT MIN(CASE WHEN user_type = 'patient' THEN user_id END) IS NULL
    """,
    "tableau/review/tableau_test_mart.sql": """
        MODEL (
            name analytics.tableau_test_mart,
            kind FULL,
            owner analytics,
            grain episode_id,
            tags (tableau, review),
            audits (unique_values(columns := (episode_id)), not_null(columns := (episode_id))),
            description 'Test fixture of the review tests: a Tableau mart, one row per channel.'
        );

        SELECT
            channels.episode_id::TEXT AS episode_id /* Channel */
            , users."language"::TEXT AS patient_language /* Language of the patient */
            , channels.count_posts::BIGINT AS count_posts /* Posts in the channel */
        FROM analytics.review_test_channels AS channels
        LEFT JOIN analytics.scribe_users AS users
            ON channels.user_id = users.user_id
    """,
    "archive/review_test_users_archived.sql": """
        MODEL (
            name archive.review_test_users_archived,
            kind SCD_TYPE_2_BY_TIME (
                unique_key user_id, updated_at_name received_at, time_data_type TIMESTAMP
            ),
            cron '0 7,18 * * *',
            owner analytics,
            grain (user_id, valid_from),
            tags (archive, scribe),
            audits (not_null(columns := (user_id))),
            description 'Test fixture of the review tests: SCD2 history of user statuses.'
        );

        SELECT
            user_id::TEXT AS user_id /* User */
            , status::TEXT AS status /* Status */
            , received_at::TIMESTAMPTZ AS received_at /* Last load */
        FROM analytics.scribe_users
    """,
}

MART_TEST = """
test_tableau_test_mart_joins_the_patient_language:
  model: analytics.tableau_test_mart
  inputs:
    analytics.review_test_channels:
      rows:
        - {episode_id: c1, user_id: '1', count_posts: 2}
    analytics.scribe_users:
      rows:
        - {user_id: '1', language: FR, status: registered}
  outputs:
    query:
      rows:
        - {episode_id: c1, patient_language: FR, count_posts: 2}
"""

USERS = [
    # id, email, first_name, last_name, language, status
    ("u1", "ada@example.com", "Ada", "Lovelace", "fr", "registered"),
    ("u2", "bob@example.com", "Bob", "Marley", "en", "registered"),
    ("u3", "cy@example.com", "Cy", "Twombly", "en", "deleted"),
    ("u4", "di@example.com", "Di", "Prima", None, None),
]
POSTS = [
    # post_id, channel, user_id, user_type, timestamp
    ("p1", "c1", "u1", "patient", "2026-03-10 14:00:00+00"),
    ("p2", "c1", "d9", "physician", "2026-03-10 14:05:00+00"),
    ("p3", "c2", "u2", "patient", "2026-03-11 15:00:00+00"),
    ("p4", "c3", "u3", "patient", "2026-03-12 16:00:00+00"),
    ("p5", "c3", "d9", "physician", "2026-03-13 09:00:00+00"),
]


# ------------------------------------------------------------------------------------------------
# fixtures


def _model_file(name: str) -> Path:
    matches = [*(PROJECT_ROOT / "models").rglob(f"{name}.sql"), *(PROJECT_ROOT / "models").rglob(f"{name}.py")]
    assert matches, f"model file of {name} not found"
    return matches[0]


def _upstream_closure(names) -> list[Path]:
    """The model files of NAMES and of every `analytics.<x>` they reference, recursively."""
    files, todo = {}, list(names)
    while todo:
        name = todo.pop()
        if name in files:
            continue
        path = _model_file(name)
        files[name] = path
        text = re.sub(r"name\s+analytics\.\w+", "", path.read_text())
        todo += [ref for ref in re.findall(r"\banalytics\.(\w+)", text) if ref not in files]
    return list(files.values())


def _generator_available() -> bool:
    try:
        from catwalk.warehouse import generate  # noqa: F401
    except ImportError:
        return False
    return True


def _hand_written_raw(path: Path) -> None:
    """Every raw table of external_models.yaml (empty), plus a few users and posts."""
    import duckdb
    import yaml

    declared = yaml.safe_load((PROJECT_ROOT / "external_models.yaml").read_text())
    connection = duckdb.connect(str(path))
    connection.execute("SET TimeZone = 'UTC'")
    for table in declared:
        schema, name = table["name"].split(".")
        columns = ", ".join(f'"{c}" {t}' for c, t in table["columns"].items())
        connection.execute(f"CREATE SCHEMA IF NOT EXISTS {schema}")
        connection.execute(f'CREATE TABLE IF NOT EXISTS {schema}."{name}" ({columns})')
    for user_id, email, first, last, language, status in USERS:
        connection.execute(
            "INSERT INTO scribe.users (id, email, first_name, last_name, gender, language, status, "
            "age, created_at, received_at) VALUES (?, ?, ?, ?, 'F', ?, ?, 40, "
            "'2026-03-01 10:00:00+00', '2026-03-01 11:00:00+00')",
            [user_id, email, first, last, language, status],
        )
    for number, (post_id, channel, user_id, user_type, timestamp) in enumerate(POSTS):
        connection.execute(
            "INSERT INTO messaging.posts (id, post_id, channel_id, user_id, user_type, "
            '"timestamp", received_at, message_length) VALUES (?, ?, ?, ?, ?, ?::TIMESTAMPTZ, '
            "?::TIMESTAMPTZ + INTERVAL 1 HOUR, 10)",
            [f"e{number}", post_id, channel, user_id, user_type, timestamp, timestamp],
        )
    connection.close()


def _build_prod(request, folder: Path, window, targets, extra_models=None, tests=None):
    """A copy of the project reduced to TARGETS and their upstream (plus EXTRA_MODELS and unit
    TESTS), on a copy of the tiny warehouse, with the prod plan applied at the frozen time."""
    import time_machine

    project = copy_project(folder / "project", include_models=False)
    for path in _upstream_closure(targets):
        target = project / path.relative_to(PROJECT_ROOT)
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy(path, target)
    for relative, sql in (extra_models or {}).items():
        target = project / "models" / relative
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(textwrap.dedent(sql).lstrip())
    (project / "tests").mkdir(exist_ok=True)
    for name, text in (tests or {}).items():
        (project / "tests" / name).write_text(text.lstrip())

    database = folder / "warehouse.duckdb"
    if _generator_available():
        shutil.copyfile(request.getfixturevalue("tiny_warehouse"), database)
    else:  # the generator has not landed yet: a tiny hand-written raw warehouse
        _hand_written_raw(database)

    saved = os.environ.get("CATWALK_DUCKDB")
    os.environ["CATWALK_DUCKDB"] = str(database)
    os.environ["CATWALK_START"] = window.start
    try:
        with time_machine.travel(window.now, tick=False):
            context = open_context("local", project)
            context.plan("prod", auto_apply=True, no_prompts=True, skip_tests=True, skip_linter=True)
            context.close()
    finally:
        os.environ["CATWALK_DUCKDB"] = saved
        os.environ.pop("CATWALK_START", None)
    return project, database


@pytest.fixture(scope="module")
def review_prod(request, tmp_path_factory, tiny_window):
    """(project copy, DuckDB file) with the prod plan applied — shared, never mutated by tests."""
    return _build_prod(
        request, tmp_path_factory.mktemp("review_prod"), tiny_window, TARGET_MODELS,
        EXTRA_MODELS, {"test_tableau_test_mart.yaml": MART_TEST},
    )


class Workspace:
    """A private copy of the prod build: edit `project`, then `review()`."""

    def __init__(self, project: Path, database: Path, now: str):
        self.project, self.database, self.now = project, database, now

    def file(self, name: str) -> Path:
        return next(self.project.joinpath("models").rglob(f"{name}.sql"))

    def edit(self, name: str, old: str, new: str) -> None:
        path = self.file(name)
        text = path.read_text()
        assert old in text, f"{old!r} not in {path}"
        path.write_text(text.replace(old, new, 1))

    def report(self, env: str = ENV, against: str = "prod") -> dict:
        import time_machine

        with time_machine.travel(self.now, tick=False):
            return build_report(env, gateway="local", against=against, paths=self.project)

    def query(self, sql: str):
        """One value from the prod views of the workspace's warehouse."""
        import duckdb

        connection = duckdb.connect(str(self.database), read_only=True)
        try:
            return connection.execute(sql).fetchone()[0]
        finally:
            connection.close()

    def prod_state(self) -> dict:
        """The prod environment record and the content of every prod view."""
        import duckdb

        connection = duckdb.connect(str(self.database), read_only=True)
        try:
            environment = connection.execute(
                "SELECT plan_id, snapshots FROM sqlmesh._environments WHERE name = 'prod'"
            ).fetchone()
            views = connection.execute(
                "SELECT table_schema, table_name FROM information_schema.tables "
                "WHERE table_schema IN ('analytics', 'archive') ORDER BY 1, 2"
            ).fetchall()
            contents = {
                f"{schema}.{name}": sorted(
                    map(repr, connection.execute(f'SELECT * FROM {schema}."{name}"').fetchall())
                )
                for schema, name in views
            }
            environments = [
                row[0] for row in connection.execute("SELECT name FROM sqlmesh._environments").fetchall()
            ]
        finally:
            connection.close()
        return {"environment": environment, "contents": contents, "environments": environments}


def _workspace(prod, tmp_path, monkeypatch, window):
    project, database = prod
    copy = tmp_path / "project"
    # Without SQLMesh's .cache, like a fresh CI checkout. (The archive fixture spells out
    # `time_data_type TIMESTAMP`: with the default, SQLMesh 0.236.4 + sqlglot 30.8 read the prod
    # SCD2 snapshot back with TIMESTAMPNTZ valid_from/valid_to while the local model says TIMESTAMP,
    # and refuse every archive change as destructive.)
    shutil.copytree(project, copy, ignore=shutil.ignore_patterns("logs", ".cache"))
    db_copy = tmp_path / database.name  # same file stem: the catalog name is the stem
    shutil.copyfile(database, db_copy)
    monkeypatch.setenv("CATWALK_DUCKDB", str(db_copy))
    monkeypatch.setenv("CATWALK_START", window.start)
    space = Workspace(copy, db_copy, window.now)
    before = space.prod_state()
    yield space
    after = space.prod_state()
    assert after["environment"] == before["environment"], "the prod environment record changed"
    assert after["contents"] == before["contents"], "prod data changed"


@pytest.fixture
def workspace(review_prod, tmp_path, monkeypatch, tiny_window):
    yield from _workspace(review_prod, tmp_path, monkeypatch, tiny_window)


def _direct(report: dict, name: str) -> dict:
    matches = [m for m in report["directly_modified"] if m["name"] == name]
    assert matches, f"{name} not directly modified: {[m['name'] for m in report['directly_modified']]}"
    return matches[0]


# ------------------------------------------------------------------------------------------------
# the six required scenarios


def test_non_breaking_column_addition(workspace):
    workspace.edit(
        "messaging_posts",
        "    , received_at::TIMESTAMPTZ AS received_at",
        "    , LENGTH(post_id)::INT AS post_id_length /* Characters of the post id */\n"
        "    , received_at::TIMESTAMPTZ AS received_at",
    )
    report = workspace.report()

    entry = _direct(report, "analytics.messaging_posts")
    assert entry["category"] == "non-breaking"
    assert "only new columns" in entry["reason"]
    assert entry["schema_changes"]["added"] == [["post_id_length", "INT"]]
    assert not entry["schema_changes"]["removed"] and not entry["schema_changes"]["retyped"]
    assert "+" in entry["sql_diff"] and "post_id_length" in entry["sql_diff"]
    # children are indirect non-breaking and not rebuilt; only the changed model is backfilled
    children = {m["name"]: m for m in report["indirectly_modified"]}
    assert children["analytics.review_test_channels"]["category"] == "indirect non-breaking"
    assert not any(child["rebuilt"] for child in children.values())
    assert [m["name"] for m in report["backfill"]["models"]] == ["analytics.messaging_posts"]
    # the data diff shows the new column only: same rows, every shared column matches
    diff = entry["data_diff"]
    assert diff["error"] is None
    assert diff["columns_added"] == [["post_id_length", "INT"]]
    assert diff["only_in_against"] == diff["only_in_env"] == 0
    assert diff["against_rows"] == diff["env_rows"] == diff["fully_matching_rows"] > 0
    assert set(diff["column_match_pct"].values()) == {100.0}
    assert report["ok"]

    markdown = render_markdown(report)
    assert "#### `analytics.messaging_posts` — non-breaking" in markdown
    assert "new column `post_id_length` (INT) only in `pr_7`" in markdown
    assert "not rebuilt (reuses prod data)" in markdown
    assert f"The dev environment `{ENV}` was created or updated" in markdown


def test_breaking_filter_change_reports_row_counts_and_masks_pii(workspace):
    workspace.edit(
        "scribe_users",
        "        NOT id IS NULL\n",
        "        NOT id IS NULL AND id <> (SELECT MIN(id) FROM scribe.users)\n",
    )
    report = workspace.report()

    entry = _direct(report, "analytics.scribe_users")
    assert entry["category"] == "breaking"
    assert "beyond adding columns" in entry["reason"]
    assert entry["schema_changes"] == {"added": [], "removed": [], "retyped": []}
    diff = entry["data_diff"]
    assert diff["only_in_against"] == 1 and diff["only_in_env"] == 0
    assert diff["env_rows"] == diff["against_rows"] - 1
    # the dropped user is sampled on its grain and a few context columns, none identifying a person
    assert {"email", "first_name", "last_name", "user_name", "birthday"} <= set(diff["masked_columns"])
    sample = diff["sample_only_in_against"]
    row = dict(zip(sample["columns"], sample["rows"][0]))
    assert sample["columns"] == ["user_id", "age", "gender", "language"]
    assert sample["hidden_columns"] == 14 and row["user_id"] not in (None, "***")
    # downstream: the Tableau mart and the archive are listed first and called out
    downstream = [d["name"] for d in entry["downstream"]]
    assert downstream[:2] == ["analytics.tableau_test_mart", "archive.review_test_users_archived"]
    rebuilt = {m["name"]: m["rebuilt"] for m in report["indirectly_modified"]}
    assert rebuilt["analytics.tableau_test_mart"] is True
    # the downstream Tableau mart gets its own data diff: what reaches dashboards
    mart = next(m for m in report["indirectly_modified"] if m["name"] == "analytics.tableau_test_mart")
    mart_rows = workspace.query("SELECT COUNT(*) FROM analytics.tableau_test_mart")
    assert mart["data_diff"]["against_rows"] == mart_rows and mart["data_diff"]["error"] is None
    archive = next(m for m in report["indirectly_modified"] if m["is_archive"])
    assert "data_diff" not in archive

    markdown = render_markdown(report)
    assert "#### `analytics.scribe_users` — breaking" in markdown
    assert "⚠️ **Tableau marts affected:** `analytics.tableau_test_mart`" in markdown
    assert "⚠️ **Archives affected:** `archive.review_test_users_archived`" in markdown
    assert f"| {diff['against_rows']} | {diff['env_rows']} |" in markdown
    assert f"  - data diff: rows {mart_rows} in `prod` → " in markdown
    assert "@example.com" not in markdown and "Lovelace" not in markdown


def test_seed_change(workspace):
    seed = workspace.project / "seeds" / "data_careplatform_dimension_outcome.csv"
    lines = seed.read_text().splitlines()
    header, first = lines[0].split(","), lines[1].split(",")
    category = header.index("outcome_category")
    first[category] = "Navigation" if first[category] != "Navigation" else "Other"
    seed.write_text("\n".join([lines[0], ",".join(first), *lines[2:]]) + "\n")
    report = workspace.report()

    entry = _direct(report, "analytics.careplatform_dimension_outcome")
    assert entry["category"] == "breaking"
    assert "seed rows" in entry["reason"]
    diff = entry["data_diff"]
    assert diff["only_in_against"] == diff["only_in_env"] == 0
    assert diff["matched_rows"] == diff["fully_matching_rows"] + 1
    assert diff["column_match_pct"]["outcome_category"] < 100
    assert diff["column_match_pct"]["outcome"] == 100
    differing = dict(zip(diff["sample_differing"]["columns"], diff["sample_differing"]["rows"][0]))
    assert differing["outcome_raw"] == first[header.index("outcome_raw")]
    assert "`outcome_category`" in render_markdown(report)


def test_removed_model(workspace):
    workspace.file("tableau_test_mart").unlink()
    (workspace.project / "tests" / "test_tableau_test_mart.yaml").unlink()
    report = workspace.report()

    assert [m["name"] for m in report["removed"]] == ["analytics.tableau_test_mart"]
    assert not report["directly_modified"] and not report["added"]
    assert report["summary"].startswith("0 added · 1 removed · 0 directly modified")
    markdown = render_markdown(report)
    assert "### Removed models" in markdown and "`analytics.tableau_test_mart`" in markdown


def test_tableau_mart_change_is_called_out(workspace):
    workspace.edit(
        "tableau_test_mart",
        "    ON channels.user_id = users.user_id",
        "    ON channels.user_id = users.user_id\nWHERE\n    users.status = 'registered'",
    )
    dropped = workspace.query(
        "SELECT COUNT(*) FROM analytics.tableau_test_mart AS mart"
        " LEFT JOIN analytics.review_test_channels AS channels USING (episode_id)"
        " LEFT JOIN analytics.scribe_users AS users ON channels.user_id = users.user_id"
        " WHERE users.status IS DISTINCT FROM 'registered'"
    )
    assert dropped > 0, "the raw data has no channel of a non-registered patient"
    report = workspace.report()

    entry = _direct(report, "analytics.tableau_test_mart")
    assert entry["is_tableau"] and entry["category"] == "breaking"
    assert entry["data_diff"]["only_in_against"] == dropped
    assert report["tests"] == {"run": 1, "failed": 0, "failures": []}
    assert {a["audit"] for a in report["audits"]} == {"unique_values", "not_null"}
    assert all(a["status"] == "pass" for a in report["audits"])
    markdown = render_markdown(report)
    assert "#### `analytics.tableau_test_mart` — breaking — **Tableau mart**" in markdown
    assert "⚠️ **Tableau marts affected:** `analytics.tableau_test_mart`" in markdown
    assert "Unit tests of the changed models: 1 run, ✅ all passed" in markdown


def test_no_change(workspace, tmp_path):
    output = tmp_path / "review.md"
    import time_machine

    with time_machine.travel(workspace.now, tick=False):
        code = review(ENV, gateway="local", output=str(output), paths=workspace.project)
    assert code == 0
    text = output.read_text()
    assert "**Summary:** No changes: the working tree matches `prod`." in text
    assert "Directly modified" not in text
    # nothing was built: no dev environment was created
    assert ENV not in workspace.prod_state()["environments"]


# ------------------------------------------------------------------------------------------------
# errors, failures and the JSON format


def test_failing_unit_test_is_reported_and_fails_the_exit_code(workspace, tmp_path):
    workspace.edit("tableau_test_mart", 'users."language"::TEXT', 'LOWER(users."language")::TEXT')
    output = tmp_path / "review.json"
    import time_machine

    with time_machine.travel(workspace.now, tick=False):
        code = review(ENV, output=str(output), fmt="json", paths=workspace.project)
    report = json.loads(output.read_text())
    assert code == 1 and report["ok"] is False
    assert report["tests"]["run"] == 1 and report["tests"]["failed"] == 1
    assert "test_tableau_test_mart_joins_the_patient_language" in report["tests"]["failures"][0]["test"]


def test_missing_against_environment_is_a_one_line_error(workspace):
    workspace.edit("tableau_test_mart", "count_posts::BIGINT", "(count_posts + 1)::BIGINT")
    with pytest.raises(CatwalkError, match="environment 'staging' does not exist") as error:
        workspace.report(against="staging")
    assert "\n" not in str(error.value)


def test_project_that_does_not_load_is_a_one_line_error(workspace):
    workspace.edit("tableau_test_mart", "FROM analytics.review_test_channels", "FROM FROM")
    with pytest.raises(CatwalkError, match="does not load"):
        workspace.report()


def test_review_refuses_to_plan_into_prod(workspace):
    with pytest.raises(CatwalkError, match="never into 'prod'"):
        workspace.report(env="prod")


# ------------------------------------------------------------------------------------------------
# the other categories: metadata only, forward-only (SCD2 archive), and an added model


def test_metadata_only_change_and_added_model(workspace):
    workspace.edit("tableau_test_mart", "Test fixture of the review tests", "Fixture of the review tests")
    added = workspace.project / "models" / "table" / "review_test_added.sql"
    added.parent.mkdir(parents=True, exist_ok=True)
    added.write_text(
        "MODEL (name analytics.review_test_added, kind FULL, grain user_id, tags (table, pii),\n"
        "  audits (not_null(columns := (user_id))), description 'Fixture: users and emails.');\n"
        "SELECT user_id::TEXT AS user_id /* User */, email::TEXT AS email /* [PII] Email */\n"
        "FROM analytics.scribe_users\n"
    )
    users = workspace.query("SELECT COUNT(*) FROM analytics.scribe_users")
    report = workspace.report()

    entry = _direct(report, "analytics.tableau_test_mart")
    assert entry["category"] == "metadata only" and entry["data_diff"] is None
    assert not entry["rebuilt"] and "nothing is rebuilt" in entry["reason"]
    assert [m["name"] for m in report["added"]] == ["analytics.review_test_added"]
    assert report["added"][0]["data_diff"] == {"error": None, "env_rows": users}
    assert [m["name"] for m in report["backfill"]["models"]] == ["analytics.review_test_added"]
    assert report["summary"].endswith("backfill needed: 1 full refresh")
    audited = {(a["model"], a["audit"]) for a in report["audits"]}
    assert ("analytics.tableau_test_mart", "unique_values") in audited  # re-run on the mart
    assert ("analytics.review_test_added", "not_null") in audited
    markdown = render_markdown(report)
    assert "#### `analytics.tableau_test_mart` — metadata only — **Tableau mart**" in markdown
    assert f"- `analytics.review_test_added` (FULL) · {users} rows in `{ENV}`" in markdown


def test_archive_change_is_forward_only_and_diffed_against_its_preview(workspace):
    workspace.edit(
        "review_test_users_archived",
        "    , received_at::TIMESTAMPTZ AS received_at /* Last load */",
        "    , received_at::TIMESTAMPTZ AS received_at /* Last load */\n"
        "    , UPPER(status)::TEXT AS status_upper /* Status, upper case */",
    )
    report = workspace.report()

    entry = _direct(report, "archive.review_test_users_archived")
    assert entry["category"] == "forward-only" and entry["is_archive"]
    assert "prod keeps its table and history" in entry["reason"]
    diff = entry["data_diff"]
    assert diff["columns_added"] == [["status_upper", "TEXT"]]
    assert diff["on"] == ["user_id", "valid_from"] and diff["env_rows"] > 0
    assert report["backfill"]["models"][0]["preview"] is True
    markdown = render_markdown(report)
    assert "(preview, not reused in prod)" in markdown
    assert "⚠️ **Archives affected:** `archive.review_test_users_archived`" in markdown


def test_dropping_an_archive_column_is_refused_with_a_one_line_error(workspace):
    workspace.edit("review_test_users_archived", "    , status::TEXT AS status /* Status */\n", "")
    with pytest.raises(CatwalkError, match="destructive change to a forward-only model") as error:
        workspace.report()
    assert "\n" not in str(error.value) and "on_destructive_change" in str(error.value)


def test_cli_prints_a_one_line_error_without_traceback(review_prod, tmp_path, monkeypatch, capsys):
    import catwalk.logs
    import catwalk.project
    from catwalk.cli import main

    project, _ = review_prod
    monkeypatch.setattr(catwalk.project, "PROJECT_ROOT", project)
    monkeypatch.setenv("CATWALK_DUCKDB", str(tmp_path / "empty.duckdb"))  # no prod in there
    monkeypatch.setenv("CATWALK_LOG_FILE", str(tmp_path / "catwalk.log"))
    try:
        assert main(["review", ENV]) == 2
    finally:
        catwalk.logs.close()
    lines = capsys.readouterr().err.splitlines()
    assert lines[-1].startswith("catwalk: error: environment 'prod' does not exist")
    assert all(line.startswith("catwalk review: ") for line in lines[:-1]), lines  # progress
    assert "Traceback" not in "\n".join(lines)


def test_unreachable_warehouse_is_a_one_line_error(review_prod, monkeypatch):
    project, _ = review_prod
    monkeypatch.setenv("CATWALK_PG_HOST", "127.0.0.1")
    monkeypatch.setenv("CATWALK_PG_PORT", "1")  # nothing listens there
    with pytest.raises(CatwalkError, match="cannot read the SQLMesh state on gateway 'postgres'") as error:
        build_report(ENV, gateway="postgres", paths=project)
    assert "\n" not in str(error.value)


# ------------------------------------------------------------------------------------------------
# Postgres (the prod engine): the same review, table diff and masking through the postgres gateway


def _postgres_raw(settings: dict) -> None:
    import psycopg2
    import yaml

    declared = yaml.safe_load((PROJECT_ROOT / "external_models.yaml").read_text())
    connection = psycopg2.connect(**settings)
    connection.autocommit = True
    with connection.cursor() as cursor:
        for table in declared:
            if table["name"] not in ("scribe.users", "messaging.posts"):
                continue
            schema, name = table["name"].split(".")
            columns = ", ".join(
                f'"{c}" {"DOUBLE PRECISION" if t == "DOUBLE" else t}' for c, t in table["columns"].items()
            )
            cursor.execute(f"CREATE SCHEMA IF NOT EXISTS {schema}")
            cursor.execute(f'CREATE TABLE {schema}."{name}" ({columns})')
        for user_id, email, first, last, language, status in USERS:
            cursor.execute(
                "INSERT INTO scribe.users (id, email, first_name, last_name, gender, language, status,"
                " age, created_at, received_at) VALUES (%s, %s, %s, %s, 'F', %s, %s, 40,"
                " '2026-03-01 10:00:00+00', '2026-03-01 11:00:00+00')",
                (user_id, email, first, last, language, status),
            )
        for number, (post_id, channel, user_id, user_type, timestamp) in enumerate(POSTS):
            cursor.execute(
                "INSERT INTO messaging.posts (id, post_id, channel_id, user_id, user_type,"
                ' "timestamp", received_at, message_length) VALUES (%s, %s, %s, %s, %s, %s,'
                " %s::TIMESTAMPTZ + INTERVAL '1 hour', 10)",
                (f"e{number}", post_id, channel, user_id, user_type, timestamp, timestamp),
            )
    connection.close()


def _postgres_prod_contents(settings: dict) -> dict:
    import psycopg2

    connection = psycopg2.connect(**settings)
    try:
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT table_schema, table_name FROM information_schema.tables"
                " WHERE table_schema IN ('analytics', 'archive') ORDER BY 1, 2"
            )
            contents = {}
            for schema, name in cursor.fetchall():
                cursor.execute(f'SELECT * FROM {schema}."{name}"')
                contents[f"{schema}.{name}"] = sorted(map(repr, cursor.fetchall()))
            cursor.execute("SELECT plan_id FROM sqlmesh._environments WHERE name = 'prod'")
            contents["prod plan"] = cursor.fetchall()
    finally:
        connection.close()
    return contents


@pytest.mark.postgres
def test_breaking_change_reviewed_on_postgres(review_prod, pg_database, tmp_path, monkeypatch, tiny_window):
    import time_machine

    project = tmp_path / "project"
    shutil.copytree(review_prod[0], project, ignore=shutil.ignore_patterns("logs", ".cache"))
    for folder in ("tableau", "archive", "transform"):  # keep the two base models and the seed
        shutil.rmtree(project / "models" / folder, ignore_errors=True)
    (project / "tests" / "test_tableau_test_mart.yaml").unlink()
    _postgres_raw(pg_database)
    monkeypatch.setenv("CATWALK_START", tiny_window.start)
    with time_machine.travel(tiny_window.now, tick=False):
        context = open_context("postgres", project)
        context.plan("prod", auto_apply=True, no_prompts=True, skip_tests=True, skip_linter=True)
        context.close()
    before = _postgres_prod_contents(pg_database)

    path = next(project.joinpath("models").rglob("scribe_users.sql"))
    text = path.read_text()
    path.write_text(
        text.replace(
            "        NOT id IS NULL\n",
            "        NOT id IS NULL AND id <> (SELECT MIN(id) FROM scribe.users)\n",
            1,
        ).replace("    , email::TEXT AS email", "    , UPPER(email)::TEXT AS email", 1)
    )
    with time_machine.travel(tiny_window.now, tick=False):
        report = build_report(ENV, gateway="postgres", paths=project)

    entry = _direct(report, "analytics.scribe_users")
    assert entry["category"] == "breaking"
    diff = entry["data_diff"]
    assert (diff["against_rows"], diff["env_rows"], diff["only_in_against"]) == (4, 3, 1)
    row = dict(zip(diff["sample_only_in_against"]["columns"], diff["sample_only_in_against"]["rows"][0]))
    assert row["user_id"] == "u1" and row["email"] == "***"  # a changed column, shown and masked
    differing = diff["sample_differing"]
    assert {"PROD__email", "PR_7__email"} <= set(differing["columns"])
    assert {row[differing["columns"].index("PR_7__email")] for row in differing["rows"]} == {"***"}
    markdown = render_markdown(report)
    assert "ada@example.com" not in markdown and "BOB@EXAMPLE.COM" not in markdown
    assert _postgres_prod_contents(pg_database) == before


# ------------------------------------------------------------------------------------------------
# audits run as the plan runs them: with the plan's execution time, over the plan's batches


@pytest.fixture(scope="module")
def chats_prod(request, tmp_path_factory, tiny_window):
    """The project reduced to analytics.chats and its upstream, prod applied (shared)."""
    return _build_prod(request, tmp_path_factory.mktemp("chats_prod"), tiny_window, ("chats",))


@pytest.fixture
def chats_workspace(chats_prod, tmp_path, monkeypatch, tiny_window):
    yield from _workspace(chats_prod, tmp_path, monkeypatch, tiny_window)


def test_column_added_to_chats_passes_its_execution_time_audit(chats_workspace, tmp_path):
    """assert_chats_none_today reads @execution_ts: run without it (the epoch), every row fails."""
    import time_machine

    chats_workspace.edit(
        "chats",
        "    , date_day_est::DATE AS date_day_est /* Montreal local day of the chat */\n",
        "    , date_day_est::DATE AS date_day_est /* Montreal local day of the chat */\n"
        "    , LENGTH(episode_id)::INT AS episode_id_length /* Characters of the episode id */\n",
    )
    output = tmp_path / "review.json"
    with time_machine.travel(chats_workspace.now, tick=False):
        code = review(ENV, output=str(output), fmt="json", paths=chats_workspace.project)
    report = json.loads(output.read_text())
    audits = {a["audit"]: a for a in report["audits"] if a["model"] == "analytics.chats"}
    assert audits["assert_chats_none_today"]["status"] == "pass", audits["assert_chats_none_today"]
    assert all(a["status"] == "pass" for a in report["audits"]), report["audits"]
    assert code == 0 and report["ok"]


def _add_mart_audit(workspace, audit: str) -> int:
    """Add AUDIT to the Tableau mart fixture; returns the mart rows with 5 posts or fewer."""
    workspace.edit(
        "tableau_test_mart",
        "not_null(columns := (episode_id))),",
        f"not_null(columns := (episode_id)), {audit}),",
    )
    single = workspace.query("SELECT COUNT(*) FROM analytics.tableau_test_mart WHERE count_posts <= 5")
    assert single > 0, "the raw data has no channel with 5 posts or fewer"
    return single


def test_non_blocking_audit_flags_rows_without_failing_the_review(workspace):
    single = _add_mart_audit(workspace, "forall(criteria := (count_posts > 5), blocking := false)")
    report = workspace.report()

    audit = next(a for a in report["audits"] if a["audit"] == "forall")
    assert (audit["status"], audit["blocking"], audit["failing_rows"]) == ("fail", False, single)
    assert report["ok"] and report["apply"]["ok"]
    assert f"`forall` (non-blocking): {single} failing rows" in render_markdown(report)


def test_blocking_audit_failure_is_named_in_the_report(workspace):
    single = _add_mart_audit(workspace, "forall(criteria := (count_posts > 5))")
    report = workspace.report()

    assert not report["apply"]["ok"] and not report["ok"]
    audit = next(a for a in report["audits"] if a["audit"] == "forall")
    assert (audit["status"], audit["blocking"], audit["failing_rows"]) == ("fail", True, single)
    markdown = render_markdown(report)
    assert f"`analytics.tableau_test_mart` `forall` (blocking): {single} failing rows" in markdown


# ------------------------------------------------------------------------------------------------
# "rebuilt" follows the environment's table versions, also when the environment was planned before


def test_environment_planned_before_the_review_reports_its_rebuilt_children(workspace):
    import time_machine

    workspace.edit(
        "scribe_users",
        "        NOT id IS NULL\n",
        "        NOT id IS NULL AND id <> (SELECT MIN(id) FROM scribe.users)\n",
    )
    with time_machine.travel(workspace.now, tick=False):  # `sqlmesh plan pr_7` by the developer
        context = open_context("local", workspace.project)
        context.plan(ENV, auto_apply=True, no_prompts=True, skip_tests=True, skip_linter=True)
        context.close()
    report = workspace.report()

    assert _direct(report, "analytics.scribe_users")["rebuilt"] is True
    rebuilt = {m["name"]: m["rebuilt"] for m in report["indirectly_modified"]}
    assert rebuilt == {"analytics.tableau_test_mart": True, "archive.review_test_users_archived": True}
    assert "no backfill needed" not in report["summary"]
    markdown = render_markdown(report)
    assert "reuses prod data" not in markdown
    assert "`archive.review_test_users_archived` — **archive**: indirect breaking, rebuilt as a dev preview" in markdown


def test_a_change_sqlmesh_cannot_categorize_says_why():
    from sqlmesh.core.dialect import parse
    from sqlmesh.core.model import load_sql_based_model

    from catwalk.review.changes import reason

    def model(sql):
        return load_sql_based_model(parse(f"MODEL (name a.m, kind FULL); {sql}"), dialect="duckdb")

    old, new = model("SELECT * FROM raw.t"), model("SELECT *, 1 AS x FROM raw.t")
    text = reason("uncategorized", new, old)
    assert text.startswith("SQLMesh could not categorize this change: ")
    assert "does not know the columns of this model" in text and "chooses breaking" in text
    assert "does not know the columns" in reason("breaking", new, old)
    typed = model("SELECT 1::INT AS x")
    assert "only recognises a change that adds columns" in reason("uncategorized", typed, model("SELECT 2::INT AS x"))


# ------------------------------------------------------------------------------------------------
# stderr carries progress and one-line messages, never SQL: library logs go to the log file


def _catwalk_subprocess(project: Path, argv: list[str], now: str, log: Path, prelude: str = ""):
    """`catwalk ARGV` in a fresh process (no pytest log capture) on PROJECT at the frozen NOW."""
    import subprocess
    import sys

    script = textwrap.dedent(f"""
        import sys
        from pathlib import Path

        import time_machine

        import catwalk.project
        catwalk.project.PROJECT_ROOT = Path({str(project)!r})
        from catwalk.cli import main
        {prelude}
        with time_machine.travel({now!r}, tick=False):
            sys.exit(main({argv!r}))
    """)
    return subprocess.run(
        [sys.executable, "-c", script], env={**os.environ, "CATWALK_LOG_FILE": str(log)},
        cwd=project, capture_output=True, text=True, timeout=600,
    )


def test_review_stderr_shows_progress_and_no_sql(workspace, tmp_path):
    workspace.edit(
        "scribe_users",
        "        NOT id IS NULL\n",
        "        NOT id IS NULL AND id <> (SELECT MIN(id) FROM scribe.users)\n",
    )
    log, output = tmp_path / "logs" / "catwalk.log", tmp_path / "review.md"
    result = _catwalk_subprocess(
        workspace.project, ["review", ENV, "--output", str(output)], workspace.now, log
    )
    assert result.returncode == 0, result.stderr[-3000:]
    assert "Executing SQL" not in result.stderr and "SELECT" not in result.stderr
    lines = result.stderr.splitlines()
    assert any(line.startswith("catwalk review: data diff of pr_7") for line in lines), lines
    assert all(line.startswith("catwalk") for line in lines), lines
    assert "Executing SQL" in log.read_text()  # the table diff's queries, kept for debugging
    assert "#### `analytics.scribe_users` — breaking" in output.read_text()


NOISY_DEMO = r"""
import logging, warnings
import catwalk.demo
from sqlmesh.core.console import TerminalConsole

def noisy_demo(scale, seed):
    warnings.warn("Series.fillna with 'method' is deprecated", FutureWarning)
    logging.getLogger("sqlglot").warning("EXTRACT from TIMESTAMPTZ may produce different results")
    TerminalConsole().log_warning(
        "analytics.chats: 'forall' audit error: 3 rows failed.",
        "analytics.chats: 'forall' audit error: 3 rows failed. Audit query:\nSELECT * FROM chats",
    )
    logging.getLogger("sqlmesh.core.engine_adapter.base").info("Executing SQL: SELECT " + "x, " * 20000)
    return 0

catwalk.demo.demo = noisy_demo
"""


def test_demo_warnings_go_to_the_log_file_with_one_summary_line(tmp_path):
    """The noise `make demo` printed: a pandas FutureWarning, a SQLGlot warning and a
    non-blocking audit's whole query; all in the log file, one counted line on stderr."""
    log = tmp_path / "catwalk.log"
    result = _catwalk_subprocess(
        PROJECT_ROOT, ["demo"], "2026-03-16 07:30:00+00:00", log, prelude=NOISY_DEMO.replace("\n", "\n        ")
    )
    assert result.returncode == 0, result.stderr
    assert result.stderr.splitlines() == [f"catwalk: 3 library warnings (SQLMesh, SQLGlot, pandas) written to {log}"]
    assert "SELECT" not in result.stdout and "forall" in result.stdout  # the console's short line
    text = log.read_text()
    assert "FutureWarning" in text and "EXTRACT from TIMESTAMPTZ" in text
    assert "Audit query:\nSELECT * FROM chats" in text
    assert "Executing SQL: SELECT x, x," in text and "… (58022 more characters)" in text
    assert len(text) < 10_000  # the 60 KB statement is cut


def test_samples_show_the_grain_changed_and_a_few_context_columns_with_dates_as_dates(chats_workspace):
    chats_workspace.edit(
        "chats",
        "    , DATE_TRUNC('WEEK', date_day_est)::DATE AS date_week /*",
        "    , (DATE_TRUNC('WEEK', date_day_est)::DATE + 1)::DATE AS date_week /*",
    )
    report = chats_workspace.report()

    diff = _direct(report, "analytics.chats")["data_diff"]
    assert [c for c, p in diff["column_match_pct"].items() if p < 100] == ["date_week"]
    sample = diff["sample_differing"]
    assert sample["columns"] == ["chat_id", "PROD__date_week", "PR_7__date_week"], sample["columns"]
    for row in sample["rows"]:
        prod, dev = row[1], row[2]
        assert re.fullmatch(r"\d{4}-\d{2}-\d{2}", prod) and re.fullmatch(r"\d{4}-\d{2}-\d{2}", dev)
    assert report["ok"], report["audits"]
