"""catwalk.tablenames: the memoized physical names and normalizations equal SQLMesh's own."""

from __future__ import annotations

import pytest
from sqlglot import exp
from sqlglot.expressions import builders

from catwalk import tablenames


def _unwrapped_normalize(name, dialect):
    return builders.normalize_table_name.__wrapped__(name, dialect=dialect)


def _prod_snapshots(context):
    environment = context.state_sync.get_environment("prod")
    return list(context.state_sync.get_snapshots(environment.snapshots).values())


def test_every_snapshot_of_the_prod_build_gets_sqlmesh_s_table_names(tiny_prod):
    tablenames.install()
    snapshots = _prod_snapshots(tiny_prod)
    tables = [s for s in snapshots if s.is_model and not s.is_symbolic and s.version]
    assert len(tables) > 300
    for snapshot in tables:
        original = type(snapshot)._table_name.__wrapped__
        for deployable in (True, False):
            expected = original(snapshot, snapshot.version, deployable)
            assert snapshot.table_name(deployable) == expected, (snapshot.name, deployable)
            assert snapshot.table_info.table_name(deployable) == expected, (snapshot.name, deployable)


def test_a_changed_version_or_schema_gets_a_new_name(tiny_prod):
    tablenames.install()
    snapshot = next(s for s in _prod_snapshots(tiny_prod) if s.name.endswith('"episodes"'))
    info = snapshot.table_info
    before = info.table_name()
    moved = info.copy(update={"version": "1234567890", "physical_schema_": "elsewhere"})
    assert moved.table_name() != before
    assert moved.table_name() == type(moved)._table_name.__wrapped__(moved, "1234567890", True)
    assert "elsewhere" in moved.table_name() and "1234567890" in moved.table_name()
    dev = info.copy(update={"dev_table_suffix": "preview"})
    assert dev.table_name(False) == type(dev)._table_name.__wrapped__(dev, dev.version, False)
    assert dev.table_name(False) != info.table_name(False)


@pytest.mark.parametrize("dialect", [None, "duckdb", "postgres", "spark"])
@pytest.mark.parametrize("name", [
    "analytics.Episodes", '"Analytics"."Episodes"', "db.analytics.episodes", '"db"."analytics"."x y"',
    "scribe.users",
])
def test_normalized_names_equal_sqlglot_s(name, dialect):
    tablenames.install()
    expected = _unwrapped_normalize(name, dialect)
    assert exp.normalize_table_name(name, dialect=dialect) == expected
    assert exp.normalize_table_name(name, dialect=dialect) == expected  # from the cache
    table = exp.to_table(name, dialect=dialect)
    assert exp.normalize_table_name(table, dialect=dialect) == expected


def test_replace_tables_maps_names_as_before():
    tablenames.install()
    query = exp.maybe_parse('SELECT * FROM analytics.episodes JOIN "Scribe"."Users" AS u ON TRUE',
                            dialect="postgres")
    mapping = {"analytics.episodes": "sqlmesh__analytics.analytics__episodes__1",
               '"Scribe"."Users"': "raw.users"}
    replaced = exp.replace_tables(query, mapping, dialect="postgres").sql("postgres")
    assert "sqlmesh__analytics.analytics__episodes__1" in replaced and "raw.users" in replaced
