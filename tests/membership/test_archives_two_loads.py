"""The six archives over two loads, fast (part of `make test`).

A reduced project (the five Scribe base models, the test-users seed, the six archive models and a
stand-in for the NPS send list) on a copy of the shared tiny raw warehouse. After the first build
(frozen clock), the raw replicas are edited as a loader would: in every Scribe table one row
changes (new `imported_at` / `received_at` and a new value) and one row disappears; the NPS send
list is replaced by the next day's list. A second run must give exactly:
- the changed row: its version closed at the new updated_at and a new open version from it;
- the deleted row: its open version closed at the run's execution time;
- every other row: nothing added, nothing changed;
- NPS log: the earlier list stays, the new list is added, nothing is closed.
A third run without any raw change adds nothing. The full simulated fortnight is the slow
`test_archives.py`.
"""

from __future__ import annotations

import shutil
from datetime import datetime, timezone

import duckdb

from catwalk.project import PROJECT_ROOT, copy_project, copy_warehouse
from membership_helpers import rows

FIRST_RUN = "2026-03-16 07:30:00+00:00"
SECOND_RUN = "2026-03-16 18:30:00+00:00"
THIRD_RUN = "2026-03-17 07:30:00+00:00"
CHANGED_AT = "2026-03-16 17:45:00+00:00"  # the afternoon replica load

MODELS = (
    "models/base/scribe/scribe_plans.sql", "models/base/scribe/scribe_contracts.sql",
    "models/base/scribe/scribe_organizations.sql", "models/base/scribe/scribe_plan_features.sql",
    "models/base/scribe/scribe_users.sql", "models/base/scribe/scribe_test_users.sql",
    "models/archive/scribe_plans_archived.sql", "models/archive/scribe_contracts_archived.sql",
    "models/archive/scribe_organizations_archived.sql", "models/archive/scribe_plan_features_archived.sql",
    "models/archive/scribe_users_archived.sql", "models/archive/nps_patient_list_archived.sql",
)

# archive, raw table, key columns (archive names), the same keys in the raw table, updated_at
# column (archive, raw), and the raw value that changes.
SCRIBE = (
    ("archive.scribe_plans_archived", "scribe.plan", ("plan_id",), ("id",), "imported_at", "imported_at",
     "charge_price = COALESCE(charge_price, 0) + 1"),
    ("archive.scribe_contracts_archived", "scribe.contract", ("contract_id",), ("id",), "imported_at", "imported_at",
     "admin_area_name = CASE WHEN admin_area_name = 'Ontario' THEN 'Alberta' ELSE 'Ontario' END"),
    ("archive.scribe_organizations_archived", "scribe.organization", ("organization_id",), ("id",), "imported_at",
     "imported_at", "name = name || ' (renamed)'"),
    ("archive.scribe_plan_features_archived", "scribe.plan_feature", ("plan_id", "feature_id"), ("plan_id", "feature_id"),
     "imported_at", "imported_at", "created = created"),
    ("archive.scribe_users_archived", "scribe.users", ("user_id",), ("id",), "received_at", "received_at",
     "language = CASE WHEN language = 'fr' THEN 'en' ELSE 'fr' END"),
)

NPS_LIST_MODEL = """
MODEL (
    name analytics.nps_patient_list,
    kind FULL,
    cron '0 7,18 * * *',
    owner analytics,
    grain user_id,
    tags (base, nps, pii),
    description 'Test stand-in for the NPS send list: the rows of fixture.nps_patient_list.'
);

SELECT
    user_id::TEXT AS user_id /* Scribe user id */
    , email::TEXT AS email /* [PII] Email */
    , first_name::TEXT AS first_name /* [PII] First name */
    , locale::TEXT AS locale /* en or fr */
    , episode_id::TEXT AS episode_id /* Episode */
    , last_post_day_est::DATE AS last_post_day_est /* Last post day */
    , "timestamp"::TIMESTAMPTZ AS "timestamp" /* Run time of the list */
FROM fixture.nps_patient_list
"""


def _utc(text: str) -> datetime:
    return datetime.fromisoformat(text).astimezone(timezone.utc)


def _build_project(target):
    copy_project(target, include_models=False)
    for relative in MODELS:
        (target / relative).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy(PROJECT_ROOT / relative, target / relative)
    (target / "models/base/fixture").mkdir(parents=True)
    (target / "models/base/fixture/nps_patient_list.sql").write_text(NPS_LIST_MODEL)
    return target


def _write_nps_list(database, run_time: str, users: tuple[str, ...]) -> None:
    with duckdb.connect(str(database)) as connection:
        connection.execute("CREATE SCHEMA IF NOT EXISTS fixture")
        connection.execute(
            "CREATE OR REPLACE TABLE fixture.nps_patient_list (user_id TEXT, email TEXT, first_name TEXT,"
            " locale TEXT, episode_id TEXT, last_post_day_est DATE, \"timestamp\" TIMESTAMPTZ)"
        )
        for user in users:
            connection.execute(
                "INSERT INTO fixture.nps_patient_list VALUES (?, ?, 'Pat', 'en', ?, DATE '2026-03-08', ?::TIMESTAMPTZ)",
                [user, f"{user}@example.com", f"episode-{user}", run_time],
            )


def _edit_raw(database, first: dict[str, list[tuple]]) -> dict[str, tuple[tuple, tuple]]:
    """In each Scribe raw table, change the row of the archive's first key and delete the row of its
    last key; returns the (changed, deleted) keys per archive."""
    edited = {}
    with duckdb.connect(str(database)) as connection:
        for archive, table, keys, raw_keys, _, raw_updated_at, change in SCRIBE:
            changed, deleted = first[archive][0][: len(keys)], first[archive][-1][: len(keys)]
            match = " AND ".join(f"{column} = ?" for column in raw_keys)
            connection.execute(
                f"UPDATE {table} SET {change}, {raw_updated_at} = ?::TIMESTAMPTZ WHERE {match}",
                [CHANGED_AT, *changed],
            )
            connection.execute(f"DELETE FROM {table} WHERE {match}", list(deleted))
            edited[archive] = (changed, deleted)
    return edited


def _plain(value):
    """Python values (pandas timestamps and numpy integers become datetime and int)."""
    if hasattr(value, "to_pydatetime"):
        return value.to_pydatetime()
    return value if value is None or isinstance(value, (str, datetime)) else int(value)


def _history(context, archive: str, keys: tuple[str, ...], updated_at: str) -> list[tuple]:
    columns = ", ".join((*keys, updated_at, "valid_from", "valid_to"))
    found = (tuple(_plain(value) for value in row) for row in rows(context, f"SELECT {columns} FROM {archive}"))
    return sorted(found, key=lambda row: (row[: len(keys)], repr(row[len(keys):])))


def test_six_archives_over_two_loads(tmp_path, tiny_warehouse, monkeypatch):
    import time_machine

    from catwalk.project import open_context

    project = _build_project(tmp_path / "project")
    database = copy_warehouse(tiny_warehouse, tmp_path)
    monkeypatch.setenv("CATWALK_DUCKDB", str(database))
    monkeypatch.setenv("CATWALK_START", "2026-03-02")
    _write_nps_list(database, FIRST_RUN, ("u1", "u2"))
    with time_machine.travel(FIRST_RUN, tick=False):
        context = open_context(gateway="local", paths=project, load_tests=False)
        context.plan("prod", auto_apply=True, no_prompts=True, skip_tests=True, skip_linter=True)
    first = {archive: _history(context, archive, keys, updated_at) for archive, _, keys, _, updated_at, _, _ in SCRIBE}
    assert all(len(history) > 2 and all(row[-1] is None for row in history) for history in first.values())
    first_nps = rows(context, 'SELECT user_id, "timestamp", valid_to FROM archive.nps_patient_list_archived ORDER BY 1')
    assert first_nps == [("u1", _utc(FIRST_RUN), None), ("u2", _utc(FIRST_RUN), None)]
    context.close()

    edited = _edit_raw(database, first)
    _write_nps_list(database, SECOND_RUN, ("u2", "u3"))
    with time_machine.travel(SECOND_RUN, tick=False):
        context = open_context(gateway="local", paths=project, load_tests=False)
        assert not context.run().is_failure
    for archive, _, keys, _, updated_at, _, _ in SCRIBE:
        changed, deleted = edited[archive]
        expected = []
        for row in first[archive]:
            key, version = row[: len(keys)], list(row)
            if key == changed:
                version[-1] = _utc(CHANGED_AT)  # closed by the new version
                expected.append((*key, _utc(CHANGED_AT), _utc(CHANGED_AT), None))
            elif key == deleted:
                version[-1] = _utc(SECOND_RUN)  # hard delete: closed at the run's execution time
            expected.append(tuple(version))
        assert sorted(_history(context, archive, keys, updated_at), key=repr) == sorted(expected, key=repr), archive
    # The NPS log keeps the earlier list and adds the new one: nothing is closed.
    assert rows(context, 'SELECT user_id, "timestamp", valid_to FROM archive.nps_patient_list_archived ORDER BY 1, 2') == [
        ("u1", _utc(FIRST_RUN), None), ("u2", _utc(FIRST_RUN), None),
        ("u2", _utc(SECOND_RUN), None), ("u3", _utc(SECOND_RUN), None),
    ]
    second = {archive: rows(context, f"SELECT * FROM {archive} ORDER BY ALL") for archive, *_ in SCRIBE}
    second_nps = rows(context, "SELECT * FROM archive.nps_patient_list_archived ORDER BY ALL")
    context.close()

    # A run with no change in any source adds nothing.
    with time_machine.travel(THIRD_RUN, tick=False):
        context = open_context(gateway="local", paths=project, load_tests=False)
        assert not context.run().is_failure
    for archive, *_ in SCRIBE:
        assert rows(context, f"SELECT * FROM {archive} ORDER BY ALL") == second[archive], archive
    assert rows(context, "SELECT * FROM archive.nps_patient_list_archived ORDER BY ALL") == second_nps
    context.close()
