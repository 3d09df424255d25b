"""Non-blocking audits that warn about bad input the loaders really deliver, and name it.

Each audit is rendered exactly as SQLMesh runs it on its model (`render_audit_query`), against a
small hand-made table standing in for the model, in an in-memory DuckDB."""

from __future__ import annotations

import duckdb
import pytest

from catwalk.project import open_context


@pytest.fixture(scope="module")
def project():
    context = open_context(load_state=False, load_tests=False)
    yield context
    context.close()


def _audit_rows(project, model_name: str, audit_name: str, connection, table: str) -> list[tuple]:
    model = project.get_model(model_name)
    audit = model.audit_definitions[audit_name]
    arguments = dict(next(args for name, args in model.audits if name == audit_name))
    assert not audit.blocking, f"{audit_name} must warn, not stop prod"
    query = model.render_audit_query(
        audit, this_model=table, start="2026-03-01", end="2026-03-31", execution_time="2026-04-01", **arguments
    )
    return sorted(connection.execute(query.sql(dialect="duckdb")).fetchall())


def test_unknown_outcome_values_are_named(project):
    connection = duckdb.connect()
    connection.execute("ATTACH ':memory:' AS catwalk")  # the project's DuckDB catalog
    connection.execute("CREATE SCHEMA catwalk.analytics")
    connection.execute(
        "CREATE TABLE catwalk.analytics.careplatform_dimension_outcome AS"
        " SELECT * FROM (VALUES ('care_plan', 'care_plan', 'Diagnostic', TRUE))"
        " AS t(outcome_raw, outcome, outcome_category, is_valid_outcome)"
    )
    connection.execute(
        "CREATE TABLE outcome_set AS SELECT * FROM (VALUES"
        " ('e1', 'care_plan', 'care_plan'), ('e2', 'brand_new', 'unknown'),"
        " ('e3', 'brand_new', 'unknown'), ('e4', 'typo_plan', 'unknown'))"
        " AS t(episode_id, outcome_raw, outcome)"
        " CROSS JOIN (SELECT TIMESTAMPTZ '2026-03-10 14:00:00+00' AS \"timestamp\")"
    )
    rows = _audit_rows(project, "analytics.careplatform_outcome_set", "assert_outcomes_known", connection, "outcome_set")
    assert rows == [("brand_new", 2, "e2"), ("typo_plan", 1, "e4")]


def test_invalid_shift_times_are_named(project):
    connection = duckdb.connect()
    connection.execute(
        "CREATE TABLE shifts AS SELECT shift_id, start_time::TIMESTAMPTZ AS start_time,"
        " end_time::TIMESTAMPTZ AS end_time, break_time FROM (VALUES"
        " (1, '2026-03-10 13:00:00+00', '2026-03-10 21:00:00+00', 0.5),"
        " (2, '2026-03-10 13:00:00+00', '2026-03-10 12:00:00+00', 0.0),"
        " (3, '2026-03-10 13:00:00+00', '2026-03-10 17:00:00+00', -1.0),"
        " (4, '2026-03-10 13:00:00+00', '2026-03-10 14:00:00+00', 1.5))"
        " AS t(shift_id, start_time, end_time, break_time)"
    )
    rows = _audit_rows(project, "analytics.wiw_shifts", "assert_wiw_shifts_valid_times", connection, "shifts")
    assert [(row[0], row[-1]) for row in rows] == [
        (2, "ends before it starts"), (3, "negative break"), (4, "break longer than the shift"),
    ]


def test_calls_ending_before_they_start_are_named(project):
    connection = duckdb.connect()
    connection.execute(
        "CREATE TABLE calls AS SELECT call_id, user_id, started_at::TIMESTAMPTZ AS started_at,"
        " ended_at::TIMESTAMPTZ AS ended_at FROM (VALUES"
        " ('c1', 'nc1', '2026-03-10 15:00:00+00', '2026-03-10 15:10:00+00'),"
        " ('c2', 'nc1', '2026-03-10 16:00:00+00', '2026-03-10 15:59:00+00'),"
        " ('c3', 'nc2', '2026-03-10 17:00:00+00', NULL))"
        " AS t(call_id, user_id, started_at, ended_at)"
    )
    rows = _audit_rows(project, "analytics.telephone_calls", "assert_calls_end_after_start", connection, "calls")
    assert [row[0] for row in rows] == ["c2"]


def test_questionnaires_completed_before_they_start_are_named(project):
    connection = duckdb.connect()
    connection.execute(
        "CREATE TABLE instances AS SELECT qnaire_tid, started_at::TIMESTAMPTZ AS started_at,"
        " completed_at::TIMESTAMPTZ AS completed_at FROM (VALUES"
        " ('q1', '2026-03-10 15:00:00+00', '2026-03-10 15:10:00+00'),"
        " ('q2', '2026-03-10 16:00:00+00', '2026-03-10 15:59:00+00'),"
        " ('q3', NULL, '2026-03-10 15:59:00+00'))"
        " AS t(qnaire_tid, started_at, completed_at)"
    )
    rows = _audit_rows(
        project, "analytics.countdown_qnaire_completion_stats", "assert_countdown_completion_after_start",
        connection, "instances",
    )
    assert [row[0] for row in rows] == ["q2"]
