"""The synthetic raw warehouse generator: contract, determinism, scales, messiness, load, errors.

Uses the session `tiny_warehouse` (tiny scale, seed 42, 2026-03-02 + 14 days, with the 2026-03-08
DST change) and builds a few more worlds in memory; generations written by these tests go to
temporary DuckDB files or throwaway Postgres databases, and never touch the project's .env.
"""

from __future__ import annotations

import os

import duckdb
import pandas as pd
import pytest
from sqlglot import exp

from catwalk.project import CatwalkError, copy_warehouse
from catwalk.warehouse import generate, load, schema
from catwalk.warehouse import world as W
from catwalk.warehouse.sources import scribe

START, DAYS = "2026-03-02", 14


def _duck_type(kind: str) -> str:
    return exp.DataType.build(kind, dialect="duckdb").sql("duckdb")


def _pg_type(kind: str) -> str:
    return exp.DataType.build(kind, dialect="postgres").sql("postgres")


def _snapshot(path) -> dict[str, pd.DataFrame]:
    con = duckdb.connect(str(path), read_only=True)
    try:
        tables = list(schema.raw_tables())
        tables += [f"catwalk_generator.{r[0]}" for r in con.execute(
            "SELECT table_name FROM information_schema.tables WHERE table_schema = "
            "'catwalk_generator' AND table_name LIKE 'pending__%' ORDER BY 1").fetchall()]
        return {t: con.execute(f"SELECT * FROM {schema.qualified(t)} ORDER BY ALL").df()
                for t in tables}
    finally:
        con.close()


@pytest.fixture()
def local_file(tmp_path, monkeypatch):
    path = tmp_path / "gen.duckdb"
    monkeypatch.setenv("CATWALK_DUCKDB", str(path))
    return path


# ------------------------------------------------------------------------------------ contract


def test_every_raw_table_conforms_to_external_models_on_duckdb(tiny_warehouse):
    con = duckdb.connect(str(tiny_warehouse), read_only=True)
    try:
        for table, columns in schema.raw_tables().items():
            s, t = table.split(".")
            actual = con.execute(
                "SELECT column_name, data_type FROM information_schema.columns WHERE "
                "table_schema = ? AND table_name = ? ORDER BY ordinal_position", [s, t]).fetchall()
            assert [c for c, _ in actual] == [c for c, _ in columns], table
            assert [_duck_type(k) for _, k in actual] == [_duck_type(k) for _, k in columns], table
        # the 45 tables the core needs hold rows; the older-era tables exist and stay empty
        empty = {t for t in schema.raw_tables()
                 if con.execute(f"SELECT count(*) FROM {schema.qualified(t)}").fetchone()[0] == 0}
        assert empty == {
            "careplatform.cp_video_session_remote_connected", "careplatform.video_destroy_session",
            "careplatform.video_patient_stream_created", "mm.posts",
            "patientapp.video_session_connect_success", "wiw.users_snapshot_2018_09",
        }
    finally:
        con.close()


@pytest.mark.postgres
def test_every_raw_table_conforms_to_external_models_on_postgres(pg_database):
    from catwalk.project import connect_postgres

    summary = generate(gateway="postgres", scale="tiny", seed=42, start=START, days=7,
                       progress=False, write_env=False)
    pg = connect_postgres(pg_database)
    try:
        with pg.cursor() as cur:
            for table, columns in schema.raw_tables().items():
                cur.execute(
                    "SELECT a.attname, format_type(a.atttypid, a.atttypmod) FROM pg_attribute a "
                    "WHERE a.attrelid = %s::regclass AND a.attnum > 0 AND NOT a.attisdropped "
                    "ORDER BY a.attnum", (schema.qualified(table),))
                actual = cur.fetchall()
                assert [c for c, _ in actual] == [c for c, _ in columns], table
                expected = [_pg_type(schema.postgres_type(table, c, k)) for c, k in columns]
                assert [_pg_type(k) for _, k in actual] == expected, table
                cur.execute(f"SELECT count(*) FROM {schema.qualified(table)}")
                assert cur.fetchone()[0] == summary["rows"][table], table
            cur.execute("SELECT lower(during), upper(during) FROM scribe.contract LIMIT 1")
            lower, upper = cur.fetchone()
            assert lower.tzinfo is not None and lower < upper
            cur.execute("SELECT current_setting('TimeZone')")
            assert cur.fetchone()[0] == "UTC"
    finally:
        pg.close()
    # load on Postgres: appends later deliveries (events and replica updates), then nothing more
    appended = load(gateway="postgres", until="2026-03-20T07:00:00Z", progress=False)
    assert appended["messaging.posts"] > 0 and appended["scribe.user_contract"] > 0
    assert load(gateway="postgres", until="2026-03-20T07:00:00Z", progress=False) == {}
    pg = connect_postgres(pg_database)
    try:
        with pg.cursor() as cur:
            cur.execute("SELECT count(*), count(DISTINCT (user_id, contract_id)) "
                        "FROM scribe.user_contract")
            total, distinct = cur.fetchone()
            assert total == distinct
            cur.execute("SELECT count(*) FROM messaging.posts")
            assert cur.fetchone()[0] == summary["rows"]["messaging.posts"] + appended[
                "messaging.posts"]
    finally:
        pg.close()


# --------------------------------------------------------------------------------- determinism


def test_same_seed_gives_identical_tables_and_force_protects_data(tiny_warehouse, local_file):
    reference = _snapshot(tiny_warehouse)
    generate(scale="tiny", seed=42, start=START, days=DAYS, progress=False, write_env=False)
    again = _snapshot(local_file)
    assert reference.keys() == again.keys()
    for table in reference:
        pd.testing.assert_frame_equal(reference[table], again[table], obj=table)
    # a non-empty raw table is never dropped without force; the error names the table
    with pytest.raises(CatwalkError, match=r"raw table [a-z_]+\.[a-z_]+ already holds data"):
        generate(scale="tiny", seed=7, start=START, days=DAYS, progress=False, write_env=False)
    assert _snapshot(local_file)["messaging.posts"].equals(again["messaging.posts"])


def test_failed_generation_keeps_the_previous_warehouse(tiny_warehouse, local_file, monkeypatch):
    """Tables are staged and committed one by one, then swapped in at once: a generation that
    fails midway leaves the previous raw tables untouched and no staged copy behind."""
    import shutil

    from catwalk.warehouse import writer

    shutil.copy(tiny_warehouse, local_file)
    before = _snapshot(local_file)
    calls = {"n": 0}
    original = writer._insert

    def failing_insert(con, target, select, source):
        calls["n"] += 1
        if calls["n"] == 30:  # a few tables already committed under their staged names
            raise RuntimeError("disk full")
        return original(con, target, select, source)

    monkeypatch.setattr(writer, "_insert", failing_insert)
    with pytest.raises(RuntimeError, match="disk full"):
        generate(scale="tiny", seed=7, start=START, days=DAYS, force=True, progress=False,
                 write_env=False)
    after = _snapshot(local_file)
    assert before.keys() == after.keys()
    for table in before:
        pd.testing.assert_frame_equal(before[table], after[table], obj=table)
    con = duckdb.connect(str(local_file), read_only=True)
    try:
        staged = con.execute("SELECT count(*) FROM information_schema.tables WHERE table_name "
                             f"LIKE '%{writer.STAGED_SUFFIX}'").fetchone()[0]
    finally:
        con.close()
    assert staged == 0


def test_different_seed_gives_a_different_world():
    start = W.to_us(START)
    a = W.build_world("tiny", 42, start, start + 7 * W.DAY)
    b = W.build_world("tiny", 7, start, start + 7 * W.DAY)
    posts_a, posts_b = a.tables["messaging.posts"].df, b.tables["messaging.posts"].df
    assert not (len(posts_a) == len(posts_b) and posts_a["timestamp"].equals(posts_b["timestamp"]))
    assert not a.truth["episodes"]["patient_user_id"].equals(b.truth["episodes"]["patient_user_id"])


def test_segment_tables_are_built_in_delivery_order():
    # the writer inserts the delivered rows as a prefix and the pending ones as the rest: the
    # rows come sorted by (received_at, _ord), _ord a permutation of the frame order
    start = W.to_us(START)
    world = W.build_world("tiny", 42, start, start + 7 * W.DAY)
    for name in ("messaging.posts", "countdown.question_reply", "careplatform.pages"):
        data = world.tables[name].data
        received = data.column("received_at").cast("int64").to_numpy()
        order = data.column("_ord").to_numpy()
        assert len(received) > 500, name
        assert sorted(order.tolist()) == list(range(len(order))), name
        same = received[1:] == received[:-1]
        assert (received[1:] >= received[:-1]).all(), name
        assert (order[1:][same] > order[:-1][same]).all(), name
    stats = {row["table_name"]: row for row in world.events.stats}
    posts = world.tables["messaging.posts"].data
    assert posts.num_rows == stats["messaging.posts"]["events"] + \
        stats["messaging.posts"]["duplicates"]


# -------------------------------------------------------------------------------------- scales


def test_scale_and_days_knobs_change_volumes():
    start = W.to_us(START)
    tiny7 = W.build_world("tiny", 42, start, start + 7 * W.DAY)
    tiny14 = W.build_world("tiny", 42, start, start + 14 * W.DAY)
    demo7 = W.build_world("demo", 42, start, start + 7 * W.DAY)

    def episodes(world):  # episodes started in the history (the world runs FUTURE_DAYS further)
        return int(world.truth["episodes"]["is_delivered_at_end"].sum())

    assert 1.5 < episodes(tiny14) / episodes(tiny7) < 2.6
    assert 3 < episodes(demo7) / episodes(tiny7) < 10
    assert len(demo7.tables["scribe.contract"].df) > 8 * len(tiny7.tables["scribe.contract"].df)
    orgs = lambda w: w.tables["scribe.organization"].df["id"].nunique()  # noqa: E731
    assert orgs(tiny7) == W.SCALES["tiny"]["orgs"] and orgs(demo7) == W.SCALES["demo"]["orgs"]
    # the hard-coded exception and test organizations exist at every scale
    assert set(scribe.SPECIAL_ORGS) <= set(tiny7.tables["scribe.organization"].df["id"])


# ------------------------------------------------------------------------------------ messiness


def test_messiness_in_stated_proportions(tiny_warehouse):
    con = duckdb.connect(str(tiny_warehouse), read_only=True)
    try:
        stats = con.execute("SELECT sum(events), sum(late_events), sum(duplicates) FROM "
                            "catwalk_generator.segment_messiness").fetchone()
        events, late, dups = stats
        assert events > 20_000
        assert abs(late / events - W.LATE_RATE) < 0.006
        assert abs(dups / events - W.DUPLICATE_RATE) < 0.004
        # duplicates really share their Segment id; delivered rows of all event tables
        seg = [t for t, c in schema.raw_tables().items() if ("received_at", "TIMESTAMPTZ") in c
               and ("event", "TEXT") in c]
        union = " UNION ALL ".join(
            f"SELECT id, \"timestamp\", received_at FROM {schema.qualified(t)}" for t in seg)
        total, distinct, very_late, max_hours = con.execute(
            f"SELECT count(*), count(DISTINCT id), "
            f"count(*) FILTER (WHERE received_at - \"timestamp\" > INTERVAL 14 HOUR), "
            f"max(epoch(received_at - \"timestamp\")) / 3600 FROM ({union}) "
            f"WHERE \"timestamp\" >= TIMESTAMPTZ '{START}'").fetchone()
        assert 0.004 < (total - distinct) / total < 0.018
        # normal deliveries wait at most 13h25 for the next load; late ones up to 2 days more
        assert 0.01 < very_late / total < 0.045
        assert max_hours < 72
        # ~1% of optional properties dropped
        nulls, posts = con.execute("SELECT count(*) FILTER (WHERE message_length IS NULL), "
                                   "count(*) FROM messaging.posts").fetchone()
        assert 0.002 < nulls / posts < 0.025
        # Segment loads land at 06:00 and 17:00 UTC (+ < 25 minutes)
        hours = {h for (h,) in con.execute(
            "SELECT DISTINCT hour(received_at) FROM messaging.posts").fetchall()}
        assert hours <= {6, 17, 7, 18}
        # replica rows carry their import time (05:30 / 17:30 UTC)
        minutes = {m for (m,) in con.execute(
            "SELECT DISTINCT hour(imported_at) * 60 + minute(imported_at) FROM scribe.contract"
        ).fetchall()}
        assert minutes <= {330, 331, 332, 1050, 1051, 1052}
    finally:
        con.close()


def test_world_has_the_shapes_the_logic_needs(tiny_warehouse):
    con = duckdb.connect(str(tiny_warehouse), read_only=True)
    q = lambda sql: con.execute(sql).fetchall()  # noqa: E731
    try:
        assert {s for (s,) in q("SELECT DISTINCT charge_strategy FROM scribe.plan")} >= {
            "free", "fixed", "dynamic", "auto_dynamic"}
        assert {s for (s,) in q("SELECT DISTINCT episode_state FROM usher.set_episode_state")} == {
            "active", "pending", "resolved", "waiting_for_patient"}
        shapes = q("SELECT count(*) FILTER (WHERE path LIKE '/chat/%/%'), "
                   "count(*) FILTER (WHERE path LIKE '/chat/%?channelId=%'), "
                   "count(*) FILTER (WHERE path LIKE '/consult/%/%'), "
                   "count(*) FILTER (WHERE path = '/dashboard') FROM careplatform.pages")[0]
        assert all(n > 0 for n in shapes), shapes
        assert q("SELECT count(*) FROM scribe.users WHERE id IN ('485', '45942')")[0][0] == 2
        # first patient posts inside and outside opening hours, on weekends, across the DST change
        truth = con.execute("SELECT * FROM catwalk_generator.episodes").df()
        assert 0.6 < truth.is_first_post_in_opening_hours.mean() < 0.9
        local_days = pd.to_datetime(truth.first_post_local).dt.date.astype(str)
        assert {"2026-03-07", "2026-03-08", "2026-03-09"} <= set(local_days)
        # every contract's during text parses as a half-open range ending at the sentinel or later
        assert q("SELECT count(*) FROM scribe.contract WHERE during NOT LIKE '[\"%\",\"%\")'")[0][0] == 0
    finally:
        con.close()


# ------------------------------------------------------------------------------------------ load


def test_load_appends_only_new_deliveries_and_is_idempotent(tiny_warehouse, tmp_path, monkeypatch):
    path = copy_warehouse(tiny_warehouse, tmp_path / "load")
    monkeypatch.setenv("CATWALK_DUCKDB", str(path))
    before = _snapshot(path)
    assert load(until="2026-03-15T00:00:00Z", progress=False) == {}  # before the watermark: no-op
    until = "2026-03-19T07:00:00Z"
    appended = load(until=until, progress=False)
    assert appended["messaging.posts"] > 0 and appended["usher.set_episode_state"] > 0
    con = duckdb.connect(str(path), read_only=True)
    try:
        # old rows untouched, new rows delivered in (watermark, until]
        new_posts = con.execute(
            "SELECT count(*), min(received_at), max(received_at) FROM messaging.posts "
            "WHERE received_at > TIMESTAMPTZ '2026-03-16 00:00:00+00'").fetchone()
        assert new_posts[0] == appended["messaging.posts"]
        assert new_posts[2] <= pd.Timestamp(until)
        assert len(before["messaging.posts"]) + new_posts[0] == con.execute(
            "SELECT count(*) FROM messaging.posts").fetchone()[0]
        assert con.execute("SELECT delivered_until FROM catwalk_generator.generations"
                           ).fetchone()[0] == pd.Timestamp(until)
    finally:
        con.close()
    assert load(until=until, progress=False) == {}
    # up to the end of the world: scheduled replica changes arrive, the deleted org disappears
    load(until="2026-04-02T00:00:00Z", progress=False)
    con = duckdb.connect(str(path), read_only=True)
    try:
        doomed = con.execute("SELECT organization_id FROM catwalk_generator.deleted_organizations"
                             ).fetchone()[0]
        assert con.execute("SELECT count(*) FROM scribe.organization WHERE id = ?",
                           [doomed]).fetchone()[0] == 0
        changed = con.execute(
            "SELECT count(*) FROM catwalk_generator.plan_changes c JOIN scribe.plan p "
            "ON p.id = c.plan_id AND p.imported_at = c.changed_at").fetchone()[0]
        planned = con.execute("SELECT count(*) FROM catwalk_generator.plan_changes").fetchone()[0]
        assert changed == planned > 0
        assert con.execute("SELECT count(*), count(DISTINCT id) FROM scribe.plan").fetchone()[0] \
            == con.execute("SELECT count(DISTINCT id) FROM scribe.plan").fetchone()[0]
        ended = con.execute(
            "SELECT count(*) FROM catwalk_generator.contract_ends e JOIN scribe.contract c "
            "ON c.id = e.contract_id WHERE c.during NOT LIKE '%9999-12-31%'").fetchone()[0]
        assert ended == con.execute("SELECT count(*) FROM catwalk_generator.contract_ends"
                                    ).fetchone()[0]
    finally:
        con.close()


# ---------------------------------------------------------------------------------------- errors


@pytest.mark.parametrize("kwargs, message", [
    (dict(scale="huge"), "unknown scale 'huge'"),
    (dict(days=0), "days must be"),
    (dict(start="2026-13-01"), "start must be a date"),
    (dict(start="2017-01-01"), "before 2019-05-11"),
    (dict(gateway="oracle"), "unknown gateway 'oracle'"),
    (dict(seed=-1), "seed must be"),
])
def test_bad_arguments_raise_one_line_errors(kwargs, message, local_file):
    with pytest.raises(CatwalkError) as error:
        generate(**{"scale": "tiny", **kwargs}, progress=False, write_env=False)
    assert message in str(error.value) and "\n" not in str(error.value)
    assert not local_file.exists()


def test_load_refuses_a_warehouse_generated_before_new_raw_tables(tiny_warehouse, tmp_path, monkeypatch):
    path = copy_warehouse(tiny_warehouse, tmp_path / "older")
    con = duckdb.connect(str(path))
    try:  # as if generated by a Catwalk that did not know messaging.posts yet
        con.execute("DELETE FROM catwalk_generator.tables WHERE table_name = 'messaging.posts'")
        before = con.execute("SELECT count(*) FROM messaging.posts").fetchone()[0]
    finally:
        con.close()
    monkeypatch.setenv("CATWALK_DUCKDB", str(path))
    with pytest.raises(CatwalkError, match=r"generated before 1 raw tables .*\(messaging\.posts\).*--force"):
        load(until="2026-03-19T07:00:00Z", progress=False)
    con = duckdb.connect(str(path), read_only=True)
    try:  # nothing was delivered
        assert con.execute("SELECT count(*) FROM messaging.posts").fetchone()[0] == before
    finally:
        con.close()


def test_load_errors(local_file):
    with pytest.raises(CatwalkError, match="until must be a timestamp"):
        load(until="tomorrow-ish", progress=False)
    with pytest.raises(CatwalkError, match="does not exist"):
        load(until="2026-03-20T00:00:00Z", progress=False)


@pytest.mark.parametrize("host, port", [("127.0.0.1", "1"), ("nonexistent-host.invalid", "5432")])
def test_unreachable_postgres_names_target_but_never_the_password(host, port, monkeypatch):
    monkeypatch.setenv("CATWALK_PG_HOST", host)
    monkeypatch.setenv("CATWALK_PG_PORT", port)
    monkeypatch.setenv("CATWALK_PG_USER", "catwalk_loader")
    monkeypatch.setenv("CATWALK_PG_PASSWORD", "s3cret-Pa55")
    monkeypatch.setenv("CATWALK_PG_DATABASE", "rawdb")
    for call in (lambda: generate(gateway="postgres", scale="tiny", progress=False,
                                  write_env=False),
                 lambda: load(gateway="postgres", progress=False)):
        with pytest.raises(CatwalkError) as error:
            call()
        message = str(error.value)
        assert host in message and "rawdb" in message and "catwalk_loader" in message
        assert "s3cret-Pa55" not in message and "\n" not in message


def test_generate_writes_catwalk_start_to_env_preserving_other_lines(tmp_path, monkeypatch):
    import catwalk.warehouse as warehouse

    monkeypatch.setattr(warehouse, "PROJECT_ROOT", tmp_path)
    (tmp_path / ".env").write_text("CATWALK_PG_HOST=db\nCATWALK_START=2020-01-01\n")
    warehouse.write_env_start("2026-03-02")
    assert (tmp_path / ".env").read_text() == "CATWALK_PG_HOST=db\nCATWALK_START=2026-03-02\n"


def test_live_window_ends_now_and_starts_days_before():
    from catwalk.warehouse import _window

    start, end = _window("demo", None, None, now="2026-11-27T21:14:00Z")
    assert pd.Timestamp(end * 1000, tz="UTC") == pd.Timestamp("2026-11-27T21:00:00Z")
    assert pd.Timestamp(start * 1000, tz="UTC") == pd.Timestamp("2026-10-16T00:00:00Z")
    start, end = _window("tiny", "2026-03-02", 14)
    assert (end - start) == 14 * W.DAY


_ = os


# ------------------------------------------------------------------------------------- sources

# raw schemas whose name differs from the source module (models/base/<source>/) that fills them
SOURCE_OF_SCHEMA = {"tap_wiw": "wiw", "tap_delighted_patient_en": "delighted",
                    "tap_delighted_patient_fr": "delighted", "tap_delighted_decision_maker":
                    "delighted", "tap_delighted_employer": "delighted",
                    "telephone_master": "telephone",
                    "mm": "messaging", "tap_xero": "xero", "finance_sheets": "finance"}


def test_every_raw_table_comes_from_the_source_module_named_after_it(monkeypatch):
    """A reader finds where salesforce.opportunities rows come from by folder name alone:
    catwalk/warehouse/sources/salesforce.py; the journey steps return no raw table."""
    from catwalk.warehouse import sources

    produced = {}

    def recorded(step):
        def run(world):
            tables = step(world)
            produced.update({table: step.__module__.rsplit(".", 1)[-1] for table in tables})
            return tables
        return run

    monkeypatch.setattr(sources, "STEPS", tuple((n, recorded(s)) for n, s in sources.STEPS))
    start = W.to_us(START)
    world = W.build_world("tiny", 42, start, start + 7 * W.DAY)
    assert set(world.tables) == set(schema.raw_tables()) == set(produced)
    for table, module in produced.items():
        raw_schema = table.split(".")[0]
        assert module == SOURCE_OF_SCHEMA.get(raw_schema, raw_schema), table


def test_a_raw_table_from_two_sources_or_from_none_is_an_error(monkeypatch):
    from catwalk.warehouse import sources

    steps = sources.STEPS
    start = W.to_us(START)
    again = ("again", lambda world: {"scribe.plan": None})
    monkeypatch.setattr(sources, "STEPS", steps + (again,))
    with pytest.raises(ValueError, match="raw table scribe.plan is produced by two simulation"):
        W.build_world("tiny", 42, start, start + 7 * W.DAY)
    monkeypatch.setattr(sources, "STEPS", tuple(s for s in steps if s[0] != "telephone"))
    with pytest.raises(ValueError, match=r"missing \['telephone_master.call_ended', 'telephone_"
                                         r"master.call_started'\], not in the file \[\]"):
        W.build_world("tiny", 42, start, start + 7 * W.DAY)
