"""`make demo` never promotes uncommitted edits of the project silently (issue 15 point 8)."""

from __future__ import annotations

import io
import subprocess

from catwalk.demo import demo


def _repository(tmp_path):
    root = tmp_path / "checkout"
    (root / "models" / "table").mkdir(parents=True)
    model = root / "models" / "table" / "accounts.sql"
    model.write_text("MODEL (name analytics.accounts, kind FULL);\nSELECT 1 AS account_id\n")
    for command in (
        ["git", "init", "-q"],
        ["git", "add", "."],
        ["git", "-c", "user.name=t", "-c", "user.email=t@example.com", "commit", "-qm", "init"],
    ):
        subprocess.run(command, cwd=root, check=True)
    return root, model


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_demo_stops_on_uncommitted_model_changes_and_points_to_a_dev_plan(tmp_path, monkeypatch):
    root, model = _repository(tmp_path)
    database = tmp_path / "demo.duckdb"
    monkeypatch.setenv("CATWALK_DUCKDB", str(database))
    model.write_text(model.read_text().replace("1 AS account_id", "'1' AS account_id"))

    out = io.StringIO()
    assert demo(paths=root, stdin=io.StringIO(), out=out) == 1
    message = out.getvalue()
    assert "models/table/accounts.sql" in message and "sqlmesh plan dev" in message
    assert not database.exists()  # nothing generated, nothing planned

    # On a terminal it asks; anything but yes stops.
    monkeypatch.setattr("builtins.input", lambda prompt: "n")
    assert demo(paths=root, stdin=_Terminal(), out=io.StringIO()) == 1
    assert not database.exists()


def test_demo_proceeds_past_the_guard_on_a_clean_tree(tmp_path, monkeypatch):
    from catwalk import demo as module

    root, _model = _repository(tmp_path)
    assert module.uncommitted_changes(root) == []
    (root / "models" / "table" / "new_model.sql").write_text("MODEL (name analytics.n, kind FULL);\nSELECT 1 AS n\n")
    assert module.uncommitted_changes(root) == ["models/table/new_model.sql"]


def test_demo_does_not_plan_while_a_run_holds_the_lock(tmp_path, monkeypatch):
    from catwalk.lock import FileRunLock

    root, _model = _repository(tmp_path)
    database = tmp_path / "demo.duckdb"
    monkeypatch.setenv("CATWALK_DUCKDB", str(database))
    out = io.StringIO()
    with FileRunLock(tmp_path / "demo.duckdb.run.lock"):
        assert demo(paths=root, stdin=io.StringIO(), out=out) == 75
    assert "a catwalk run is in progress" in out.getvalue()
    assert not database.exists()
