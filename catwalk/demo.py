"""`make demo`: a live demo warehouse on embedded DuckDB, built by the prod plan.

First run: generate the synthetic raw warehouse (history ending now), then apply the prod plan
(backfill every model). Later runs keep the warehouse, deliver what the loaders would have
delivered since the last load, and apply the prod plan again (which backfills only what is
missing), so `make demo` is idempotent and behaves like a prod day.
"""

from __future__ import annotations

import datetime as dt
import time

from catwalk.project import duckdb_path, open_context

KEY_TABLES = (
    "analytics.messaging_channels",
    "analytics.episodes",
    "analytics.chats",
    "analytics.user_contract",
    "analytics.organizations",
    "analytics.active_users",
    "analytics.episodes_costs",
    "analytics.nps_patient_survey",
    "analytics.tableau_scorecard_slas",
    "archive.scribe_contracts_archived",
)


def _has_raw_data(path) -> bool:
    if not path.exists():
        return False
    import duckdb

    with duckdb.connect(str(path), read_only=True) as connection:
        found = connection.execute(
            "select count(*) from information_schema.tables"
            " where table_schema = 'messaging' and table_name = 'posts'"
        ).fetchone()[0]
        return bool(found) and connection.execute("select count(*) from messaging.posts").fetchone()[0] > 0


def demo(scale: str = "demo", seed: int = 42) -> int:
    from catwalk.warehouse import generate, load

    path = duckdb_path()
    started = time.monotonic()
    if _has_raw_data(path):
        now = dt.datetime.now(dt.timezone.utc).replace(microsecond=0)
        print(f"catwalk demo: warehouse {path} exists; delivering loads up to {now.isoformat()}")
        load(gateway="local", until=now.isoformat())
    else:
        print(f"catwalk demo: generating the {scale} warehouse into {path}")
        generate(gateway="local", scale=scale, seed=seed, force=False, write_env=True)

    context = open_context(gateway="local", verbose=True)
    context.plan("prod", auto_apply=True, no_prompts=True)
    elapsed = time.monotonic() - started

    models = [model for model in context.models.values() if model.kind.name != "EXTERNAL"]
    print()
    print(f"Catwalk demo ready in {elapsed:.0f} s — {len(models)} models built in prod on {path}")
    for table in KEY_TABLES:
        if table not in {model.name for model in models}:
            continue
        rows = context.fetchdf(f"select count(*) as n from {table}")["n"].iloc[0]
        print(f"  {table:<40} {rows:>10,} rows")
    print()
    print("Try next:")
    print('  .venv/bin/sqlmesh fetchdf "select * from analytics.episodes limit 5"')
    print("  .venv/bin/sqlmesh plan dev        # your own isolated environment")
    print("  .venv/bin/catwalk docs serve      # documentation site with lineage")
    print("  .venv/bin/catwalk run             # the twice-daily prod run (what cron calls)")
    return 0
