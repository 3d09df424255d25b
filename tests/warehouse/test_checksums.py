"""Same seed, same rows: the tiny warehouse matches the per-table checksums committed here.

`tiny_checksums.json` holds the checksum of every raw table and every catwalk_generator table of the
session `tiny_warehouse` (tiny scale, seed 42, 2026-03-02 + 14 days). A refactor of the generator
must keep them; a change that means to change the world regenerates the file on purpose:

    CATWALK_DUCKDB=/tmp/tiny.duckdb python -c "from catwalk.warehouse import generate; \
        generate(scale='tiny', seed=42, start='2026-03-02', days=14, progress=False)"
    python -m catwalk.warehouse.checksums /tmp/tiny.duckdb \
        --write tests/warehouse/tiny_checksums.json
"""

from __future__ import annotations

import json
from pathlib import Path

import duckdb

from catwalk.project import copy_warehouse
from catwalk.warehouse.checksums import differences, warehouse_checksums

EXPECTED = Path(__file__).with_name("tiny_checksums.json")


def test_tiny_warehouse_has_the_committed_rows(tiny_warehouse):
    expected = json.loads(EXPECTED.read_text())
    actual = warehouse_checksums(tiny_warehouse)
    assert differences(expected, actual) == []
    assert len(actual) > 51  # every raw table, plus the generator's own tables


def test_checksums_see_one_changed_value_and_ignore_the_generation_time(tiny_warehouse, tmp_path):
    path = copy_warehouse(tiny_warehouse, tmp_path)
    before = warehouse_checksums(path)
    con = duckdb.connect(str(path))
    try:
        con.execute("UPDATE catwalk_generator.generations SET generated_at = now()")
        con.execute("UPDATE scribe.plan SET charge_price = charge_price + 0.01 WHERE id = "
                    "(SELECT min(id) FROM scribe.plan)")
        con.execute("INSERT INTO messaging.posts SELECT * FROM messaging.posts LIMIT 1")
    finally:
        con.close()
    diff = differences(before, warehouse_checksums(path))
    assert [line.split(":")[0] for line in diff] == ["messaging.posts", "scribe.plan"]
