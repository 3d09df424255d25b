"""The membership layer (every model tagged membership and all its upstream) builds on the tiny
warehouse, on DuckDB and on Postgres, and both engines give the same answers."""

from __future__ import annotations

import os

import pytest

from catwalk.project import copy_warehouse
from membership_helpers import copy_membership_project, rows

pytestmark = pytest.mark.slow  # builds its own warehouse and prod; `make test-all` runs it

NOW = "2026-03-16 07:30:00+00:00"
# Engine-independent fingerprints of the layer (exact values; floats cast to fixed decimals).
FINGERPRINTS = {
    "family_member_types": "SELECT family_member_type, COUNT(*) FROM analytics.user_contract GROUP BY 1 ORDER BY 1",
    "languages_and_provinces": "SELECT \"language\", residence_province, COUNT(*) FROM analytics.scribe_user_contract_detailed GROUP BY 1, 2 ORDER BY 1, 2",
    "activation": "SELECT COUNT(*), COUNT(first_episode_created_at), COUNT(activated_at) FROM analytics.user_contract",
    "organizations": "SELECT organization_id, charge_strategy, CAST(charge_price AS DECIMAL(18, 4)), is_paid, province, account_id, is_churned, is_activated FROM analytics.organizations ORDER BY 1",
    "contract_validity": "SELECT contract_id, during_start, during_end, during_start_est, during_end_est, is_active FROM analytics.scribe_contracts_detailed ORDER BY 1",
    "mrr": "SELECT CAST(date_month AS TEXT), COUNT(*), CAST(SUM(price_monthly) AS DECIMAL(18, 4)), CAST(SUM(active_contracts_avg) AS DECIMAL(18, 4)) FROM analytics.organizations_monthly GROUP BY 1 ORDER BY 1",
    "accounts_monthly": "SELECT account_id, CAST(date_month AS TEXT), mom_variation_type FROM analytics.accounts_monthly ORDER BY 1, 2",
    "contracts_daily": "SELECT CAST(date_day AS TEXT), active_contracts, active_contracts_paid FROM analytics.scribe_contracts_daily ORDER BY 1",
    "archives": "SELECT COUNT(*), COUNT(valid_to) FROM archive.scribe_contracts_archived",
}


def _build(project, gateway: str):
    import time_machine

    from catwalk.project import open_context

    with time_machine.travel(NOW, tick=False):
        context = open_context(gateway=gateway, paths=project)
        context.plan("prod", auto_apply=True, no_prompts=True, skip_tests=True, skip_linter=True)
    return context


def _fingerprints(context) -> dict[str, list[tuple]]:
    return {name: rows(context, sql) for name, sql in FINGERPRINTS.items()}


@pytest.fixture(scope="module")
def membership_project(tmp_path_factory):
    return copy_membership_project(tmp_path_factory.mktemp("membership_layer") / "project")


@pytest.fixture(scope="module")
def duckdb_fingerprints(tmp_path_factory, tiny_warehouse, membership_project):
    warehouse = copy_warehouse(tiny_warehouse, tmp_path_factory.mktemp("membership_duckdb"))
    saved = {key: os.environ.get(key) for key in ("CATWALK_DUCKDB", "CATWALK_START")}
    os.environ.update({"CATWALK_DUCKDB": str(warehouse), "CATWALK_START": "2026-03-02"})
    try:
        context = _build(membership_project, "local")
        yield context, _fingerprints(context)
        context.close()
    finally:
        for key, value in saved.items():
            os.environ.pop(key, None) if value is None else os.environ.__setitem__(key, value)


def test_membership_layer_builds_on_duckdb(duckdb_fingerprints):
    context, fingerprints = duckdb_fingerprints
    for model in context.models.values():
        if "membership" in model.tags and not model.kind.is_seed:
            assert rows(context, f"SELECT COUNT(*) FROM {model.name}")[0][0] > 0, f"{model.name} is empty"
    assert {row[0] for row in fingerprints["family_member_types"]} == {"Employee", "Dependent", "Child"}
    assert {row[1] for row in fingerprints["organizations"]} >= {"free", "fixed", "dynamic"}
    organizations = {row[0] for row in fingerprints["organizations"]}
    test_organizations = {row[0] for row in rows(context, "SELECT organization_id FROM analytics.scribe_test_organizations")}
    assert organizations and not organizations & test_organizations
    assert all(row[2] > row[1] for row in fingerprints["contract_validity"])
    activation = fingerprints["activation"][0]
    assert activation[0] > activation[1] >= activation[2] > 0


@pytest.mark.postgres
def test_membership_layer_builds_on_postgres_like_duckdb(pg_database, tiny_window, membership_project, duckdb_fingerprints):
    from catwalk.warehouse import generate

    _, expected = duckdb_fingerprints
    generate(gateway="postgres", scale="tiny", seed=tiny_window.seed, start=tiny_window.start,
             days=tiny_window.days, force=True, progress=False, write_env=False)
    os.environ["CATWALK_START"] = "2026-03-02"
    try:
        context = _build(membership_project, "postgres")
        actual = _fingerprints(context)
        context.close()
    finally:
        os.environ.pop("CATWALK_START", None)
    for name in FINGERPRINTS:
        assert actual[name] == expected[name], f"{name} differs between Postgres and DuckDB"
