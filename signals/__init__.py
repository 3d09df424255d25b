"""Freshness signals: an interval runs only once its raw sources have been delivered past its end.

`delivered()` is attached to the models that read raw tables (`signals (delivered())` in the MODEL
block). SQLMesh calls it with the batch of missing intervals before evaluating them; it returns the
intervals whose end is covered by the delivery horizon of every raw source the model reads.

Delivery horizon of a source = the latest load time seen by its loader, read from the raw tables:
    Singer taps       `_sdc_batched_at`   (tap_wiw, tap_delighted_*)
    Lambda replicas   `imported_at`       (scribe.contract, scribe.organization, ...)
    Segment           `received_at`       (every event table, scribe.users)
A loader delivers all the tables of its schema at once, so the horizon is the maximum over every
table of the same schema that carries the same load column (a quiet table, e.g. a rare video
event, does not hold its models back while its siblings are fresh). A raw table without any of these
columns (coredata.practitioner, salesforce.*) has no horizon and never holds anything back.

Models downstream of a waiting model wait too: SQLMesh drops a child's intervals that overlap an
unready parent interval. A day-grain model keyed on the Montreal local day can also carry the
signal with `local_day := true`: its daily interval D (SQLMesh's UTC day D) then waits until every
raw source of its ancestors is delivered past the end of the *local* day D (04:00/05:00 UTC on D+1).

`max_wait_hours` (default 24): a source silent for longer than this while its loader delivered
other tables within that time (same load column, e.g. Segment's `received_at`) is *idle*, not late:
a naturally sparse source (unresponsive nudges, phone calls on a quiet day) holds nothing back. A
loader silent on every table is late, however long it has been. Independently, an interval that
ended longer ago than max_wait_hours runs even when its source is behind. Rows that arrive later
are still picked up by the models' lookback (72 hours for Segment events, 3 days for day-grain
models), which is why max_wait_hours must stay below them.

INCREMENTAL_BY_TIME_RANGE models wait for their interval's end: their intervals are time slices
that would otherwise be computed from a partial delivery. FULL, merge (INCREMENTAL_BY_UNIQUE_KEY)
and SCD2 models rebuild from whatever the replica holds, so the signal lets them run, except when
one of the time-range sources behind the models their blocking audits read lags behind the others (last delivered more than CATWALK_LATE_AFTER_HOURS, default 8, before the freshest of
them, and not idle): a blocking audit that cross-checks inputs (e.g. every activated episode has a
cost) would fail on partly refreshed inputs, so such a model waits with them and keeps showing its
last good data. When every source is equally behind (the loader itself is late) the inputs are
stale but consistent, and the model runs (the runner still reports the loader late).
(Replica load columns only move when a row changes, so replicas themselves never count as late.)

Signals are metadata in SQLMesh: adding, removing or changing a `signals` line never rebuilds data.
"""

from __future__ import annotations

import typing as t

from sqlmesh import signal

DELIVERY_COLUMNS = ("_sdc_batched_at", "imported_at", "received_at")
DEFAULT_LATE_AFTER_HOURS = 8  # CATWALK_LATE_AFTER_HOURS: the runner reports such a source late
LOCAL_TIMEZONE = "America/Montreal"


def raw_sources(snapshot, snapshots, walk_ancestors: bool = False) -> t.List[t.Tuple[str, str]]:
    """(schema, table) of the external models the snapshot reads (or all its ancestors read)."""
    from sqlglot import exp

    found: t.Set[t.Tuple[str, str]] = set()
    seen: t.Set[str] = set()
    pending = [snapshot]
    while pending:
        current = pending.pop()
        parent_names = {parent.name for parent in current.parents}
        node = current.node
        for name in set(getattr(node, "depends_on", set()) or set()) | parent_names:
            if name in seen:
                continue
            seen.add(name)
            parent = snapshots.get(name)
            if parent is not None and not parent.is_external:
                if walk_ancestors:
                    pending.append(parent)
                continue
            table = exp.to_table(name)
            found.add((table.db, table.name))
    return sorted(found)


def signalled_sources(snapshot, snapshots) -> t.List[t.Tuple[str, str]]:
    """The raw tables a model's `delivered` signal waits for (its `sources :=` list, if any).

    Empty for a model without the signal.
    """
    for name, arguments in snapshot.model.signals:
        if name != "delivered":
            continue
        local_day = arguments.get("local_day")
        walk = local_day is not None and str(getattr(local_day, "this", local_day)).upper() == "TRUE"
        tables = raw_sources(snapshot, snapshots, walk_ancestors=walk)
        if "sources" in arguments:
            listed = arguments["sources"]
            text = listed.name if hasattr(listed, "name") else str(listed)
            wanted = {part.strip().lower() for part in text.split(",") if part.strip()}
            tables = [(schema, table) for schema, table in tables if f"{schema}.{table}" in wanted]
        return tables
    return []


def load_columns(adapter, schemas: t.Iterable[str]) -> t.Dict[t.Tuple[str, str], str]:
    """The load column of every raw table of these schemas that has one: {(schema, table): column}.

    A table carrying several (never seen in practice) uses the most specific: tap, Lambda, Segment.
    """
    schemas = sorted(set(schemas))
    if not schemas:
        return {}
    if adapter.dialect == "spark":  # Spark has no information_schema: ask its catalog
        rows = _spark_columns(adapter, schemas)
    else:
        quoted_schemas = ", ".join("'" + schema.replace("'", "''") + "'" for schema in schemas)
        quoted_columns = ", ".join("'" + column + "'" for column in DELIVERY_COLUMNS)
        rows = adapter.fetchall(
            "SELECT table_schema, table_name, column_name FROM information_schema.columns"
            f" WHERE table_catalog = current_database() AND table_schema IN ({quoted_schemas})"
            f" AND column_name IN ({quoted_columns})"
        )
    per_table: t.Dict[t.Tuple[str, str], str] = {}
    for schema, table, column in rows:
        current = per_table.get((schema, table))
        if current is None or DELIVERY_COLUMNS.index(column) < DELIVERY_COLUMNS.index(current):
            per_table[(schema, table)] = column
    return per_table


def _spark_columns(adapter, schemas: t.List[str]) -> t.List[t.Tuple[str, str, str]]:
    """(schema, table, load column) of the Spark catalog's tables in these schemas.

    Reading a table's columns loads its Iceberg metadata (about a second per table), so each
    schema's answer is kept on the adapter for the life of the process (a plan or a run): raw
    tables gain load columns only with a new loader, never during a run.
    """
    cache = adapter.__dict__.setdefault("_catwalk_load_columns", {})
    spark = adapter.spark
    rows = []
    for schema in schemas:
        if schema not in cache:
            found = []
            if spark.catalog.databaseExists(schema):
                for (table,) in [(row.tableName,) for row in spark.sql(f"SHOW TABLES IN `{schema}`").collect()]:
                    for column in spark.table(f"`{schema}`.`{table}`").columns:
                        if column in DELIVERY_COLUMNS:
                            found.append((schema, table, column))
            cache[schema] = found
        rows.extend(cache[schema])
    return rows


def _spark_horizon_rows(adapter, per_table: t.Dict[t.Tuple[str, str], str]) -> t.List[t.Tuple[str, str, t.Any]]:
    """(schema, load column, latest load) per raw table on Spark, each table's answer kept on the
    adapter for five minutes: every model's signal asks for its tables, and each query is a
    Spark job. A horizon read a few minutes ago is never later than the real one, so a kept
    answer can only make a model wait, never run early."""
    import time

    import sqlglot

    cache = adapter.__dict__.setdefault("_catwalk_horizons", {})
    now = time.monotonic()
    missing = {key: column for key, column in per_table.items()
               if key not in cache or now - cache[key][0] >= 300}
    if missing:
        selects = [
            f"SELECT '{schema}' AS source_schema, '{table}' AS source_table,"
            f' MAX("{column}") AS delivered_at FROM "{schema}"."{table}"'
            for (schema, table), column in sorted(missing.items())
        ]
        query = sqlglot.parse_one(" UNION ALL ".join(selects), dialect="duckdb")
        for schema, table, delivered_at in adapter.fetchall(query):
            cache[(schema, table)] = (now, delivered_at)
    return [(schema, column, cache[(schema, table)][1]) for (schema, table), column in per_table.items()]


def delivery_horizons(
    adapter, per_table: t.Dict[t.Tuple[str, str], str]
) -> t.Dict[t.Tuple[str, str], t.Any]:
    """Latest load per loader {(schema, load column): aware UTC datetime, or None if no row yet}.

    The maximum of the load column over every table of the schema carrying it, in one query.
    """
    if not per_table:
        return {}
    selects = [
        f"SELECT '{schema}' AS source_schema, '{column}' AS load_column,"
        f' MAX("{column}") AS delivered_at FROM "{schema}"."{table}"'
        for (schema, table), column in sorted(per_table.items())
    ]
    horizons: t.Dict[t.Tuple[str, str], t.Any] = {}
    for (schema, _table), column in per_table.items():
        horizons[(schema, column)] = None
    if adapter.dialect == "spark":
        rows = _spark_horizon_rows(adapter, per_table)
    else:
        rows = adapter.fetchall(" UNION ALL ".join(selects))
    for schema, column, delivered_at in rows:
        if delivered_at is None:
            continue
        delivered_at = _as_utc(delivered_at)
        previous = horizons.get((schema, column))
        if previous is None or delivered_at > previous:
            horizons[(schema, column)] = delivered_at
    return horizons


def source_horizons(adapter, sources: t.Iterable[t.Tuple[str, str]]) -> t.Dict[str, t.Any]:
    """{"schema.table": (schema, load column, horizon)} for the raw tables a model reads.

    The horizon is the latest load of the table's loader (its schema and load column). Tables
    without a load column are absent: they never hold a model back.
    """
    sources = list(sources)
    per_table = load_columns(adapter, {schema for schema, _ in sources})
    horizons = delivery_horizons(adapter, per_table)
    result = {}
    for schema, table in sources:
        column = per_table.get((schema, table))
        if column is not None:
            result[f"{schema}.{table}"] = (schema, column, horizons.get((schema, column)))
    return result


def loader_horizon(adapter, column: str, schemas: t.Iterable[str]):
    """Latest delivery of a load column over every table of these raw schemas (the loader's pulse)."""
    per_table = {key: value for key, value in load_columns(adapter, schemas).items() if value == column}
    known = [value for value in delivery_horizons(adapter, per_table).values() if value is not None]
    return max(known, default=None)


def raw_schemas_of(snapshots) -> t.Set[str]:
    """The raw schemas the project's models read (external tables of every snapshot)."""
    schemas: t.Set[str] = set()
    for snapshot in snapshots.values():
        if snapshot.is_model and not snapshot.is_external:
            schemas.update(schema for schema, _table in raw_sources(snapshot, snapshots))
    return schemas


def idle_sources(adapter, horizons, snapshots, current_time, max_wait_hours: float) -> t.Set[str]:
    """Sources silent for more than max_wait_hours while their loader delivered other tables since.

    `horizons` is the result of source_horizons; returns the idle "schema.table" names.
    """
    from datetime import timedelta

    limit = current_time - timedelta(hours=max_wait_hours)
    silent = {
        name: column
        for name, (_schema, column, horizon) in horizons.items()
        if horizon is not None and horizon < limit
    }
    if not silent:
        return set()
    schemas = raw_schemas_of(snapshots)
    pulses = {column: loader_horizon(adapter, column, schemas) for column in set(silent.values())}
    return {
        name for name, column in silent.items() if pulses[column] is not None and pulses[column] >= limit
    }


def audit_inputs(snapshot, snapshots) -> t.List[t.Any]:
    """The models read by the model's blocking audits (besides the model itself), as snapshots."""
    from sqlglot import exp

    by_short = {".".join(part.strip('"') for part in name.split(".")[-2:]): s for name, s in snapshots.items()}
    found = {}
    for audit in (getattr(snapshot.model, "audit_definitions", None) or {}).values():
        if not getattr(audit, "blocking", True):
            continue
        for table in audit.query.find_all(exp.Table):
            parent = by_short.get(f"{table.db}.{table.name}")
            if parent is not None and parent.name != snapshot.name:
                found[parent.name] = parent
    return list(found.values())


def audited_sources(snapshot, snapshots) -> t.Set[t.Tuple[str, str]]:
    """Raw sources behind the time-range ancestors of the models the blocking audits read."""
    tables: t.Set[t.Tuple[str, str]] = set()
    for start in audit_inputs(snapshot, snapshots):
        for ancestor in [start, *_ancestors(start, snapshots)]:
            if ancestor.is_model and ancestor.is_incremental_by_time_range:
                tables.update(signalled_sources(ancestor, snapshots))
    return tables


def late_upstream_sources(snapshot, context, current_time, max_wait_hours: float) -> t.List[str]:
    """Late raw sources behind the time-range ancestors of the models its blocking audits read.

    Only what the blocking audits cross-check can make them fail on partly refreshed inputs; a
    sparse source the model merely reads (phone calls on a quiet afternoon) holds nothing back.
    """
    import os
    from datetime import timedelta

    snapshots = context.snapshots
    tables = audited_sources(snapshot, snapshots)
    horizons = source_horizons(context.engine_adapter, sorted(tables))
    idle = idle_sources(context.engine_adapter, horizons, snapshots, current_time, max_wait_hours)
    live = {name: value for name, value in horizons.items() if name not in idle}
    freshest = max((horizon for _s, _c, horizon in live.values() if horizon is not None), default=None)
    if freshest is None:
        return []  # nothing delivered at all: no input is partly refreshed
    # Partly refreshed inputs: a source that missed a load its siblings got (Segment loads are 11
    # and 13 hours apart) lags the freshest one by more than the late threshold. Sources that are
    # all equally behind (the loader itself is late) are stale but consistent: the model runs.
    late_after = float(os.environ.get("CATWALK_LATE_AFTER_HOURS", DEFAULT_LATE_AFTER_HOURS))
    limit = min(freshest, current_time) - timedelta(hours=late_after)
    return sorted(
        name for name, (_schema, _column, horizon) in live.items() if horizon is None or horizon < limit
    )


def _ancestors(snapshot, snapshots) -> t.List[t.Any]:
    seen: t.Dict[str, t.Any] = {}
    pending = [snapshot]
    while pending:
        current = pending.pop()
        for parent in current.parents:
            found = snapshots.get(parent.name)
            if found is not None and parent.name not in seen and not found.is_external:
                seen[parent.name] = found
                pending.append(found)
    return list(seen.values())


def local_day_end_utc(day_start):
    """End of the Montreal local day that starts (as a date) at `day_start`, as an aware UTC time."""
    from datetime import datetime, timedelta, timezone
    from zoneinfo import ZoneInfo

    next_day = (day_start + timedelta(days=1)).date()
    local_midnight = datetime(
        next_day.year, next_day.month, next_day.day, tzinfo=ZoneInfo(LOCAL_TIMEZONE)
    )
    return local_midnight.astimezone(timezone.utc)


def _as_utc(value):
    from datetime import datetime, timezone

    if isinstance(value, str):
        value = datetime.fromisoformat(value)
    if hasattr(value, "to_pydatetime"):
        value = value.to_pydatetime()
    if value.tzinfo is None:
        return value.replace(tzinfo=timezone.utc)
    return value.astimezone(timezone.utc)


@signal()
def delivered(
    batch,
    snapshot,
    context,
    max_wait_hours: int = 24,
    local_day: bool = False,
    sources: str = "",
):
    """Ready intervals: those whose end every raw source has been delivered past.

    Args:
        max_wait_hours: a source silent this long while its loader delivers other tables is idle
            and holds nothing back; an interval that ended longer ago than this is run even when a
            source is behind. Lookback recovers rows delivered later.
        local_day: the model's daily intervals are Montreal local days (date_day_est): wait for
            the end of the local day, and for the raw sources of all ancestors.
        sources: comma-separated raw tables to wait for (default: every raw table the model
            reads), e.g. 'usher.set_episode_state' when another input only matters for old eras.
    """
    from datetime import timedelta, timezone

    from sqlmesh.utils.date import now

    if getattr(context, "is_restatement", False):
        return True
    current_time = now().astimezone(timezone.utc)
    if not snapshot.is_incremental_by_time_range:
        # FULL / merge / SCD2 models rebuild from what is there, unless an input is late.
        return not late_upstream_sources(snapshot, context, current_time, max_wait_hours)
    tables = raw_sources(snapshot, context.snapshots, walk_ancestors=local_day)
    if sources:
        wanted = {name.strip().lower() for name in sources.split(",") if name.strip()}
        tables = [(schema, table) for schema, table in tables if f"{schema}.{table}" in wanted]
    horizons = source_horizons(context.engine_adapter, tables)
    idle = idle_sources(
        context.engine_adapter, horizons, context.snapshots, current_time, max_wait_hours
    )
    known = [horizon for name, (_s, _c, horizon) in horizons.items() if name not in idle]
    if not known:
        return True
    if any(horizon is None for horizon in known):
        horizon = None
    else:
        horizon = min(known)
    ready = []
    for start, end in batch:
        end_utc = _as_utc(end)
        must_cover = local_day_end_utc(_as_utc(start)) if local_day else end_utc
        if horizon is not None and horizon >= must_cover:
            ready.append((start, end))
        elif current_time - must_cover > timedelta(hours=max_wait_hours):
            ready.append((start, end))
    return ready
