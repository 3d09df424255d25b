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

`max_wait_hours` (default 24): an interval that ended longer ago than this runs even when its
source is behind: the source is treated as idle rather than late (a sparse source that delivered
nothing). Late rows that arrive later are still picked up by the models' lookback (72 hours for
Segment events, 3 days for day-grain models), which is why max_wait_hours must stay below them.

Only INCREMENTAL_BY_TIME_RANGE models wait: their intervals are time slices that would otherwise
be computed from a partial delivery. FULL, merge (INCREMENTAL_BY_UNIQUE_KEY) and SCD2 models
rebuild from whatever the replica holds, so the signal lets them run. (Their load columns only
move when a row changes, so a quiet replica cannot be told from a late one.)

Signals are metadata in SQLMesh: adding, removing or changing a `signals` line never rebuilds data.
"""

from __future__ import annotations

import typing as t

from sqlmesh import signal

DELIVERY_COLUMNS = ("_sdc_batched_at", "imported_at", "received_at")
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


def load_columns(adapter, schemas: t.Iterable[str]) -> t.Dict[t.Tuple[str, str], str]:
    """The load column of every raw table of these schemas that has one: {(schema, table): column}.

    A table carrying several (never seen in practice) uses the most specific: tap, Lambda, Segment.
    """
    schemas = sorted(set(schemas))
    if not schemas:
        return {}
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
    for schema, column, delivered_at in adapter.fetchall(" UNION ALL ".join(selects)):
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
        max_wait_hours: an interval that ended longer ago than this is run even when a source is
            behind (the source is considered idle); lookback recovers rows delivered later.
        local_day: the model's daily intervals are Montreal local days (date_day_est): wait for
            the end of the local day, and for the raw sources of all ancestors.
        sources: comma-separated raw tables to wait for (default: every raw table the model
            reads), e.g. 'usher.set_episode_state' when another input only matters for old eras.
    """
    from datetime import timedelta, timezone

    from sqlmesh.utils.date import now

    if getattr(context, "is_restatement", False):
        return True
    if not snapshot.is_incremental_by_time_range:
        # FULL / merge / SCD2 models rebuild from what is there: waiting gains nothing.
        return True
    tables = raw_sources(snapshot, context.snapshots, walk_ancestors=local_day)
    if sources:
        wanted = {name.strip().lower() for name in sources.split(",") if name.strip()}
        tables = [(schema, table) for schema, table in tables if f"{schema}.{table}" in wanted]
    horizons = source_horizons(context.engine_adapter, tables)
    known = [horizon for _schema, _column, horizon in horizons.values()]
    if not known:
        return True
    if any(horizon is None for horizon in known):
        horizon = None
    else:
        horizon = min(known)
    current_time = now().astimezone(timezone.utc)
    ready = []
    for start, end in batch:
        end_utc = _as_utc(end)
        must_cover = local_day_end_utc(_as_utc(start)) if local_day else end_utc
        if horizon is not None and horizon >= must_cover:
            ready.append((start, end))
        elif current_time - must_cover > timedelta(hours=max_wait_hours):
            ready.append((start, end))
    return ready
