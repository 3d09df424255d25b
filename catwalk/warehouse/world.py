"""The simulated world behind the synthetic raw warehouse: orchestration and delivery.

`build_world(scale, seed, start, end)` runs the simulation steps of `catwalk.warehouse.sources`
(one module per simulated source, mirroring models/base/<source>/, plus the shared care journey
of `catwalk.warehouse.episodes`) from well before `start` up to `end + FUTURE_DAYS`, and returns
one `RawTable` per raw table of external_models.yaml. This module keeps what the steps share: the
window and the scale's knobs (`WorldState`), the random streams (`Rngs`), the replica delivery
times (`replica_time`, `state_table`) and the Segment delivery simulation (`EventSink`).

Every row carries `_delivered_at`, the time the loaders deliver it to the warehouse:
- Segment events: the first Segment load (06:00 / 17:00 UTC) after the event, + a few minutes;
- Scribe replicas: the next Lambda import (05:30 / 17:30 UTC) after the row changed (`imported_at`);
- Singer taps (WIW, Delighted): the next tap sync (05:30 / 17:30 UTC, `_sdc_batched_at`).
`generate` writes what was delivered by `end`; the rest waits in `catwalk_generator` for `load`.
Replica tables (`kind='state'`) are version lists: the table at time T holds, per key, the latest
version delivered by T unless that version is a deletion.

Everything is vectorized numpy/pandas (Python loops only over days, roles and small dimensions),
and deterministic: each component draws from its own named stream (`WorldState.stream(name)`,
a `numpy.random.default_rng([seed, k])` shared by the steps that continue it).
Times are int64 microseconds since the epoch (UTC) until the DataFrames are built.
"""

from __future__ import annotations

import dataclasses

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

# --------------------------------------------------------------------------------------------------
# Messiness: proportions of Segment events affected, applied per event table.
DUPLICATE_RATE = 0.01  # events delivered twice with the same Segment `id` (second copy one load later)
LATE_RATE = 0.03  # events delivered late: received 2 to 48 hours after `timestamp` (< 72 h lookback)
LATE_MIN_HOURS, LATE_MAX_HOURS = 2, 48
NULL_RATE = 0.01  # optional properties dropped (NULL) in ~1% of events (EventSink.add optional)
# Replica rows updated in place with a newer `imported_at`: plan price/strategy changes, contract
# ends, user language changes, sign-ups, one deleted organization (see sources/scribe.py).
FUTURE_DAYS = 14  # the world extends this far beyond the end of history (delivered by `load`)

SEGMENT_LOADS = (6 * 60, 17 * 60)  # minutes after midnight UTC
REPLICA_LOADS = (5 * 60 + 30, 17 * 60 + 30)  # Lambda imports and Singer tap syncs
OPEN_ENDED = "9999-12-31 23:59:59.999999+00"
TZ = "America/Montreal"

SEC = 1_000_000
MIN = 60 * SEC
HOUR = 60 * MIN
DAY = 24 * HOUR

SCALES = {
    # days: default history; orgs: organizations (incl. the 11 hard-coded ones); employees: contract
    # holders over all orgs; episodes: mean new episodes per weekday; staff: shifts per block.
    # tiny keeps demo's staffing so active hours, hence hourly rates from the finance seed
    # (calibrated on demo: CC ~40, NC ~75, NP ~100 $/h), stay in range at both scales.
    "tiny": dict(days=14, orgs=18, employees=220, episodes=13,
                 staff=dict(nc=4, cc=2, np=2, gp=2, psy=1, nutr=1), sf_users=5),
    "demo": dict(days=42, orgs=60, employees=4000, episodes=75,
                 staff=dict(nc=4, cc=2, np=2, gp=2, psy=1, nutr=1), sf_users=8),
    "bench": dict(days=365, orgs=400, employees=60000, episodes=840,
                  staff=dict(nc=10, cc=5, np=4, gp=5, psy=2, nutr=1), sf_users=15),
}


class RawTable:
    """One raw table of the world: rows + how the writer turns them into raw rows.

    State tables (replicas, taps) hold a pandas DataFrame: raw columns (any subset; missing ones
    are NULL) plus `_delivered_at` and `_deleted`. Segment tables hold a pyarrow Table built lazily
    (`factory`) when first read, in delivery order: raw columns plus `_eid`, `_anon` (id seeds),
    `_ord` (frame order) and `_null_*` masks; their delivery time is `received_at`.
    `exprs` maps raw columns to DuckDB SQL over those columns (string building is done there:
    ids stay integers and are cast to TEXT by the writer). `release()` frees a table once written,
    so the whole world never sits in memory at once.
    """

    def __init__(self, name: str, df: pd.DataFrame | None = None, kind: str = "event",
                 key: tuple[str, ...] = (), exprs: dict[str, str] | None = None, factory=None):
        self.name = name
        self._data = df
        self.kind = kind  # 'event' (append-only) or 'state' (replica: versions keyed by `key`)
        self.key = key
        self.exprs = exprs or {}
        self._factory = factory

    @property
    def data(self) -> "pd.DataFrame | pa.Table | None":
        """The rows as built: a DataFrame (state tables) or a pyarrow Table (Segment tables)."""
        if self._data is None and self._factory is not None:
            self._data, self._factory = self._factory(), None
        return self._data

    @property
    def df(self) -> pd.DataFrame | None:
        data = self.data
        return data.to_pandas() if isinstance(data, pa.Table) else data

    @df.setter
    def df(self, value: pd.DataFrame) -> None:
        self._data = value

    def release(self) -> None:
        self._data = self._factory = None


@dataclasses.dataclass
class World:
    tables: dict[str, RawTable]
    truth: dict[str, pd.DataFrame]  # ground truth for tests (schema catwalk_generator)
    start_us: int
    end_us: int
    world_end_us: int
    events: "EventSink | None" = None  # Segment tables not built yet; its stats complete the truth

    def messiness(self) -> pd.DataFrame:
        """Ground truth `segment_messiness` (one row per Segment table), building any table left."""
        if self.events is None:
            return self.truth["segment_messiness"]
        for name in self.events.order:
            self.tables[name].data  # noqa: B018 (builds the table if the writer has not)
        return self.events.stats_frame()


# ---------------------------------------------------------------------------------------- helpers


def to_us(value) -> int:
    ts = pd.Timestamp(value)
    if ts.tzinfo is None:
        ts = ts.tz_localize("UTC")
    return int(ts.tz_convert("UTC").value // 1000)


def ts_col(us: np.ndarray) -> pd.DatetimeIndex:
    """int64 microseconds (UTC) -> tz-aware pandas values (assigned by position, never aligned)."""
    arr = np.asarray(us, dtype=np.int64).astype("datetime64[us]")
    return pd.DatetimeIndex(arr).tz_localize("UTC")


def ts_col_or_null(us: np.ndarray, null: np.ndarray) -> pd.DatetimeIndex:
    """ts_col with NaT where `null` is true (`us` may hold anything there, NaN included).

    Never pass NaN through pd.to_datetime(..., unit="us"): pandas rounds a scratch array it leaves
    uninitialized at the NaN positions, under errstate(over="raise"), so whatever bytes that memory
    holds can raise FloatingPointError at random."""
    null = np.asarray(null, dtype=bool)
    arr = np.where(null, 0, us).astype(np.int64).astype("datetime64[us]")
    arr[null] = np.datetime64("NaT")
    return pd.DatetimeIndex(arr).tz_localize("UTC")


def local_to_utc(local_us: np.ndarray) -> np.ndarray:
    """Naive Montreal wall-clock microseconds -> UTC microseconds (DST gaps shifted forward)."""
    local_us = np.asarray(local_us, dtype=np.int64)
    if len(local_us) == 0:
        return local_us
    idx = pd.DatetimeIndex(local_us.astype("datetime64[us]")).tz_localize(
        TZ, ambiguous=np.zeros(len(local_us), dtype=bool), nonexistent="shift_forward"
    )
    return idx.tz_convert("UTC").tz_localize(None).values.astype("datetime64[us]").astype(np.int64)


def utc_to_local(utc_us: np.ndarray) -> np.ndarray:
    utc_us = np.asarray(utc_us, dtype=np.int64)
    if len(utc_us) == 0:
        return utc_us
    idx = pd.DatetimeIndex(utc_us.astype("datetime64[us]")).tz_localize("UTC").tz_convert(TZ)
    return idx.tz_localize(None).values.astype("datetime64[us]").astype(np.int64)


def next_slot(t: np.ndarray, slots_min=SEGMENT_LOADS) -> np.ndarray:
    """First load time strictly after each t (loads at fixed UTC minutes of the day)."""
    t = np.asarray(t, dtype=np.int64)
    day = (t // DAY) * DAY
    tod = t - day
    result = day + DAY + slots_min[0] * MIN
    for slot in sorted(slots_min, reverse=True):
        result = np.where(tod < slot * MIN, day + slot * MIN, result)
    return result


def full_obj(n, value) -> np.ndarray:
    """np.full(n, value, dtype=object) without its per-element cost (25 times faster)."""
    out = np.empty(int(n), dtype=object)
    out[:] = value
    return out


def group_rank(counts: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """For groups of sizes `counts`: (group index per row, rank within group per row)."""
    counts = np.asarray(counts, dtype=np.int64)
    group = np.repeat(np.arange(len(counts)), counts)
    starts = np.cumsum(counts) - counts
    rank = np.arange(counts.sum()) - np.repeat(starts, counts)
    return group, rank


def choice(rng, values, weights, size):
    weights = np.asarray(weights, dtype=float)
    idx = rng.choice(len(values), size=size, p=weights / weights.sum())
    return np.asarray(values, dtype=object)[idx]


def _fmt_seconds(us: np.ndarray) -> np.ndarray:
    """int64 microseconds (UTC) -> 'YYYY-MM-DD HH:MM:SS+00' (vectorized strftime)."""
    seconds = np.asarray(us, dtype=np.int64).astype("datetime64[us]").astype("datetime64[s]")
    return np.char.add(np.char.replace(np.datetime_as_string(seconds, unit="s"), "T", " "), "+00")


def fmt_range(start_us: np.ndarray, end_us: np.ndarray | None = None) -> list[str]:
    """Postgres tstzrange text literals ["start","end") (end None or < 0 = open-ended)."""
    starts = _fmt_seconds(start_us)
    if end_us is None:
        ends = np.full(len(starts), OPEN_ENDED)
    else:
        end_us = np.asarray(end_us, dtype=np.int64)
        ends = np.where(end_us < 0, OPEN_ENDED, _fmt_seconds(np.maximum(end_us, 0)))
    return np.char.add(np.char.add(np.char.add('["', starts), np.char.add('","', ends)),
                       '")').tolist()


def mix64(values: np.ndarray, salt: int) -> np.ndarray:
    """splitmix64 finalizer of (values + salt): a bijection, so distinct inputs give distinct ids."""
    with np.errstate(over="ignore"):
        z = np.asarray(values).astype(np.uint64) + np.uint64(salt % (1 << 63))
        z = z * np.uint64(0x9E3779B97F4A7C15) + np.uint64(0x632BE59BD9B4E019)
        z = (z ^ (z >> np.uint64(30))) * np.uint64(0xBF58476D1CE4E5B9)
        z = (z ^ (z >> np.uint64(27))) * np.uint64(0x94D049BB133111EB)
        return z ^ (z >> np.uint64(31))


def stable_key(name: str) -> int:
    """A stable small integer for a name (never Python's salted hash())."""
    return sum((i + 1) * ord(c) for i, c in enumerate(name)) % 1_000_003


class Rngs:
    """Independent deterministic random streams per component name."""

    def __init__(self, seed: int):
        self.seed = seed
        self._streams: dict[str, np.random.Generator] = {}

    def __call__(self, name: str) -> np.random.Generator:
        """A fresh stream `name` (the same draws on every call)."""
        return np.random.default_rng([self.seed, stable_key(name)])

    def stream(self, name: str) -> np.random.Generator:
        """The shared stream `name`: started on the first call, continued by the next ones."""
        if name not in self._streams:
            self._streams[name] = self(name)
        return self._streams[name]




# ---------------------------------------------------------------------------------------- segment


class EventSink:
    """Collects Segment event tables; applies delivery times, late events, duplicates and nulls.

    Columns of `add` may be numpy arrays, pandas arrays (nullable integers, categoricals, times)
    or a scalar string / None repeated over the part (kept as one value, never materialized as a
    Python object array). `_frame` returns a pyarrow Table in delivery order (see `_frame`).
    """

    def __init__(self, rngs: Rngs):
        self.rngs = rngs
        self.tables: dict[str, list[dict]] = {}
        self.exprs: dict[str, dict[str, str]] = {}  # per table: raw columns built in SQL
        self.optional: dict[str, list[str]] = {}  # per table: columns dropped in ~NULL_RATE
        self.stats: list[dict] = []
        self.order: list[str] = []  # the row order of the stats (segment_messiness)

    def add(self, table: str, timestamp: np.ndarray, user_id, exprs: dict[str, str] | None = None,
            optional: tuple[str, ...] = (), **columns) -> None:
        """Events of `table`: raw columns as arrays, plus columns built in SQL (`exprs`); the
        `optional` properties are set to NULL in ~NULL_RATE of the events (in that order)."""
        timestamp = np.asarray(timestamp, dtype=np.int64)
        part = {"timestamp": timestamp, "user_id": np.asarray(user_id)}
        for name, values in columns.items():
            part[name] = values if values is None or isinstance(values, str) or isinstance(
                values, (pd.Series, pd.Index, pd.api.extensions.ExtensionArray)) \
                else np.asarray(values)
        self.tables.setdefault(table, []).append(part)
        if exprs:
            self.exprs.setdefault(table, {}).update(exprs)
        if optional:
            self.optional[table] = list(optional)

    def tracks(self, table: str, sources: tuple[str, ...]) -> RawTable:
        """Segment's all-events table `table` of a source: the union of its event tables `sources`
        (same time and user, `event` the source table's name, no properties), read from the events
        added and not built yet. Segment delivers it on its own: its rows get their own ids, late
        deliveries and duplicates (stream "segment:<table>")."""
        for source in sources:
            if source not in self.tables:
                raise ValueError(f"{table}: the events of {source} were built before being read")
            event = source.split(".")[1]
            for part in self.tables[source]:
                self.add(table, part["timestamp"], part["user_id"], _event=event,
                         _event_text=event.replace("_", " ").title(),
                         exprs={"event": "_event", "event_text": "_event_text"})
        return self.build(table)

    def stats_frame(self) -> pd.DataFrame:
        rank = {name: i for i, name in enumerate(self.order)}
        frame = pd.DataFrame(sorted(self.stats, key=lambda row: (
            rank[row["table_name"].split("#")[0]], row["table_name"])))
        # an extension's events count with its table's
        frame["table_name"] = frame["table_name"].str.split("#").str[0]
        return frame.groupby("table_name", sort=False, as_index=False).sum()

    def build(self, table: str) -> RawTable:
        """The RawTable of a Segment table; its rows are simulated when first read."""
        event = table.split(".")[1]
        exprs = {
            "event": f"'{event}'",
            "event_text": "'" + event.replace("_", " ").title() + "'",
            "id": "lower(lpad(to_hex(_eid), 16, '0'))",
            "anonymous_id": "'anon-' || lower(lpad(to_hex(_anon), 16, '0'))",
            "original_timestamp": '"timestamp"',
        }
        extra = self.exprs.get(table, {})
        for column, expr in extra.items():  # optional columns built in SQL: NULL where dropped
            exprs[column] = (f"CASE WHEN _null_{column} THEN NULL ELSE ({expr}) END"
                             if column in self.optional.get(table, []) else expr)
        return RawTable(table, None, "event", (), exprs, factory=lambda: self._frame(table))

    def _frame(self, table: str) -> pa.Table:
        """The rows of a Segment table as a pyarrow Table, in delivery order, with the rows of its
        extensions (events added under `<table>#<extension>` by a later step drawing from its own
        stream): each extension is framed on its own (deliveries, duplicates and ids from the
        stream "segment:<table>#<extension>"), so adding one leaves every existing row unchanged;
        the union is put back in delivery order (stable: existing rows first at equal times)."""
        base = self._frame_part(table, table)
        extensions = sorted(key for key in self.tables if key.startswith(table + "#"))
        if not extensions:
            return base
        frames = [base] + [self._frame_part(key, table) for key in extensions]
        union = pa.concat_tables(frames, promote_options="permissive")
        at = union.column("received_at").combine_chunks().view(pa.int64()).to_numpy()
        position = np.argsort(at, kind="stable")
        union = union.take(pa.array(position))
        return union.set_column(union.schema.get_field_index("_ord"), "_ord",
                                pa.array(np.arange(len(position), dtype=np.int64)))

    def _frame_part(self, key: str, table: str) -> pa.Table:
        """The rows added under `key` (a table or one of its extensions) as a pyarrow Table, in
        delivery order.

        Frame order is the events sorted by `timestamp` (stable), then the duplicate copies;
        `_ord` is the frame-order position of each row and the rows are sorted by
        (`received_at`, `_ord`), so the rows delivered by any time are a prefix. Every column is
        gathered once, in C (numpy / Arrow take), from the parts given to `add`.
        """
        rng = self.rngs("segment:" + key)
        parts = self.tables.pop(key, [])
        if not parts:
            parts = [{"timestamp": np.array([], np.int64), "user_id": np.array([], np.int64)}]
        names = list(dict.fromkeys(k for p in parts for k in p))
        sizes = [len(p["timestamp"]) for p in parts]
        ts = np.concatenate([p["timestamp"] for p in parts])
        order = np.argsort(ts, kind="stable")
        ts = ts[order]
        n = len(order)
        late, received = _deliveries(rng, ts)
        # Segment message ids: 16 hex digits of a bijective mix of (seed, table, event number)
        eid = mix64(np.arange(n), (self.rngs.seed << 40) + (stable_key(key) << 20))
        anon = mix64(_anon_source(_concat_parts([p.get("user_id") for p in parts], sizes), order),
                     self.rngs.seed + 7)
        sent = ts + rng.integers(0, 3 * SEC, n)
        masks, sql_nulls = self._drops(rng, table, names, n)
        dup, received_ext, uuid_ts = _duplicates(rng, received)
        self.stats.append(dict(table_name=key, events=n, late_events=int(late.sum()),
                               duplicates=int(dup.sum())))
        # delivery order over the frame (events + copies); frame row -> event -> part row
        ext_pos = np.argsort(received_ext, kind="stable")
        dup_idx = np.flatnonzero(dup)
        frame_row = np.r_[np.arange(n), dup_idx][ext_pos] if len(dup_idx) else ext_pos
        part_row = order[frame_row]
        columns: dict[str, pa.Array] = {}
        for name in names:
            if name != "timestamp":
                values = _concat_parts([p.get(name) for p in parts], sizes)
                columns[name] = _gather(values, part_row, masks[name][frame_row]
                                        if name in masks else None)
        columns["timestamp"] = _ts_array(ts[frame_row])
        columns["sent_at"] = _ts_array(sent[frame_row])
        columns["received_at"] = _ts_array(received_ext[ext_pos])
        columns["uuid_ts"] = _ts_array(uuid_ts[ext_pos])
        columns["_eid"] = pa.array(eid[frame_row])
        columns["_anon"] = pa.array(anon[frame_row])
        for name, mask in sql_nulls.items():
            columns[name] = pa.array(mask[frame_row])
        columns["_ord"] = pa.array(ext_pos.astype(np.int64))
        return pa.table(columns)

    def _drops(self, rng, table: str, names: list[str], n: int):
        """Frame-order masks of the optional columns dropped (NULL): ({data column: mask},
        {_null_<column>: mask} for the columns built in SQL)."""
        derived = self.exprs.get(table, {})
        masks: dict[str, np.ndarray] = {}
        sql_nulls: dict[str, np.ndarray] = {}
        for column in self.optional.get(table, []):
            if column in names or column in ("_eid", "_anon", "sent_at", "received_at"):
                masks[column] = rng.random(n) < NULL_RATE
            elif column in derived:
                sql_nulls[f"_null_{column}"] = rng.random(n) < NULL_RATE
        return masks, sql_nulls


def _deliveries(rng, ts: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """(late flags, received_at) of events at ts: the next Segment load after the event (after
    2 to 48 more hours for the late ones), plus 1 to 25 minutes."""
    n = len(ts)
    late = rng.random(n) < LATE_RATE
    base = ts + np.where(
        late, rng.integers(LATE_MIN_HOURS * HOUR, LATE_MAX_HOURS * HOUR, n), 0
    )
    return late, next_slot(base) + rng.integers(1 * MIN, 25 * MIN, n)


def _duplicates(rng, received: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """(duplicated flags, received_at of the events then of their copies one load later, uuid_ts
    of them all)."""
    n = len(received)
    dup = rng.random(n) < DUPLICATE_RATE
    dup_idx = np.flatnonzero(dup)
    if len(dup_idx):
        received_ext = np.r_[received, next_slot(received[dup_idx]) +
                             rng.integers(1 * MIN, 25 * MIN, len(dup_idx))]
    else:
        received_ext = received
    return dup, received_ext, received_ext + rng.integers(0, 60 * SEC, len(received_ext))


def _anon_source(user, order: np.ndarray) -> np.ndarray:
    """The user ids in frame order as int64 (0 where not numeric): the anonymous id seeds."""
    if isinstance(user, np.ndarray) and user.dtype.kind in "iu":
        return user[order].astype(np.int64)
    values = user.to_numpy(zero_copy_only=False) if isinstance(user, pa.Array) else user
    return pd.to_numeric(pd.Series(values), errors="coerce").fillna(0).to_numpy(np.int64)[order]


def _ts_array(us: np.ndarray) -> pa.Array:
    """int64 microseconds (UTC) -> Arrow timestamp[us, UTC] (no copy)."""
    return pa.array(np.asarray(us, dtype=np.int64)).view(pa.timestamp("us", tz="UTC"))


def _part_to_arrow(values, n: int):
    """One part of a column -> numpy array (plain numbers) or pyarrow Array."""
    if values is None:
        return pa.nulls(n, pa.string())
    if isinstance(values, str):
        return pa.repeat(pa.scalar(values, pa.string()), n)
    if isinstance(values, (pd.Series, pd.Index, pd.api.extensions.ExtensionArray)):
        dtype = getattr(values, "dtype", None)
        if isinstance(dtype, pd.CategoricalDtype):
            codes = np.asarray(pd.Categorical(values).codes)
            return pa.DictionaryArray.from_arrays(
                pa.array(codes, mask=codes < 0), pa.array(list(dtype.categories))).cast(pa.string())
        if isinstance(dtype, pd.DatetimeTZDtype):
            return _ts_array(np.asarray(values.tz_convert("UTC").tz_localize(None), "datetime64[us]")
                             .astype(np.int64))
        return pa.array(values, from_pandas=True)
    values = np.asarray(values)
    if values.dtype.kind in "OUS":
        try:
            return pa.array(values, type=pa.string(), from_pandas=True)
        except (pa.ArrowInvalid, pa.ArrowTypeError):
            return pa.array(values, from_pandas=True)
    if values.dtype.kind == "M":
        return _ts_array(values.astype("datetime64[us]").astype(np.int64))
    return values


def _concat_parts(parts: list, sizes: list[int]):
    """Concatenate the parts of one column (missing parts are NULL): numpy when all plain."""
    converted = [_part_to_arrow(p, k) for p, k in zip(parts, sizes)]
    if all(isinstance(c, np.ndarray) for c in converted):
        return converted[0] if len(converted) == 1 else np.concatenate(converted)
    arrays = [pa.array(c) if isinstance(c, np.ndarray) else c for c in converted]
    typed = [a.type for a in arrays if a.type != pa.null() and a.null_count < len(a)] or \
        [a.type for a in arrays]
    target = pa.string() if any(pa.types.is_string(t) for t in typed) else typed[0]
    arrays = [a if a.type == target else a.cast(target) for a in arrays]
    return arrays[0] if len(arrays) == 1 else pa.concat_arrays(arrays)


def _gather(values, rows: np.ndarray, null_mask: np.ndarray | None) -> pa.Array:
    """values[rows] as an Arrow array, NULL where null_mask."""
    if isinstance(values, np.ndarray):
        taken = values[rows]
        if null_mask is not None:
            return pa.array(taken, mask=null_mask)
        return pa.array(taken)
    taken = values.take(pa.array(rows))
    if null_mask is not None:
        taken = pc.if_else(pa.array(null_mask), pa.nulls(len(taken), taken.type), taken)
    return taken


# ------------------------------------------------------------------------------------------ world


class WorldState:
    """What the simulation steps share: the window, the scale's knobs, the random streams, the
    Segment sink, the ground truth, and the facts one step leaves for the next ones.

    The facts (None until their step ran): `org` (sources/scribe: organizations and their plan,
    province, language, weight), `people` (scribe: members, with parent, signup, language),
    `practitioners`, `pools`, `staff_users` (coredata: practitioners by role, their Scribe user
    rows), `grid`, `grid0`, `shifts_frame` (wiw: who is on a VCP shift when, see
    sources/wiw.on_shift), `episodes` (catwalk.warehouse.episodes: the care journey).
    """

    def __init__(self, scale: str, seed: int, start_us: int, end_us: int):
        self.p = SCALES[scale]
        self.scale = scale
        self.seed = seed
        self.rngs = Rngs(seed)
        self.start = start_us
        self.end = end_us
        self.world_end = end_us + FUTURE_DAYS * DAY
        self.events = EventSink(self.rngs)
        self.truth: dict[str, pd.DataFrame] = {}  # ground truth for tests (catwalk_generator)
        self.tables: dict[str, RawTable] = {}  # raw tables returned by the steps so far
        self.org = self.people = self.practitioners = self.pools = self.staff_users = None
        self.grid = self.grid0 = self.shifts_frame = self.episodes = None

    def stream(self, name: str) -> np.random.Generator:
        """The random stream `name`: the first call starts it, later calls continue it."""
        return self.rngs.stream(name)


def state_frame(df: pd.DataFrame, delivered, deleted=None) -> pd.DataFrame:
    """Replica versions with their delivery time `_delivered_at` and deletion flag `_deleted`."""
    delivered = np.asarray(delivered, dtype=np.int64)
    assert len(delivered) == len(df) and (len(df) == 0 or delivered.min() > 0)
    df = df.reset_index(drop=True)
    df["_delivered_at"] = ts_col(delivered)
    df["_deleted"] = np.zeros(len(df), bool) if deleted is None else np.asarray(deleted, bool)
    return df


def state_table(name: str, df: pd.DataFrame, key, delivered, deleted=None,
                exprs=None) -> RawTable:
    """A replica (or tap) table: versions of rows keyed by `key`, delivered at `delivered`."""
    return RawTable(name, state_frame(df, delivered, deleted), "state", tuple(key), exprs or {})


def empty_state_table(name: str, key: str) -> RawTable:
    """A replica table of an older era that exists but stays empty."""
    return state_table(name, pd.DataFrame({key: pd.Series([], dtype=object)}), (key,),
                       np.array([], np.int64))


def replica_time(t, rng) -> np.ndarray:
    """Delivery of replica rows changed at t: the next import (05:30 / 17:30 UTC) + < 90 s."""
    return next_slot(np.asarray(t, np.int64), REPLICA_LOADS) + rng.integers(0, 90 * SEC, len(t))


def build_world(scale: str, seed: int, start_us: int, end_us: int, progress=None) -> World:
    """Run the registered simulation steps in order; every raw table comes from exactly one."""
    from catwalk.warehouse import schema
    from catwalk.warehouse.sources import STEPS  # here: the source modules import this one

    report = progress or (lambda step: None)
    world = WorldState(scale, seed, start_us, end_us)
    for name, step in STEPS:
        report(name)
        for table, raw in step(world).items():
            if table in world.tables:
                raise ValueError(f"raw table {table} is produced by two simulation steps")
            world.tables[table] = raw
    expected = set(schema.raw_tables())
    if set(world.tables) != expected:
        missing = sorted(expected - set(world.tables))
        unknown = sorted(set(world.tables) - expected)
        raise ValueError(f"simulation steps must produce exactly the raw tables of "
                         f"external_models.yaml: missing {missing}, not in the file {unknown}")
    simulated = sorted(t for t in world.events.tables if "#" not in t)  # tables with events
    world.events.order = simulated + [t for t, r in world.tables.items()
                                      if r.kind == "event" and t not in simulated]
    return World(world.tables, world.truth, world.start, world.end, world.world_end, world.events)
