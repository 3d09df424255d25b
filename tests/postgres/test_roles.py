"""Least-privilege roles on the real local Postgres, and secrets kept out of error messages."""

from __future__ import annotations

import psycopg2
import pytest

from catwalk.postgres import READER, setup_roles
from catwalk.project import CatwalkError, connect_postgres

pytestmark = pytest.mark.postgres


def _readable(settings: dict, tables: list[str]) -> set[str]:
    """The tables of `tables` the Tableau reader can select from (one session of its own)."""
    connection = psycopg2.connect(host=settings["host"], port=settings["port"], user=READER, dbname=settings["dbname"])
    connection.autocommit = True  # a refused SELECT does not abort the next one
    readable = set()
    try:
        with connection.cursor() as cursor:
            for table in tables:
                try:
                    cursor.execute(f"SELECT 1 FROM {table} LIMIT 1")
                    readable.add(table)
                except psycopg2.errors.InsufficientPrivilege:
                    pass
    finally:
        connection.close()
    return readable


def _can_select(settings: dict, table: str) -> bool:
    return table in _readable(settings, [table])


def _physical_table(settings: dict) -> str:
    connection = psycopg2.connect(host=settings["host"], port=settings["port"], user="postgres", dbname=settings["dbname"])
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT table_schema || '.' || table_name FROM information_schema.tables"
            " WHERE table_schema LIKE 'sqlmesh\\_\\_%' AND table_type = 'BASE TABLE' LIMIT 1"
        )
        (name,) = cursor.fetchone()
    connection.close()
    return name


def _models_by_pii(context) -> tuple[list[str], list[str]]:
    """(person-free, pii) prod views of schema analytics."""
    free, pii = [], []
    for model in context.models.values():
        if model.kind.is_external or not model.name.startswith("analytics."):
            continue
        (pii if "pii" in model.tags else free).append(model.name)
    return sorted(free), sorted(pii)


def _create_run_log_as_transformer(settings: dict) -> None:
    connection = psycopg2.connect(**{k: v for k, v in settings.items() if v != ""})
    connection.autocommit = True
    with connection.cursor() as cursor:
        cursor.execute("CREATE TABLE IF NOT EXISTS meta.run_log (run_id TEXT, status TEXT)")
    connection.close()


def test_tableau_reader_reads_person_free_prod_views_only(tiny_prod_postgres, tmp_path):
    import time_machine

    from catwalk.project import copy_project, open_context

    context, settings = tiny_prod_postgres
    admin = {**settings, "user": "postgres"}
    free, pii = _models_by_pii(context)
    assert len(pii) >= 15 and len(free) >= 100
    assert set(free) - _readable(settings, free) == set()
    assert _readable(settings, pii) == set()
    assert not _can_select(settings, "scribe.users")
    assert not _can_select(settings, "messaging.posts")
    assert not _can_select(settings, _physical_table(settings))
    assert not _can_select(settings, "archive.scribe_contracts_archived")
    _create_run_log_as_transformer(settings)  # what the first `catwalk run` does
    assert _can_select(settings, "meta.run_log")

    # A dev environment: its schema is not readable by Tableau.
    project = copy_project(tmp_path / "project")
    leaf = project / "models" / "table" / "zz_roles_probe.sql"
    leaf.write_text(
        "MODEL (name analytics.zz_roles_probe, kind FULL, owner analytics, grain episode_id, tags (table),\n"
        "  audits (not_null(columns := (episode_id))),\n"
        "  description 'Probe model of the roles test: one row per episode id.');\n"
        "SELECT episode_id /* Episode */ FROM analytics.messaging_channels\n"
    )
    import os

    saved = {k: os.environ.get(k) for k in ("CATWALK_PG_DATABASE", "CATWALK_PG_USER", "CATWALK_START")}
    os.environ.update({"CATWALK_PG_DATABASE": settings["dbname"], "CATWALK_PG_USER": settings["user"],
                       "CATWALK_START": "2026-03-02"})
    try:
        with time_machine.travel("2026-03-16 07:30:00+00:00", tick=False):
            second = open_context(gateway="postgres", paths=project, load_tests=False)
            second.plan("roles_dev", auto_apply=True, no_prompts=True, skip_tests=True)
            assert not _can_select(settings, "analytics__roles_dev.zz_roles_probe")
            assert not _can_select(settings, "analytics__roles_dev.episodes")
            # Second promotion to prod: a new view created by transformer is readable at once,
            # and the existing views still are.
            second.plan("prod", auto_apply=True, no_prompts=True, skip_tests=True)
    finally:
        for key, value in saved.items():
            if value is None:
                os.environ.pop(key, None)
            else:
                os.environ[key] = value
    assert _can_select(settings, "analytics.zz_roles_probe")
    assert set(free) - _readable(settings, free) == set()
    assert _readable(settings, pii) == set()
    assert not _can_select(settings, "scribe.users")
    setup_roles(admin)  # idempotent: a second run changes nothing and does not fail
    assert _can_select(settings, "analytics.episodes")
    assert not _can_select(settings, "analytics.chats")
    assert _can_select(settings, "meta.run_log")


def test_setup_roles_revokes_the_blanket_grant_of_earlier_versions(tiny_prod_postgres):
    context, settings = tiny_prod_postgres
    admin = {**settings, "user": "postgres"}
    connection = psycopg2.connect(**{k: v for k, v in admin.items() if v != ""})
    connection.autocommit = True
    with connection.cursor() as cursor:  # what setup-roles used to do
        cursor.execute(f"GRANT SELECT ON ALL TABLES IN SCHEMA analytics TO {READER}")
    connection.close()
    assert _can_select(settings, "analytics.chats")
    setup_roles(admin)
    assert not _can_select(settings, "analytics.chats")
    assert _can_select(settings, "analytics.episodes")


def test_wrong_password_error_names_the_target_but_not_the_password(pg_database, monkeypatch):
    secret = "S3cret-Do-Not-Print"
    settings = {**pg_database, "user": "catwalk_nobody", "password": secret}
    with pytest.raises(CatwalkError) as error:
        connect_postgres(settings)
    message = str(error.value)
    assert secret not in message
    assert "catwalk_nobody@127.0.0.1:5432/" in message and pg_database["dbname"] in message


def test_cli_connection_failure_is_one_line_without_password(monkeypatch, capsys):
    from catwalk.cli import main

    secret = "An0ther-S3cret"
    monkeypatch.setenv("CATWALK_PG_HOST", "127.0.0.1")
    monkeypatch.setenv("CATWALK_PG_PORT", "1")  # nothing listens there
    monkeypatch.setenv("CATWALK_PG_USER", "analyst")
    monkeypatch.setenv("CATWALK_PG_PASSWORD", secret)
    monkeypatch.setenv("CATWALK_PG_DATABASE", "analytics")
    code = main(["postgres", "setup-roles"])
    err = capsys.readouterr().err
    assert code != 0
    assert len(err.strip().splitlines()) == 1, err
    assert "analyst@127.0.0.1:1/analytics" in err and secret not in err
