"""Archive history of the Scribe SCD2 archives over a simulated fortnight of loads.

The tiny warehouse ends on 2026-03-16; its world continues for 14 more days, delivered by
`catwalk.warehouse.load(until=...)`: a plan changes price and strategy, contracts end, users change
language and an organization is deleted. After each load the prod run (`Context.run()`, frozen
clock just after the 07:00 UTC schedule) must leave every archive exactly equal to an independent
oracle of SCD type 2 semantics over what the source showed at each run, and the generator's ground
truth changes must appear in it. A run with nothing new adds nothing, and a dev plan of a changed
archive model leaves the prod archive table untouched.
"""

from __future__ import annotations

import os
from datetime import datetime, timedelta, timezone

import pytest

from catwalk.project import copy_warehouse
from membership_helpers import copy_membership_project, rows

pytestmark = pytest.mark.slow  # builds its own warehouse and prod; `make test-all` runs it

OPEN_ENDED = datetime(9999, 12, 31, 23, 59, 59, 999999, tzinfo=timezone.utc)
# (archive, source model, key columns, updated_at column)
ARCHIVES = (
    ("archive.scribe_contracts_archived", "analytics.scribe_contracts", ("contract_id",), "imported_at"),
    ("archive.scribe_organizations_archived", "analytics.scribe_organizations", ("organization_id",), "imported_at"),
    ("archive.scribe_plans_archived", "analytics.scribe_plans", ("plan_id",), "imported_at"),
    ("archive.scribe_plan_features_archived", "analytics.scribe_plan_features", ("plan_id", "feature_id"), "imported_at"),
    ("archive.scribe_users_archived", "analytics.scribe_users", ("user_id",), "received_at"),
)
FIRST_RUN = "2026-03-16 07:30:00+00:00"
# Load up to the 07:00 UTC schedule, run at 07:30 (>= 5 loads spanning every scheduled change).
LOADS = ("2026-03-17", "2026-03-18", "2026-03-19", "2026-03-21", "2026-03-22", "2026-03-25", "2026-03-26")


class Oracle:
    """SCD type 2 by time, written independently of SQLMesh: one version per distinct updated_at a
    key showed at a run (valid from that updated_at), closed by the next version's updated_at, or
    at the execution time of the first run where the key is gone (hard delete)."""

    def __init__(self):
        self.versions: dict[tuple, list[list]] = {}

    def observe(self, source: dict[tuple, datetime], executed_at: datetime) -> None:
        for key, updated_at in source.items():
            history = self.versions.setdefault(key, [])
            if not history or history[-1][2] is not None:
                history.append([updated_at, updated_at, None])
            elif updated_at > history[-1][0]:
                history[-1][2] = updated_at
                history.append([updated_at, updated_at, None])
        for key, history in self.versions.items():
            if key not in source and history[-1][2] is None:
                history[-1][2] = executed_at

    def expected(self) -> list[tuple]:
        return sorted(
            (*key, updated_at, valid_from, valid_to)
            for key, history in self.versions.items()
            for updated_at, valid_from, valid_to in history
        )


def _utc(text: str) -> datetime:
    return datetime.fromisoformat(text).astimezone(timezone.utc)


def _source(context, model: str, keys: tuple[str, ...], updated_at: str) -> dict[tuple, datetime]:
    return {row[:-1]: row[-1] for row in rows(context, f"SELECT {', '.join(keys)}, {updated_at} FROM {model}")}


def _archive(context, archive: str, keys: tuple[str, ...], updated_at: str) -> list[tuple]:
    columns = ", ".join((*keys, updated_at, "valid_from", "valid_to"))
    return sorted(rows(context, f"SELECT {columns} FROM {archive}"))


def _truth(context, table: str) -> list[tuple]:
    return rows(context, f"SELECT * FROM catwalk_generator.{table}")


def test_archives_follow_every_load_exactly(tmp_path_factory, tiny_warehouse):
    """Rebuild the simulation step by step and compare each archive with the oracle after every run."""
    import time_machine

    from catwalk.project import open_context
    from catwalk.warehouse import load

    folder = tmp_path_factory.mktemp("membership_archives_steps")
    project = copy_membership_project(folder / "project", tags=("archive",))
    warehouse = copy_warehouse(tiny_warehouse, folder)
    saved = {key: os.environ.get(key) for key in ("CATWALK_DUCKDB", "CATWALK_START")}
    os.environ["CATWALK_DUCKDB"] = str(warehouse)
    os.environ["CATWALK_START"] = "2026-03-02"
    oracles = {archive: Oracle() for archive, *_ in ARCHIVES}
    try:
        with time_machine.travel(FIRST_RUN, tick=False):
            context = open_context(gateway="local", paths=project)
            context.plan("prod", auto_apply=True, no_prompts=True, skip_tests=True, skip_linter=True)
        moments = [(_utc(FIRST_RUN), None)] + [(_utc(f"{day} 07:30:00+00:00"), day) for day in LOADS]
        for executed_at, day in moments:
            if day is not None:
                load(gateway="local", until=f"{day}T07:00:00Z", progress=False)
                with time_machine.travel(executed_at, tick=False):
                    status = context.run()
                assert not status.is_failure, f"prod run of {day} failed"
            for archive, source, keys, updated_at in ARCHIVES:
                oracles[archive].observe(_source(context, source, keys, updated_at), executed_at)
                assert _archive(context, archive, keys, updated_at) == oracles[archive].expected(), (
                    f"{archive} differs from the expected history after the run of {executed_at}"
                )
        _assert_ground_truth_changes(context, moments)

        # A second run later the same day, with no new load: nothing due changes, no version added.
        before = {archive: rows(context, f"SELECT * FROM {archive} ORDER BY 1, valid_from") for archive, *_ in ARCHIVES}
        with time_machine.travel(_utc(f"{LOADS[-1]} 18:30:00+00:00"), tick=False):
            status = context.run()
        assert not status.is_failure
        for archive, *_ in ARCHIVES:
            assert rows(context, f"SELECT * FROM {archive} ORDER BY 1, valid_from") == before[archive], archive

        # A dev plan of a changed archive model: preview table in dev, prod history untouched.
        _assert_dev_plan_leaves_prod_history(context, project, LOADS[-1])
        context.close()
    finally:
        for key, value in saved.items():
            if value is None:
                os.environ.pop(key, None)
            else:
                os.environ[key] = value


def _assert_ground_truth_changes(context, moments) -> None:
    """The generator's scheduled changes delivered in the window appear as archive versions."""
    first, last = moments[0][0], moments[-1][0]

    def delivered(changed_at) -> bool:
        return first < changed_at <= last

    plan_changes = [(plan, at) for plan, at in _truth(context, "plan_changes") if delivered(at)]
    contract_ends = [(contract, at) for contract, at in _truth(context, "contract_ends") if delivered(at)]
    language_changes = [(user, at) for user, at in _truth(context, "language_changes") if delivered(at)]
    deleted = [organization for (organization,) in _truth(context, "deleted_organizations")]
    assert plan_changes and contract_ends and language_changes and deleted, "the window must hold every kind of change"

    for plan_id, changed_at in plan_changes:
        versions = rows(context, f"SELECT charge_strategy, charge_price, valid_from, valid_to FROM archive.scribe_plans_archived WHERE plan_id = {plan_id} ORDER BY valid_from")
        assert len(versions) == 2 and versions[0][3] == changed_at and versions[1][2] == changed_at
        assert versions[1][3] is None and versions[0][:2] != versions[1][:2], versions
    for contract_id, changed_at in contract_ends:
        versions = rows(context, f"SELECT during_end, valid_from, valid_to FROM archive.scribe_contracts_archived WHERE contract_id = {contract_id} ORDER BY valid_from")
        assert [v[0] == OPEN_ENDED for v in versions] == [True, False], versions
        assert versions[0][2] == changed_at and versions[1][1] == changed_at and versions[1][2] is None
    for user_id, changed_at in language_changes:
        versions = rows(context, f"SELECT \"language\", valid_from, valid_to FROM archive.scribe_users_archived WHERE user_id = '{user_id}' ORDER BY valid_from")
        changed = [index for index, version in enumerate(versions) if version[1] == changed_at]
        assert changed and changed[0] > 0, versions
        assert versions[changed[0]][0] != versions[changed[0] - 1][0]
        assert versions[changed[0] - 1][2] == changed_at
    for organization_id in deleted:
        versions = rows(context, f"SELECT valid_to FROM archive.scribe_organizations_archived WHERE organization_id = {organization_id} ORDER BY valid_from")
        run_times = [moment for moment, _ in moments]
        assert versions and versions[-1][0] in run_times[1:], f"organization {organization_id} not closed by a run: {versions}"


def _assert_dev_plan_leaves_prod_history(context, project, day) -> None:
    import time_machine

    from catwalk.project import open_context

    archive = "archive.scribe_plans_archived"
    physical = context.table_name(archive, "prod")
    before = rows(context, f"SELECT * FROM {physical} ORDER BY plan_id, valid_from")
    model_file = project / "models" / "archive" / "scribe_plans_archived.sql"
    source = model_file.read_text()
    model_file.write_text(source.replace(
        "    , plan_name::TEXT AS plan_name",
        "    , UPPER(plan_name)::TEXT AS plan_name_upper /* Upper-cased plan name (dev experiment) */\n"
        "    , plan_name::TEXT AS plan_name",
    ))
    with time_machine.travel(_utc(f"{day} 19:00:00+00:00"), tick=False):
        dev = open_context(gateway="local", paths=project)
        dev.plan("dev", auto_apply=True, no_prompts=True, skip_tests=True, skip_linter=True)
        dev_rows = rows(dev, "SELECT plan_id, plan_name_upper, valid_from FROM archive__dev.scribe_plans_archived")
        assert dev_rows and all(upper is not None for _, upper, _ in dev_rows)
        assert dev.table_name(archive, "dev") != physical
        assert dev.table_name(archive, "prod") == physical
        assert rows(dev, f"SELECT * FROM {physical} ORDER BY plan_id, valid_from") == before
        assert rows(dev, f"SELECT * FROM {archive} ORDER BY plan_id, valid_from") == before
        dev.close()
