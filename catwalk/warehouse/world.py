"""The simulated world behind the synthetic raw warehouse.

`build_world(scale, seed, start, end)` simulates Dialogue's membership (Scribe, Salesforce), staff
(coredata, When I Work) and care delivery (episodes: posts, Countdown questionnaires, Usher states,
Care Platform events, videos, phone calls, NPS) from well before `start` up to `end + FUTURE_DAYS`,
and returns one `RawTable` per raw table of external_models.yaml.

Every row carries `_delivered_at`, the time the loaders deliver it to the warehouse:
- Segment events: the first Segment load (06:00 / 17:00 UTC) after the event, + a few minutes;
- Scribe replicas: the next Lambda import (05:30 / 17:30 UTC) after the row changed (`imported_at`);
- Singer taps (WIW, Delighted): the next tap sync (05:30 / 17:30 UTC, `_sdc_batched_at`).
`generate` writes what was delivered by `end`; the rest waits in `catwalk_generator` for `load`.
Replica tables (`kind='state'`) are version lists: the table at time T holds, per key, the latest
version delivered by T unless that version is a deletion.

Everything is vectorized numpy/pandas (Python loops only over days, roles and small dimensions),
and deterministic: each component draws from its own `numpy.random.default_rng([seed, k])`.
Times are int64 microseconds since the epoch (UTC) until the DataFrames are built.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import math

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

# --------------------------------------------------------------------------------------------------
# Messiness (domain.md §14, brief): proportions of Segment events affected, applied per event table.
DUPLICATE_RATE = 0.01  # events delivered twice with the same Segment `id` (second copy one load later)
LATE_RATE = 0.03  # events delivered late: received 2 to 48 hours after `timestamp` (< 72 h lookback)
LATE_MIN_HOURS, LATE_MAX_HOURS = 2, 48
NULL_RATE = 0.01  # optional properties dropped (NULL) in ~1% of events, see OPTIONAL_COLUMNS
# Replica rows updated in place with a newer `imported_at`: plan price/strategy changes, contract
# ends, user language changes, sign-ups, one deleted organization (see _scheduled_changes).
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
                 staff=dict(nc=4, cc=2, np=2, gp=2, psy=1, nutr=1), sf_users=4),
    "demo": dict(days=42, orgs=60, employees=4000, episodes=75,
                 staff=dict(nc=4, cc=2, np=2, gp=2, psy=1, nutr=1), sf_users=8),
    "bench": dict(days=365, orgs=400, employees=60000, episodes=840,
                  staff=dict(nc=10, cc=5, np=4, gp=5, psy=2, nutr=1), sf_users=15),
}

SPECIAL_ORGS = {  # hard-coded exception and test organizations (domain.md §2.5, §5.4): created at
    9: "2018-03-01", 18: "2017-06-01", 47: "2019-11-15", 56: "2022-08-20", 61: "2017-09-01",
    84: "2021-02-10", 230: "2019-05-20", 251: "2019-04-15", 617: "2020-01-10", 618: "2020-01-10",
    692: "2021-06-01",
}
TEST_ORGS = (617, 618, 692, 9)
TEST_USERS = (485, 1207, 3318, 9001, 12044, 20311, 28765, 33390, 41002, 45942, 47113)
BOT_USER = 100  # Dialogue system account posting system messages
FIRST_PRACTITIONER_ID = 40001
FIRST_MEMBER_ID = 50001
DUPLICATE_SHIFT_IDS = [900000001 + i for i in range(8)]  # = seeds/data_wiw_duplicate_shifts.csv

PROVINCES = [  # code, name, weight for residences
    ("QC", "Quebec", 42), ("ON", "Ontario", 30), ("BC", "British Columbia", 8), ("AB", "Alberta", 7),
    ("NS", "Nova Scotia", 3), ("MB", "Manitoba", 2), ("SK", "Saskatchewan", 2),
    ("NB", "New Brunswick", 2), ("NL", "Newfoundland and Labrador", 1.5),
    ("PE", "Prince Edward Island", 1), ("YT", "Yukon", 0.5),
]
CITIES = [  # city, province code
    ("Montreal", "QC"), ("Laval", "QC"), ("Quebec City", "QC"), ("Sherbrooke", "QC"),
    ("Gatineau", "QC"), ("Toronto", "ON"), ("Ottawa", "ON"), ("Mississauga", "ON"),
    ("Vancouver", "BC"), ("Calgary", "AB"), ("Edmonton", "AB"), ("Halifax", "NS"),
    ("Winnipeg", "MB"), ("Regina", "SK"), ("Moncton", "NB"), ("Whitehorse", "YT"),
]
FIRST_NAMES = ["Marie", "Jean", "Sophie", "Luc", "Emma", "Olivier", "Chloe", "William", "Lea",
               "Noah", "Camille", "Gabriel", "Sarah", "Thomas", "Julie", "Alexandre", "Emily",
               "James", "Isabelle", "Mathieu", "Olivia", "Liam", "Ava", "Felix", "Charlotte",
               "Samuel", "Amelia", "Nathan", "Laurence", "Ethan"]
LAST_NAMES = ["Tremblay", "Gagnon", "Roy", "Cote", "Bouchard", "Gauthier", "Morin", "Lavoie",
              "Fortin", "Gagne", "Smith", "Brown", "Wilson", "Taylor", "Martin", "Campbell",
              "Anderson", "Leblanc", "Pelletier", "Bergeron", "Nguyen", "Singh", "Chen", "Patel",
              "Girard", "Caron", "Lefebvre", "MacDonald", "Thompson", "Scott"]
COMPANY_WORDS = ["Northern", "Maple", "Summit", "Laurentian", "Pacific", "Atlantic", "Boreal",
                 "Granite", "Cedar", "Harbour", "Prairie", "Aurora", "Beacon", "Evergreen",
                 "Horizon", "Keystone", "Lakeshore", "Meridian", "Pinnacle", "Riverside"]
COMPANY_KINDS = ["Logistics", "Software", "Dental Group", "Insurance", "Foods", "Engineering",
                 "Consulting", "Media", "Retail", "Pharma", "Studios", "Manufacturing", "Energy",
                 "Capital", "Health", "Construction"]
FEATURES = ["nurse", "family", "24_7", "mental_health", "mental_health_family", "biogeniq", "merck",
            "caution", "intake"]
FEATURE_RATES = [1.0, 0.7, 0.25, 0.2, 0.08, 0.05, 0.03, 0.05, 0.1]
ISSUE_TYPES = [("resp", 14), ("derm", 10), ("gi", 8), ("msk", 10), ("ent", 9), ("rx", 8),
               ("gu", 6), ("gyn", 5), ("psy", 6), ("opht", 3), ("endo", 2), ("cardio", 2),
               ("neuro", 2), ("sleep", 2), ("nutrition", 2), ("travel", 1), ("other", 4),
               ("admin", 1), ("nav", 2), ("adhd", 1), ("diet", 1), ("biom", 1), ("obs", 1),
               ("international", 0.5), ("test", 0.3), ("psy-pilot", 0.5)]
PEDIATRIC = {"adhd", "derm", "psy", "ent", "resp", "gi"}
OUTCOMES = [("care_plan", 22), ("advice", 12), ("nurse_counselling", 4),
            ("virtual_appointment", 6), ("prescription_pharmacy", 6), ("prescription_delivery", 1),
            ("md_np_appointment", 2), ("referral_specialist", 4), ("referral_walk_in", 5),
            ("walking_clinic", 1), ("referral_er", 3), ("er", 1), ("navigation", 4),
            ("navigation_only", 1), ("referral_without_navigation", 3), ("ubisoft", 1),
            ("not_suitable", 1), ("episode_duplicate", 2), ("new_dependant", 0.5),
            ("patient_unresponsive", 4), ("patient_thanks", 2), ("admin", 1), ("other", 2),
            ("audit", 0.5), ("test", 0.3)]
INVALID_FIRST = ["follow_up", "patient_thanks", "closed_after_follow_up", "other"]
DISPATCH = ["Outcome ER", "Outcome NP or MD", "Outcome WIC", "Outcome Counselling",
            "Outcome Nurse Counselling", "Outcome Navigation", "Outcome WIC Ubisoft clinic",
            "Outcome Rx renewal (Out of scope)", "Outcome Rx renewal (Blood pressure)",
            "Outcome Rx renewal (Mental Health)", "Outcome WIC PHYSIO"]
USER_TYPES = ["patient", "physician"]  # messaging.posts user_type (None: system posts)
POST_TYPES = ["dialogue_system"]  # messaging.posts post_type (None: regular posts)
TOPICS = ["cold_flu", "skin", "prescription", "mental_health", "digestive", "pain", "other"]
NPS_TAGS = ["+ fast", "+ friendly", "+ professional", "+ easy", "- wait time", "- app issues",
            "- not resolved"]
NPS_COMMENTS = ["Great service, very fast.", "The nurse was very helpful.",
                "Waited too long for an answer.", "Easy to use and professional.",
                "Merci beaucoup, service rapide!", "Pas de reponse le soir.",
                "Excellent suivi.", "The app crashed twice."]

# Optional event properties set to NULL in ~NULL_RATE of the events of each table.
OPTIONAL_COLUMNS = {
    "messaging.posts": ["message_length", "count_question_marks", "mention"],
    "careplatform.pages": ["title", "url"],
    "careplatform.video_call_start_call": ["episode_id"],
    "careplatform.video_call_call_ended": ["episode_id"],
    "countdown.chief_complaint_parsed": ["confidence_threshold"],
    "countdown.question_reply": ["quetion_reply_value"],
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
        self._names: dict[str, int] = {}

    def __call__(self, name: str) -> np.random.Generator:
        return np.random.default_rng([self.seed, stable_key(name)])


# careplatform.pages paths by shape code _pk over subject _ps and episode _pe (codes 3-7: the
# pages outside an episode, DASHBOARD_PAGES)
DASHBOARD_PAGES = ["/dashboard", "/", "/episodes", "/reminders", "/settings"]
PAGE_PATH_SQL = (
    "CASE _pk WHEN 0 THEN '/chat/' || CAST(_ps AS VARCHAR) || '/' || CAST(_pe AS VARCHAR) "
    "WHEN 1 THEN '/chat/' || CAST(_ps AS VARCHAR) || '?channelId=' || CAST(_pe AS VARCHAR) "
    "WHEN 2 THEN '/consult/' || CAST(_ps AS VARCHAR) || '/' || CAST(_pe AS VARCHAR) "
    + " ".join(f"WHEN {3 + i} THEN '{p}'" for i, p in enumerate(DASHBOARD_PAGES)) + " END"
)


class _Tid:
    """Countdown instance ids '<prefix><episode id>' kept as (prefix, episode ids), built in SQL."""

    SQL = "CAST(_tq AS VARCHAR) || CAST(_te AS VARCHAR)"

    def __init__(self, prefix: str, episodes: np.ndarray):
        self.prefix, self.episodes = prefix, np.asarray(episodes, dtype=np.int64)

    def __getitem__(self, index) -> "_Tid":
        return _Tid(self.prefix, self.episodes[index])

    def __len__(self) -> int:
        return len(self.episodes)

    def columns(self) -> dict[str, np.ndarray]:
        return {"_tq": self.prefix, "_te": self.episodes}


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
        self.stats: list[dict] = []
        self.order: list[str] = []  # build order of the original generator (the stats row order)

    def add(self, table: str, timestamp: np.ndarray, user_id, exprs: dict[str, str] | None = None,
            **columns) -> None:
        timestamp = np.asarray(timestamp, dtype=np.int64)
        part = {"timestamp": timestamp, "user_id": np.asarray(user_id)}
        for name, values in columns.items():
            part[name] = values if values is None or isinstance(values, str) or isinstance(
                values, (pd.Series, pd.Index, pd.api.extensions.ExtensionArray)) \
                else np.asarray(values)
        self.tables.setdefault(table, []).append(part)
        if exprs:
            self.exprs.setdefault(table, {}).update(exprs)

    def stats_frame(self) -> pd.DataFrame:
        rank = {name: i for i, name in enumerate(self.order)}
        return pd.DataFrame(sorted(self.stats, key=lambda row: rank[row["table_name"]]))

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
                             if column in OPTIONAL_COLUMNS.get(table, []) else expr)
        return RawTable(table, None, "event", (), exprs, factory=lambda: self._frame(table))

    def _frame(self, table: str) -> pa.Table:
        """The rows of a Segment table as a pyarrow Table, in delivery order.

        Frame order is the events sorted by `timestamp` (stable), then the duplicate copies;
        `_ord` is the frame-order position of each row and the rows are sorted by
        (`received_at`, `_ord`), so the rows delivered by any time are a prefix. Every column is
        gathered once, in C (numpy / Arrow take), from the parts given to `add`.
        """
        rng = self.rngs("segment:" + table)
        parts = self.tables.pop(table, [])
        if not parts:
            parts = [{"timestamp": np.array([], np.int64), "user_id": np.array([], np.int64)}]
        names = list(dict.fromkeys(k for p in parts for k in p))
        ts_all = np.concatenate([p["timestamp"] for p in parts])
        order = np.argsort(ts_all, kind="stable")
        n = len(order)
        ts = ts_all[order]
        late = rng.random(n) < LATE_RATE
        base = ts + np.where(
            late, rng.integers(LATE_MIN_HOURS * HOUR, LATE_MAX_HOURS * HOUR, n), 0
        )
        received = next_slot(base) + rng.integers(1 * MIN, 25 * MIN, n)
        # Segment message ids: 16 hex digits of a bijective mix of (seed, table, event number)
        eid = mix64(np.arange(n), (self.rngs.seed << 40) + (stable_key(table) << 20))
        user = _concat_parts([p.get("user_id") for p in parts], [len(p["timestamp"]) for p in parts])
        if isinstance(user, np.ndarray) and user.dtype.kind in "iu":
            anon_source = user[order].astype(np.int64)
        else:
            values = user.to_numpy(zero_copy_only=False) if isinstance(user, pa.Array) else user
            anon_source = pd.to_numeric(pd.Series(values), errors="coerce").fillna(0).to_numpy(
                np.int64)[order]
        anon = mix64(anon_source, self.rngs.seed + 7)
        sent = ts + rng.integers(0, 3 * SEC, n)
        derived = self.exprs.get(table, {})
        masks: dict[str, np.ndarray] = {}  # frame order: optional data columns dropped (NULL)
        sql_nulls: dict[str, np.ndarray] = {}  # frame order: optional columns built in SQL
        for column in OPTIONAL_COLUMNS.get(table, []):
            if column in names or column in ("_eid", "_anon", "sent_at", "received_at"):
                masks[column] = rng.random(n) < NULL_RATE
            elif column in derived:
                sql_nulls[f"_null_{column}"] = rng.random(n) < NULL_RATE
        dup = rng.random(n) < DUPLICATE_RATE
        dup_idx = np.flatnonzero(dup)
        if len(dup_idx):
            received_ext = np.r_[received, next_slot(received[dup_idx]) +
                                 rng.integers(1 * MIN, 25 * MIN, len(dup_idx))]
        else:
            received_ext = received
        n2 = len(received_ext)
        uuid_ts = received_ext + rng.integers(0, 60 * SEC, n2)
        self.stats.append(dict(table_name=table, events=n, late_events=int(late.sum()),
                               duplicates=int(dup.sum())))
        # delivery order over the frame (events + copies); frame row -> event -> part row
        ext_pos = np.argsort(received_ext, kind="stable")
        frame_row = np.r_[np.arange(n), dup_idx][ext_pos] if len(dup_idx) else ext_pos
        part_row = order[frame_row]
        columns: dict[str, pa.Array] = {}
        for name in names:
            if name == "timestamp":
                continue
            values = _concat_parts([p.get(name) for p in parts],
                                   [len(p["timestamp"]) for p in parts])
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


def build_world(scale: str, seed: int, start_us: int, end_us: int, progress=None) -> World:
    return _Builder(scale, seed, start_us, end_us, progress).build()


class _Builder:
    def __init__(self, scale, seed, start_us, end_us, progress):
        self.p = SCALES[scale]
        self.scale = scale
        self.seed = seed
        self.rngs = Rngs(seed)
        self.start = start_us
        self.end = end_us
        self.world_end = end_us + FUTURE_DAYS * DAY
        self.tables: dict[str, RawTable] = {}
        self.truth: dict[str, pd.DataFrame] = {}
        self.events = EventSink(self.rngs)
        self.progress = progress or (lambda step: None)

    # ------------------------------------------------------------------ utilities
    def state(self, name, df, key, delivered, deleted=None, exprs=None):
        delivered = np.asarray(delivered, dtype=np.int64)
        assert len(delivered) == len(df) and (len(df) == 0 or delivered.min() > 0), name
        df = df.reset_index(drop=True)
        df["_delivered_at"] = ts_col(delivered)
        df["_deleted"] = np.zeros(len(df), bool) if deleted is None else np.asarray(deleted, bool)
        self.tables[name] = RawTable(name, df, "state", tuple(key), exprs or {})

    def replica_time(self, t, rng):
        return next_slot(np.asarray(t, np.int64), REPLICA_LOADS) + rng.integers(0, 90 * SEC, len(t))

    def build(self) -> World:
        self.progress("organizations")
        self.organizations()
        self.progress("members")
        self.members()
        self.progress("staff")
        self.staff()
        self.progress("salesforce")
        self.salesforce()
        self.progress("episodes")
        self.episodes()
        self.progress("segment")
        for name in sorted(self.events.tables) + [t for t in EMPTY_SEGMENT_TABLES]:
            if name not in self.tables:
                self.tables[name] = self.events.build(name)  # simulated when first read
                self.events.order.append(name)
        empty_state = {"mm.posts": ("id",), "wiw.users_snapshot_2018_09": ("user_id",)}
        for name, key in empty_state.items():
            self.state(name, pd.DataFrame({key[0]: pd.Series([], dtype=object)}), key,
                       np.array([], np.int64))
        return World(self.tables, self.truth, self.start, self.end, self.world_end, self.events)

    # ------------------------------------------------------------------ organizations and plans
    def organizations(self):
        rng = self.rngs("organizations")
        n_regular = max(self.p["orgs"] - len(SPECIAL_ORGS), 3)
        ids, candidate = [], 100
        while len(ids) < n_regular:
            if candidate not in SPECIAL_ORGS:
                ids.append(candidate)
            candidate += 1
        regular = np.array(ids, np.int64)
        lo, hi = to_us("2019-06-01"), self.start - 30 * DAY
        created_regular = np.sort(rng.integers(lo, hi, n_regular))
        created_regular = (created_regular // DAY) * DAY + 14 * HOUR
        # the newest organization launches in the future part of the world (delivered by load)
        created_regular[-1] = (self.end // DAY + 3) * DAY + 14 * HOUR
        special = np.array(sorted(SPECIAL_ORGS), np.int64)
        created_special = np.array([to_us(SPECIAL_ORGS[i]) + 14 * HOUR for i in special])
        org_id = np.concatenate([special, regular])
        created = np.concatenate([created_special, created_regular])
        n = len(org_id)
        city_idx = rng.integers(0, len(CITIES), n)
        city = np.array([CITIES[i][0] for i in city_idx], dtype=object)
        prov = np.array([CITIES[i][1] for i in city_idx], dtype=object)
        words = rng.integers(0, len(COMPANY_WORDS), n)
        kinds = rng.integers(0, len(COMPANY_KINDS), n)
        name = [f"{COMPANY_WORDS[w]} {COMPANY_KINDS[k]}" for w, k in zip(words, kinds)]
        # a few names carry a province hint (domain.md §6.11 province inference)
        hint = rng.random(n) < 0.2
        name = [f"{c} {nm}" if h else nm for nm, c, h in zip(name, city, hint)]
        name = [f"{nm} ({i})" for nm, i in zip(name, org_id)]
        special_names = {9: "QA Test Org", 617: "Test Organization A", 618: "Test Organization B",
                         692: "Sandbox Org", 18: "Dialogue Technologies", 61: "Dialogue Staff",
                         251: "Dialogue Family"}
        name = [special_names.get(int(i), nm) for i, nm in zip(org_id, name)]
        pref = choice(rng, ["english", "french", "bilingual-english-french",
                            "bilingual-french-english"], [35, 35, 15, 15], n)
        pref = np.where(prov == "QC", np.where(rng.random(n) < 0.6, "french", pref), pref)
        billing_method = choice(rng, ["invoice", "credit_card", None], [60, 30, 10], n)
        billing_start = ((created // DAY) * DAY + rng.integers(0, 40, n) * DAY)
        billing_start = np.where(rng.random(n) < 0.12, -1, billing_start)  # missing: fallback
        tax_province = np.where(rng.random(n) < 0.85, prov, None)
        rate = rng.lognormal(0, 1.0, n)
        rate[np.isin(org_id, TEST_ORGS)] = 0
        self.org = pd.DataFrame(dict(id=org_id, created=created, name=name, city=city, prov=prov,
                                     pref=pref, weight=rate))
        rng2 = self.rngs("organizations:rows")
        imported = self.replica_time(created, rng2)
        org_rows = pd.DataFrame(dict(
            id=org_id, name=name, created=ts_col(created), email_preference=pref,
            billing_method=billing_method,
            billing_start_date=ts_col(np.where(billing_start < 0, 0, billing_start)),
            tax_province=tax_province,
            chargebee_id=np.where(billing_method == "credit_card",
                                  np.char.add("cb_", org_id.astype(str)), None),
            imported_at=ts_col(imported)))
        org_rows.loc[billing_start < 0, "billing_start_date"] = pd.NaT
        # one regular organization is deleted in the future part (row removed from the replica)
        doomed = int(regular[len(regular) // 2])
        t_del = self.end + 2 * DAY + 9 * HOUR
        deleted_row = org_rows[org_rows.id == doomed].copy()
        deleted_row["imported_at"] = ts_col(self.replica_time(np.array([t_del]), rng2))
        org_versions = pd.concat([org_rows, deleted_row], ignore_index=True)
        self.state("scribe.organization", org_versions, ("id",),
                   org_versions["imported_at"].values.astype("datetime64[us]").astype(np.int64),
                   deleted=np.r_[np.zeros(len(org_rows), bool), True])
        self.truth["deleted_organizations"] = pd.DataFrame(dict(organization_id=[doomed]))
        # addresses: one per org, a second (newer) one for some
        second = rng.random(n) < 0.15
        addr_org = np.r_[org_id, org_id[second]]
        addr_created = np.r_[created, created[second] + 200 * DAY]
        addr_city = np.r_[city, city[second]]
        addr_prov = np.r_[prov, prov[second]]
        keep = addr_created < self.world_end
        addr = pd.DataFrame(dict(
            id=np.arange(1, len(addr_org) + 1)[keep], organization_id=addr_org[keep],
            city=addr_city[keep],
            address_1=[f"{100 + i * 7} Rue Principale" for i in range(keep.sum())],
            address_2=None, postal_code="H2X 1Y4", province=addr_prov[keep], country="CA"))
        addr_imported = self.replica_time(addr_created[keep], rng2)
        addr["imported_at"] = ts_col(addr_imported)
        self.state("scribe.organization_address", addr, ("id",), addr_imported)
        self._plans(rng)

    def _plans(self, rng):
        org = self.org
        n = len(org)
        plan_id = 5000 + np.arange(n)
        strategy = choice(rng, ["free", "fixed", "dynamic", "auto_dynamic"], [12, 15, 53, 20], n)
        price = np.select(
            [strategy == "free", strategy == "fixed", strategy == "dynamic"],
            [0.0, rng.choice([500.0, 1200.0, 2500.0, 4000.0], n),
             rng.choice([7.0, 8.5, 9.0, 10.0, 12.0], n)], 15.0)
        exceptions = {230: ("fixed", 0.10), 61: ("free", 0.0), 18: ("free", 0.0),
                      251: ("free", 0.0), 47: ("dynamic", 9.0), 84: ("dynamic", 9.0),
                      56: ("dynamic", 15.0)}
        for org_id, (s, pr) in exceptions.items():
            mask = org.id.to_numpy() == org_id
            strategy[mask] = s
            price[mask] = pr
        strategy = np.where(rng.random(n) < 0.03, None, strategy)  # missing strategy = free
        created = org.created.to_numpy()
        self.org["plan_id"] = plan_id
        rng2 = self.rngs("plans:rows")
        plans = pd.DataFrame(dict(
            id=plan_id, organization_id=org.id.to_numpy(), created=ts_col(created),
            during=fmt_range(created), description_en="Virtual care for employees",
            description_fr="Soins virtuels pour les employes", name_en="Dialogue Virtual Care",
            name_fr="Soins virtuels Dialogue", stripe_plan_id=[f"plan_{i}" for i in plan_id],
            charge_strategy=strategy, charge_price=np.round(price, 2)))
        imported = self.replica_time(created, rng2)
        plans["imported_at"] = ts_col(imported)
        # scheduled changes: some plans change price and strategy (one in history, the rest after)
        regular = ~org.id.isin(list(SPECIAL_ORGS)).to_numpy() & (created < self.end)
        idx = np.flatnonzero(regular)
        changing = rng.choice(idx, size=max(2, len(idx) // 7), replace=False)
        changes = plans.iloc[changing].copy()
        when = self.end + rng.integers(1 * DAY, (FUTURE_DAYS - 2) * DAY, len(changes))
        when[0] = self.start + (self.end - self.start) // 2
        changes["charge_strategy"] = np.where(changes["charge_strategy"] == "dynamic",
                                              "auto_dynamic", "dynamic")
        changes["charge_price"] = np.where(changes["charge_strategy"] == "dynamic", 11.0, 15.0)
        change_imported = self.replica_time(when, rng2)
        changes["imported_at"] = ts_col(change_imported)
        versions = pd.concat([plans, changes], ignore_index=True)
        self.state("scribe.plan", versions, ("id",), np.r_[imported, change_imported])
        self.truth["plan_changes"] = pd.DataFrame(dict(
            plan_id=changes["id"].to_numpy(), changed_at=ts_col(change_imported)))
        # features and plan features
        feature = pd.DataFrame(dict(id=np.arange(1, len(FEATURES) + 1), label=FEATURES,
                                    created=ts_col(np.full(len(FEATURES), to_us("2017-01-01")))))
        self.state("scribe.feature", feature, ("id",),
                   np.full(len(FEATURES), to_us("2017-01-01 06:00")))
        has = rng.random((n, len(FEATURES))) < np.array(FEATURE_RATES)
        p_idx, f_idx = np.nonzero(has)
        pf = pd.DataFrame(dict(plan_id=plan_id[p_idx], feature_id=f_idx + 1,
                               created=ts_col(created[p_idx])))
        pf_imported = self.replica_time(created[p_idx], rng2)
        # two plans gain mental_health in the future part
        gain = [i for i in changing[:4] if not has[i, 3]][:2]
        extra = pd.DataFrame(dict(plan_id=plan_id[gain], feature_id=np.full(len(gain), 4),
                                  created=ts_col(np.full(len(gain), self.end + DAY))))
        extra_imported = self.replica_time(np.full(len(gain), self.end + DAY), rng2)
        pf = pd.concat([pf, extra], ignore_index=True)
        pf_imp = np.r_[pf_imported, extra_imported]
        pf["imported_at"] = ts_col(pf_imp)
        self.state("scribe.plan_feature", pf, ("plan_id", "feature_id"), pf_imp)

    # ------------------------------------------------------------------ members
    def members(self):
        rng = self.rngs("members")
        org = self.org
        member_orgs = org[~org.id.isin(TEST_ORGS)]
        weights = member_orgs.weight.to_numpy()
        n_emp = self.p["employees"]
        emp_org_idx = rng.choice(len(member_orgs), size=n_emp, p=weights / weights.sum())
        emp_org_idx = np.sort(emp_org_idx)
        emp_org = member_orgs.id.to_numpy()[emp_org_idx]
        org_created = member_orgs.created.to_numpy()[emp_org_idx]
        span = np.maximum(self.world_end - org_created, DAY)
        emp_created = org_created + (span * rng.beta(1.0, 2.5, n_emp)).astype(np.int64)
        # plus test users, employees of the test organizations
        n_test = len(TEST_USERS)
        test_org = np.array([TEST_ORGS[i % len(TEST_ORGS)] for i in range(n_test)])
        test_created = np.array([to_us("2020-02-01") + i * 30 * DAY for i in range(n_test)])
        emp_id = FIRST_MEMBER_ID + np.arange(n_emp)
        emp_id = np.r_[emp_id, np.array(TEST_USERS)]
        emp_org = np.r_[emp_org, test_org]
        emp_created = np.r_[emp_created, test_created]
        n_all = len(emp_id)
        # family: spouses and children (ids after the employees)
        has_spouse = rng.random(n_all) < 0.25
        n_children = np.where(rng.random(n_all) < 0.3, rng.integers(1, 4, n_all), 0)
        has_spouse[n_emp:] = False
        n_children[n_emp:] = 0
        sp_parent = np.flatnonzero(has_spouse)
        ch_parent = np.repeat(np.arange(n_all), n_children)
        next_id = FIRST_MEMBER_ID + n_emp
        sp_id = next_id + np.arange(len(sp_parent))
        ch_id = next_id + len(sp_parent) + np.arange(len(ch_parent))
        sp_created = emp_created[sp_parent] + rng.integers(0, 90 * DAY, len(sp_parent))
        ch_created = emp_created[ch_parent] + rng.integers(0, 120 * DAY, len(ch_parent))
        # all persons
        uid = np.r_[emp_id, sp_id, ch_id]
        kind = np.r_[np.zeros(n_all, np.int8), np.ones(len(sp_id), np.int8),
                     np.full(len(ch_id), 2, np.int8)]
        parent = np.r_[np.arange(n_all), sp_parent, ch_parent]  # index of the employee
        created = np.r_[emp_created, sp_created, ch_created]
        n = len(uid)
        org_of = emp_org[parent]
        # contract start / birthdays / ages
        contract_start = (emp_created // DAY) * DAY
        age_at_created = np.where(kind == 2, rng.integers(0, 20, n),
                                  rng.integers(22, 65, n)).astype(np.int64)
        birthday_us = created - age_at_created * 365 * DAY - rng.integers(0, 365, n) * DAY
        # signup (adults only): 70% sign up after an exponential delay
        signs_up = (kind < 2) & (rng.random(n) < 0.7)
        signup = created + (rng.exponential(20, n) * DAY).astype(np.int64) + 10 * HOUR
        signup = np.where(signs_up, signup, np.iinfo(np.int64).max)
        signup[n_emp:n_all] = np.minimum(signup[n_emp:n_all], created[n_emp:n_all] + DAY)
        # language & province
        pref = org.set_index("id").pref.reindex(org_of).to_numpy()
        fr_prob = np.select([pref == "french", pref == "bilingual-french-english",
                             pref == "bilingual-english-french"], [0.85, 0.6, 0.4], 0.15)
        lang = np.where(rng.random(n) < fr_prob, "fr", "en")
        case = rng.random(n)
        lang_raw = np.where(case < 0.6, np.char.upper(lang.astype(str)),
                            np.where(case < 0.9, lang, None)).astype(object)
        org_prov = org.set_index("id").prov.reindex(org_of).to_numpy()
        prov_codes = [p[0] for p in PROVINCES]
        prov_w = np.array([p[2] for p in PROVINCES], float)
        own = rng.choice(prov_codes, size=n, p=prov_w / prov_w.sum())
        residence = np.where(rng.random(n) < 0.7, org_prov, own).astype(object)
        residence[rng.random(n) < 0.2] = None
        gender = choice(rng, ["M", "F", None, "m", "f"], [44, 44, 6, 3, 3], n)
        first = np.array(FIRST_NAMES, dtype=object)[rng.integers(0, len(FIRST_NAMES), n)]
        last = np.array(LAST_NAMES, dtype=object)[rng.integers(0, len(LAST_NAMES), n)]
        last = np.where(kind == 0, last, last[parent])
        status = full_obj(n, "invited")
        static_status = choice(rng, ["deactivated", "deleted", "future", None], [2, 1, 1, 96], n)
        self.people = pd.DataFrame(dict(
            uid=uid, kind=kind, parent=parent, created=created, org=org_of, lang=lang,
            signup=signup, first=first, last=last))
        self.n_emp_all = n_all
        # ---- scribe.users versions: created (invited), signup (registered), language change
        users = pd.DataFrame(dict(
            id=uid, first_name=first, last_name=last,
            birthday=pd.Series(pd.DatetimeIndex(birthday_us.astype("datetime64[us]")).date),
            age=pd.array(np.where(rng.random(n) < 0.1, -1, age_at_created), dtype="Int64"),
            gender=gender, language=lang_raw, residence_province=residence, country="CA",
            address_country="CA", address_state=residence,
            status=status, family_id=np.char.add("fam_", uid[parent].astype(str)),
            created_at=ts_col(created)))
        users.loc[users.age == -1, "age"] = pd.NA
        users.loc[rng.random(n) < 0.1, "birthday"] = None
        users["email"] = (pd.Series(first).str.lower() + "." + pd.Series(last).str.lower() + "."
                          + pd.Series(uid.astype(str)) + "@example.com")
        users["auth_id"] = None
        users.loc[static_status != None, "status"] = static_status[static_status != None]  # noqa
        v_created = users.copy()
        v_created_at = created + rng.integers(1 * MIN, 30 * MIN, n)
        reg_mask = signup < self.world_end
        v_reg = users[reg_mask].copy()
        v_reg["status"] = np.where(v_reg["status"] == "invited", "registered", v_reg["status"])
        v_reg["auth_id"] = "auth0|" + pd.Series(uid[reg_mask].astype(str)).str.zfill(12).to_numpy()
        v_reg_at = signup[reg_mask] + rng.integers(1 * MIN, 30 * MIN, reg_mask.sum())
        # language changes in the future part of the world
        cand = np.flatnonzero((created < self.end) & (kind < 2))
        changers = rng.choice(cand, size=max(2, len(cand) // 50), replace=False)
        v_lang = users.iloc[changers].copy()
        later_registered = reg_mask[changers]
        v_lang.loc[later_registered, "status"] = v_reg.set_index("id").reindex(
            uid[changers][later_registered])["status"].to_numpy()
        v_lang.loc[later_registered, "auth_id"] = v_reg.set_index("id").reindex(
            uid[changers][later_registered])["auth_id"].to_numpy()
        v_lang["language"] = np.where(lang[changers] == "fr", "EN", "FR")
        v_lang_at = np.maximum(self.end + rng.integers(DAY, (FUTURE_DAYS - 1) * DAY, len(changers)),
                               np.where(later_registered, signup[changers] + HOUR, 0))
        # auth_id joined apart: an all-None object column makes pd.concat test every value
        auth_id = np.concatenate([v.pop("auth_id").to_numpy(object) for v in (v_created, v_reg,
                                                                               v_lang)])
        versions = pd.concat([v_created, v_reg, v_lang], ignore_index=True)
        versions["auth_id"] = auth_id
        v_at = np.r_[v_created_at, v_reg_at, v_lang_at]
        versions["received_at"] = ts_col(v_at)
        self.state("scribe.users", versions, ("id",), v_at)
        self.truth["language_changes"] = pd.DataFrame(dict(
            user_id=uid[changers].astype(str), changed_at=ts_col(v_lang_at)))
        # ---- Segment events: user_signed_up, child_added
        s_idx = np.flatnonzero(signup < self.world_end)
        self.events.add("scribe.user_signed_up", signup[s_idx], uid[s_idx])
        c_idx = np.flatnonzero(kind == 2)
        self.events.add("scribe.child_added", created[c_idx], uid[parent[c_idx]],
                        dependent_id=uid[c_idx].astype(str),
                        family_id=np.char.add("fam_", uid[parent[c_idx]].astype(str)))
        self._contracts(rng, emp_id, emp_org, emp_created, contract_start[:n_all])

    def _contracts(self, rng, emp_id, emp_org, emp_created, start):
        n = len(emp_id)
        people = self.people
        contract_id = 700000 + np.arange(n)
        closed = rng.random(n) < 0.07
        end = start + rng.integers(60, 900, n) * DAY
        end = np.where(closed & (end < self.end), end, -1)
        plan_of = self.org.set_index("id").plan_id.reindex(emp_org).to_numpy()
        prov_names = {c: nm for c, nm, _ in PROVINCES}
        org_prov = self.org.set_index("id").prov.reindex(emp_org).to_numpy()
        admin = rng.random(n) < 0.5
        codes = [p[0] for p in PROVINCES]
        iso = np.where(admin, org_prov, None)
        contracts = pd.DataFrame(dict(
            id=contract_id, created=ts_col(emp_created), during=fmt_range(start, end),
            plan_id=plan_of, plan_organization_id=emp_org, participant_id=emp_id,
            admin_area_id=pd.array(np.where(admin, [codes.index(c) + 1 if c in codes else 0
                                                    for c in org_prov], -1), dtype="Int64"),
            admin_area_country_id=pd.array(np.where(admin, 39, -1), dtype="Int64"),
            admin_area_iso_code=np.where(admin, np.char.add("CA-", org_prov.astype(str)), None),
            admin_area_name=[prov_names.get(c) if a else None for c, a in zip(iso, admin)]))
        contracts.loc[~admin, ["admin_area_id", "admin_area_country_id"]] = pd.NA
        rng2 = self.rngs("contracts:rows")
        imported = self.replica_time(emp_created, rng2)
        # scheduled: some open contracts end in the future part (during upper bound set)
        open_now = np.flatnonzero((end < 0) & (emp_created < self.end) & (emp_id >= FIRST_MEMBER_ID))
        ending = rng.choice(open_now, size=max(2, len(open_now) // 40), replace=False)
        when = self.end + rng.integers(DAY, (FUTURE_DAYS - 1) * DAY, len(ending))
        v_end = contracts.iloc[ending].copy()
        v_end["during"] = fmt_range(start[ending], (when // DAY + 1) * DAY)
        v_end_imported = self.replica_time(when, rng2)
        versions = pd.concat([contracts, v_end], ignore_index=True)
        v_at = np.r_[imported, v_end_imported]
        versions["imported_at"] = ts_col(v_at)
        self.state("scribe.contract", versions, ("id",), v_at)
        self.truth["contract_ends"] = pd.DataFrame(dict(contract_id=contract_id[ending],
                                                        changed_at=ts_col(v_end_imported)))
        self.contract_end = np.where(end < 0, np.iinfo(np.int64).max, end)
        # user_contract: employee and family members on the employee's contract
        uc_contract = contract_id[people.parent.to_numpy()]
        uc_at = self.replica_time(people.created.to_numpy(), rng2)
        uc = pd.DataFrame(dict(user_id=people.uid.astype(str).to_numpy(),
                               contract_id=uc_contract, imported_at=ts_col(uc_at)))
        self.state("scribe.user_contract", uc, ("user_id", "contract_id"), uc_at)

    # ------------------------------------------------------------------ staff
    def staff(self):
        rng = self.rngs("staff")
        st = self.p["staff"]
        pool_sizes = dict(nc=int(2 * st["nc"] * 1.6) + 1, cc=int(2 * st["cc"] * 1.6) + 1,
                          np=int(st["np"] * 1.6) + 1, gp=int(st["gp"] * 1.6) + 1,
                          psy=st["psy"] + 1, nutr=st["nutr"] + 1)
        specs = dict(nc=["Nurse", "Nurse Clinician"], cc=["Care Coordinator", "Medical Assistant"],
                     np=["Nurse Practitioner"], gp=["Family Physician"],
                     psy=["Psychologist", "Psychotherapist"], nutr=["Nutritionist"])
        rates = dict(nc=46.0, cc=26.0, np=62.0, gp=95.0, psy=70.0, nutr=50.0)
        rows, next_id = [], FIRST_PRACTITIONER_ID
        self.pools = {}
        for role in ("nc", "cc", "np", "gp", "psy", "nutr"):
            ids = next_id + np.arange(pool_sizes[role])
            next_id += pool_sizes[role]
            self.pools[role] = ids
            spec = np.array(specs[role], dtype=object)[
                (rng.random(len(ids)) < 0.3).astype(int) % len(specs[role])]
            for i, s in zip(ids, spec):
                rows.append((int(i), role, s, rates[role]))
        extra = [(next_id, "other", None, 30.0), (next_id + 1, "other", "Physiotherapist", 55.0)]
        rows += extra
        pr = pd.DataFrame(rows, columns=["uid", "role", "spec", "rate"])
        self.practitioners = pr
        self.role_of = dict(zip(pr.uid, pr.role))
        self.state("coredata.practitioner",
                   pd.DataFrame(dict(id=pr.uid.astype(str), main_specialization=pr.spec)), ("id",),
                   np.full(len(pr), to_us("2018-01-01")))
        # practitioners are Scribe users too (appended to scribe.users, no contract)
        n = len(pr)
        first = np.array(FIRST_NAMES, dtype=object)[rng.integers(0, len(FIRST_NAMES), n)]
        last = np.array(LAST_NAMES, dtype=object)[rng.integers(0, len(LAST_NAMES), n)]
        created = to_us("2018-06-01") + rng.integers(0, 1500, n) * DAY
        pusers = pd.DataFrame(dict(
            id=pr.uid.to_numpy(), first_name=first, last_name=last,
            email=[f"{f.lower()}.{l_.lower()}@dialogue.co" for f, l_ in zip(first, last)],
            birthday=None, age=pd.array([pd.NA] * n, dtype="Int64"),
            gender=choice(rng, ["M", "F"], [35, 65], n), language=choice(rng, ["FR", "EN"], [6, 4], n),
            residence_province="QC", country="CA", address_country="CA", address_state="QC",
            status="registered", family_id=None, auth_id=[f"auth0|staff{i}" for i in pr.uid],
            created_at=ts_col(created), received_at=ts_col(created + HOUR)))
        bot = pusers.iloc[:1].copy()
        bot["id"], bot["first_name"], bot["last_name"] = BOT_USER, "Dialogue", "Bot"
        bot["email"] = "bot@dialogue.co"
        pusers = pd.concat([pusers, bot], ignore_index=True)
        u = self.tables["scribe.users"]
        df = pd.concat([u.df, pusers.assign(_delivered_at=pusers["received_at"], _deleted=False)],
                       ignore_index=True)
        self.tables["scribe.users"] = RawTable(u.name, df, "state", u.key, u.exprs)
        self._wiw(rng, pr)

    def _wiw(self, rng, pr):
        from catwalk.warehouse.seeds import position_groups

        positions = position_groups()
        pos_names = list(positions)
        pos_id = {nm: i + 1 for i, nm in enumerate(pos_names)}
        pos_df = pd.DataFrame(dict(id=np.arange(1, len(pos_names) + 2),
                                   name=pos_names + ["Nurse"],
                                   is_deleted=[False] * len(pos_names) + [True]))
        t0 = to_us("2018-01-01 06:00")
        self.state("tap_wiw.positions", pos_df.assign(_sdc_batched_at=ts_col(np.full(len(pos_df), t0))),
                   ("id",), np.full(len(pos_df), t0))
        locations = ["Virtual Care Platform", "Admin", "Ubisoft", "Tech support"]
        loc_df = pd.DataFrame(dict(id=np.arange(1, 5), name=locations))
        self.state("tap_wiw.locations", loc_df.assign(_sdc_batched_at=ts_col(np.full(4, t0))),
                   ("id",), np.full(4, t0))
        n = len(pr)
        wiw_id = 7000 + np.arange(n)
        code = pr.uid.astype(str).to_numpy().astype(object)
        code[(pr.role == "other").to_numpy()] = ""  # a few WIW users (not CC/NC) lack their code
        self.wiw_of = dict(zip(pr.uid, wiw_id))
        wusers = pd.DataFrame(dict(
            id=np.r_[wiw_id, [7900, 7901]], employee_code=np.r_[code, ["", None]],
            first_name=["Staff"] * n + ["Admin", "Ops"], last_name=[f"N{i}" for i in range(n + 2)],
            email=[f"staff{i}@dialogue.co" for i in range(n + 2)],
            hourly_rate=np.round(np.r_[pr.rate.to_numpy() * rng.uniform(0.9, 1.1, n), [30, 30]], 2)))
        self.state("tap_wiw.users", wusers.assign(_sdc_batched_at=ts_col(np.full(n + 2, t0))),
                   ("id",), np.full(n + 2, t0))
        # shifts per local day and block
        st = self.p["staff"]
        first_day = (self.start // DAY) - 7
        last_day = self.world_end // DAY + 1
        reduced = reduced_days()
        rows = []  # (user, start_local, end_local, position, location)
        for d in range(first_day, last_day):
            date = dt.date(1970, 1, 1) + dt.timedelta(days=int(d))
            day_local = d * DAY
            weekend = date.weekday() >= 5 or date in reduced
            if weekend:
                blocks = [("nc", 10, 16, st["nc"], "Nurse"), ("cc", 10, 16, st["cc"], "Care Coordinator"),
                          ("gp", 10, 16, 1, "GP"), ("np", 10, 16, 1, "Nurse Practitioner")]
            else:
                blocks = [("nc", 8, 14, st["nc"], "Nurse Clinician"),
                          ("nc", 14, 20, st["nc"], "Evening Shift Nurse"),
                          ("cc", 8, 14, st["cc"], "Care Coordinator"),
                          ("cc", 14, 20, st["cc"], "Care Coordinator"),
                          ("np", 9, 17, st["np"], "Nurse Practitioner"),
                          ("gp", 10, 16, st["gp"], "GP"), ("psy", 9, 13, st["psy"], "Psychologist"),
                          ("nutr", 13, 17, st["nutr"], "Nutritionist")]
            perms = {r: rng.permutation(self.pools[r]) for r in self.pools}
            used = {r: 0 for r in self.pools}
            for role, h0, h1, k, position in blocks:
                for j in range(k):
                    person = perms[role][used[role] % len(perms[role])]
                    used[role] += 1
                    pos = position
                    if role == "cc" and j == 0:
                        pos = "Shift Manager"
                    elif role == "nc" and not weekend and h0 == 8:
                        pos = ["Nurse Clinician", "Nurse", "Triage Nurse"][j % 3]
                    rows.append((person, day_local + h0 * HOUR, day_local + h1 * HOUR, pos, 1))
            if not weekend and date.weekday() in (1, 3):
                person = perms["nc"][used["nc"] % len(perms["nc"])]
                rows.append((person, day_local + 9 * HOUR, day_local + 12 * HOUR, "Ubisoft Nurse", 3))
                rows.append((7900, day_local + 9 * HOUR, day_local + 17 * HOUR, "Training", 2))
        sh = pd.DataFrame(rows, columns=["user", "start_local", "end_local", "position", "location"])
        start_utc = local_to_utc(sh.start_local.to_numpy())
        end_utc = local_to_utc(sh.end_local.to_numpy())
        hours = (end_utc - start_utc) / HOUR
        wiw_user = np.array([self.wiw_of.get(u, u) for u in sh.user])
        published = rng.random(len(sh)) >= 0.02
        shift_id = 300000 + np.arange(len(sh))
        created = start_utc - 14 * DAY
        batched = next_slot(created, REPLICA_LOADS) + rng.integers(0, 300 * SEC, len(sh))
        shifts = pd.DataFrame(dict(
            id=shift_id, start_time=ts_col(start_utc), end_time=ts_col(end_utc),
            break_time=np.where(hours >= 6, 0.5, 0.0), location_id=sh.location.to_numpy(),
            position_id=[pos_id[p] for p in sh.position], published=published,
            user_id=wiw_user, _sdc_batched_at=ts_col(batched)))
        # eight shifts delivered twice by the tap under a second id (excluded by the base model,
        # seeds/data_wiw_duplicate_shifts.csv): copies of the first VCP shifts of the history
        first = np.flatnonzero((start_utc >= self.start) & (sh.location.to_numpy() == 1))[:8]
        dups = shifts.iloc[first].copy()
        dups["id"] = DUPLICATE_SHIFT_IDS[: len(first)]
        shifts = pd.concat([shifts, dups], ignore_index=True)
        batched = np.r_[batched, batched[first]]
        self.state("tap_wiw.shifts", shifts, ("id",), batched)
        # on-shift lookup grids (15-minute slots, VCP published shifts) per role
        self.grid0 = start_utc.min()
        self.grid = {}
        vcp = (sh.location.to_numpy() == 1) & published
        roles = np.array([self.role_of.get(u, "other") for u in sh.user])
        slot = 15 * MIN
        for role in self.pools:
            m = vcp & (roles == role)
            s0 = (start_utc[m] - self.grid0) // slot
            s1 = (end_utc[m] - self.grid0) // slot
            cnt = (s1 - s0).astype(np.int64)
            g, r = group_rank(cnt)
            slots = s0[g] + r
            members = sh.user.to_numpy()[m][g]
            order = np.argsort(slots, kind="stable")
            slots, members = slots[order], members[order]
            n_slots = int((self.world_end + 2 * DAY - self.grid0) // slot) + 1
            counts = np.bincount(slots, minlength=n_slots)
            offsets = np.cumsum(counts) - counts
            self.grid[role] = (members, counts, offsets)
        self.shifts_frame = pd.DataFrame(dict(user=sh.user.to_numpy(), start=start_utc,
                                              end=end_utc, vcp=vcp))

    def on_shift(self, role: str, t: np.ndarray, rng) -> np.ndarray:
        """A practitioner of `role` on a VCP shift at each time t (any of the role otherwise)."""
        members, counts, offsets = self.grid[role]
        slot = np.clip((t - self.grid0) // (15 * MIN), 0, len(counts) - 1)
        c = counts[slot]
        pick = offsets[slot] + (rng.integers(0, 1 << 30, len(t)) % np.maximum(c, 1))
        pool = self.pools[role]
        fallback = pool[rng.integers(0, len(pool), len(t))]
        chosen = members[np.minimum(pick, len(members) - 1)] if len(members) else fallback
        return np.where(c > 0, chosen, fallback)

    # ------------------------------------------------------------------ salesforce
    def salesforce(self):
        rng = self.rngs("salesforce")
        org = self.org
        n_users = self.p["sf_users"]
        sf_user_id = [f"0054100000{i:08d}" for i in range(n_users)]
        first = np.array(FIRST_NAMES, dtype=object)[rng.integers(0, len(FIRST_NAMES), n_users)]
        last = np.array(LAST_NAMES, dtype=object)[rng.integers(0, len(LAST_NAMES), n_users)]
        t0 = to_us("2018-01-01 06:00")
        users = pd.DataFrame(dict(
            id=sf_user_id, first_name=first, last_name=last,
            name=[f"{f} {l_}" for f, l_ in zip(first, last)],
            email=[f"{f.lower()}.{l_.lower()}@dialogue.co" for f, l_ in zip(first, last)],
            username=[f"{f.lower()}.{l_.lower()}@dialogue.co.sf" for f, l_ in zip(first, last)],
            title=choice(rng, ["Account Manager", "Account Executive", "SDR"], [5, 3, 2], n_users),
            state_code=choice(rng, ["QC", "ON"], [6, 4], n_users), country_code="CA",
            is_active=True, created_date=ts_col(t0 + rng.integers(0, 900, n_users) * DAY),
            last_login_date=ts_col(np.full(n_users, self.start - DAY)), user_type="Standard"))
        self.state("salesforce.users", users, ("id",), np.full(n_users, t0))
        # accounts: one per organization, a few organizations share an account
        n = len(org)
        acc_idx = np.arange(n)
        share = rng.random(n) < 0.1
        acc_idx[share] = np.maximum(acc_idx[share] - 1, 0)
        acc_ids = np.array([f"0014100000{i:08d}" for i in range(n)], dtype=object)
        org_acc = acc_ids[acc_idx]
        used = np.unique(acc_idx)
        am = np.array(sf_user_id, dtype=object)[rng.integers(0, n_users, len(used))]
        created = org.created.to_numpy()[used] - 60 * DAY
        accounts = pd.DataFrame(dict(
            id=acc_ids[used], name=[org.name.iloc[i].split(" (")[0] for i in used],
            industry=choice(rng, ["Technology", "Finance", "Retail", "Manufacturing",
                                  "Healthcare", "Education"], [3, 2, 2, 2, 1, 1], len(used)),
            number_of_employees=rng.integers(10, 3000, len(used)),
            number_of_employees_c=rng.integers(10, 3000, len(used)),
            billing_state_code=org.prov.to_numpy()[used], billing_country_code="CA",
            billing_city=org.city.to_numpy()[used], billing_country="Canada",
            account_source=choice(rng, ["Website", "Partner", "Outbound", "Referral"], [3, 2, 3, 1],
                                  len(used)),
            mrr_c=np.round(rng.uniform(200, 20000, len(used)), 2), sdr_c=am, cs_account_manager_c=am,
            owner_id=am, type="Customer", is_deleted=False, created_date=ts_col(created),
            client_start_date_c=ts_col(org.created.to_numpy()[used]),
            commission_rate_year_1_c=np.where(rng.random(len(used)) < 0.3, 10.0, np.nan),
            commission_rate_year_2_c=np.where(rng.random(len(used)) < 0.3, 5.0, np.nan)))
        deleted = accounts.iloc[:2].copy()
        deleted["id"] = ["0014100000DELETED1", "0014100000DELETED2"]
        deleted["is_deleted"] = True
        accounts = pd.concat([accounts, deleted], ignore_index=True)
        acc_at = np.maximum(accounts.created_date.values.astype("datetime64[us]").astype(np.int64), t0)
        self.state("salesforce.accounts", accounts, ("id",), acc_at)
        mo = pd.DataFrame(dict(
            name=org.name.to_numpy(), sf_account_c=org_acc,
            maestro_org_number_c=org.id.to_numpy().astype(float),
            active_provinces_c=org.prov.to_numpy(), is_deleted=False))
        mo_del = mo.iloc[:2].copy()
        mo_del["is_deleted"] = True
        mo_del["maestro_org_number_c"] = [99901.0, 99902.0]
        mo = pd.concat([mo, mo_del], ignore_index=True)
        mo_at = np.maximum(np.r_[org.created.to_numpy(), org.created.to_numpy()[:2]] - DAY, t0)
        self.state("salesforce.maestro_orgs", mo, ("maestro_org_number_c",), mo_at)
        # contacts, opportunities, products, opportunity products (minimal but valid)
        acc = accounts[~accounts.is_deleted]
        na = len(acc)
        cfirst = np.array(FIRST_NAMES, dtype=object)[rng.integers(0, len(FIRST_NAMES), na)]
        clast = np.array(LAST_NAMES, dtype=object)[rng.integers(0, len(LAST_NAMES), na)]
        contacts = pd.DataFrame(dict(
            id=[f"0034100000{i:08d}" for i in range(na)], account_id=acc.id.to_numpy(),
            first_name=cfirst, last_name=clast, name=[f"{f} {l_}" for f, l_ in zip(cfirst, clast)],
            email=[f"{f.lower()}.{l_.lower()}@client{i}.com" for i, (f, l_) in
                   enumerate(zip(cfirst, clast))],
            title="HR Director", contact_type_c="Decision Maker", is_deleted=False))
        self.state("salesforce.contacts", contacts, ("id",), np.full(na, t0))
        products = pd.DataFrame(dict(
            id=[f"01t4100000{i:08d}" for i in range(5)],
            name=["Virtual Care", "24/7", "Stress Management & Well-Being", "Vaccination Campaign",
                  "Family Plan"], is_deleted=False))
        self.state("salesforce.products", products, ("id",), np.full(5, t0))
        won = rng.random(na) < 0.85
        close = acc.created_date.values.astype("datetime64[us]").astype(np.int64) + 45 * DAY
        opp = pd.DataFrame(dict(
            id=[f"0064100000{i:08d}" for i in range(na)], account_id=acc.id.to_numpy(),
            name=[f"{nm} - Virtual Care" for nm in acc.name], amount=acc.mrr_c.to_numpy(),
            stage_name=np.where(won, "Closed Won", "Decide"), is_closed=won, is_won=won,
            is_deleted=False, close_date=ts_col(close), created_date=acc.created_date.to_numpy(),
            billing_start_date_c=ts_col(close + 15 * DAY), channel_c=choice(
                rng, ["Direct", "Partner"], [7, 3], na),
            lead_source=choice(rng, ["Website", "Webinar", "Referral", "Adwords"], [3, 1, 2, 1], na),
            revenue_type_c="New", owner_id=acc.owner_id.to_numpy(), sdr_c=acc.sdr_c.to_numpy(),
            number_of_employees_c=acc.number_of_employees_c.to_numpy(),
            probability=np.where(won, 100.0, 90.0), self_signup_no_touch_c=False,
            value_period_c="Monthly", pilot_c="No"))
        self.state("salesforce.opportunities", opp, ("id",), np.full(na, t0))
        op = pd.DataFrame(dict(
            id=[f"00k4100000{i:08d}" for i in range(na)], opportunity_id=opp.id.to_numpy(),
            product_2_id=products.id.iloc[0], name="Virtual Care", quantity=1.0,
            list_price=opp.amount.to_numpy(), unit_price=opp.amount.to_numpy(),
            total_price=opp.amount.to_numpy(), subtotal=opp.amount.to_numpy(), is_deleted=False,
            created_date=opp.created_date.to_numpy(), received_at=ts_col(np.full(na, t0))))
        self.state("salesforce.opportunity_product", op, ("id",), np.full(na, t0))

    # ------------------------------------------------------------------ episodes
    def episodes(self):
        rng = self.rngs("episodes")
        ev = self.events
        # --- daily counts and first patient post (local wall clock -> UTC)
        first_day = self.start // DAY
        last_day = (self.world_end - 1) // DAY
        days = np.arange(first_day, last_day + 1)
        dates = [dt.date(1970, 1, 1) + dt.timedelta(days=int(d)) for d in days]
        reduced = reduced_days()
        weekday = np.array([d.weekday() for d in dates])
        factor = np.array([1.25, 1.1, 1.05, 1.0, 0.95, 0.6, 0.55])[weekday]
        factor = np.where([d in reduced for d in dates], 0.5, factor)
        n_day = rng.poisson(self.p["episodes"] * factor)
        ep_day = np.repeat(days, n_day)
        n = len(ep_day)
        day_info = _opening(days, reduced)
        open_h = day_info["open"][ep_day - first_day]
        close_h = day_info["close"][ep_day - first_day]
        in_hours = rng.random(n) < 0.84
        tod_in = open_h * HOUR + (rng.beta(1.6, 2.2, n) * ((close_h - open_h) * HOUR - 20 * MIN))
        evening = rng.random(n) < 0.6
        tod_out = np.where(evening, close_h * HOUR + rng.random(n) * ((24 - close_h) * HOUR - MIN),
                           6 * HOUR + rng.random(n) * ((open_h - 6) * HOUR))
        tod = np.where(in_hours, tod_in, tod_out).astype(np.int64)
        t0_local = ep_day * DAY + tod
        t0 = local_to_utc(t0_local)
        keep = (t0 >= self.start) & (t0 < self.world_end - 2 * HOUR)
        t0, t0_local, ep_day, tod = t0[keep], t0_local[keep], ep_day[keep], tod[keep]
        open_h, close_h = open_h[keep], close_h[keep]
        order = np.argsort(t0, kind="stable")
        t0, t0_local, ep_day, tod = t0[order], t0_local[order], ep_day[order], tod[order]
        open_h, close_h = open_h[order], close_h[order]
        n = len(t0)
        episode_id = 1_000_000 + np.arange(n)
        in_hours = (tod >= open_h * HOUR) & (tod < close_h * HOUR - 15 * MIN)
        # --- who: poster (signed-up adult) and subject (self, spouse, child, someone else)
        pe = self.people
        adults = pe[(pe.kind < 2) & (pe.signup < np.iinfo(np.int64).max)].sort_values(
            "signup", kind="stable")
        a_signup = adults.signup.to_numpy()
        avail = np.searchsorted(a_signup, t0, side="left")
        idx = (rng.random(n) * np.maximum(avail, 1)).astype(np.int64)
        poster_row = adults.index.to_numpy()[np.minimum(idx, len(adults) - 1)]
        uid = pe.uid.to_numpy()
        poster = uid[poster_row]
        subject = poster.copy()
        parent = pe.parent.to_numpy()
        kind = pe.kind.to_numpy()
        emp_row = parent[poster_row]
        # children of the poster's family
        ch_rows = np.flatnonzero(kind == 2)
        ch_parent = parent[ch_rows]
        first_child = np.searchsorted(ch_parent, emp_row, side="left")
        n_child = np.searchsorted(ch_parent, emp_row, side="right") - first_child
        r = rng.random(n)
        pick_child = (r < 0.15) & (n_child > 0)
        child_row = ch_rows[np.minimum(first_child + (rng.random(n) * np.maximum(n_child, 1))
                                       .astype(np.int64), len(ch_rows) - 1)]
        subject = np.where(pick_child, uid[child_row], subject)
        someone_else = (r >= 0.15) & (r < 0.19)
        is_test = rng.random(n) < 0.02
        test_pick = np.array(TEST_USERS)[rng.integers(0, len(TEST_USERS), n)]
        poster = np.where(is_test, test_pick, poster)
        subject = np.where(is_test, test_pick, subject)
        pick_child &= ~is_test
        someone_else &= ~is_test
        lang = pd.Series(pe.lang.to_numpy(), index=uid).reindex(poster).fillna("en").to_numpy()
        abandoned = rng.random(n) < 0.05
        # --- first patient burst
        burst = rng.choice([1, 2, 3], size=n, p=[0.6, 0.3, 0.1])
        # --- response time
        delay = (60 * SEC + rng.exponential(5.5 * MIN, n)).astype(np.int64)
        delay = np.minimum(delay, 45 * MIN)
        next_open_day = np.where(tod < open_h * HOUR, ep_day, ep_day + 1)
        nod_open = _opening(next_open_day - first_day + first_day, reduced)["open"]
        resp_out_local = next_open_day * DAY + nod_open * HOUR + rng.integers(2 * MIN, 35 * MIN, n)
        resp = np.where(in_hours, t0 + delay, local_to_utc(resp_out_local))
        resp = np.maximum(resp, t0 + 50 * SEC)
        cc_first = rng.random(n) < 0.4
        responder = np.where(cc_first, self.on_shift("cc", resp, rng), self.on_shift("nc", resp, rng))
        nurse = np.where(cc_first, self.on_shift("nc", resp + 5 * MIN, rng), responder)
        cared = ~abandoned
        # --- Countdown questionnaires
        self._countdown(rng, episode_id, poster, subject, t0, resp, in_hours, pick_child,
                        someone_else, cared, nurse)
        # --- posts
        post_parts = []

        def code(values, value):  # index in `values`, -1 for None (categorical codes)
            return -1 if value is None else values.index(value)

        def posts(mask, t, user, user_type, internal=False, post_type=None):
            m = np.flatnonzero(mask)
            post_parts.append(dict(ep=episode_id[m], t=t[m], user=user[m],
                                   user_type=np.full(len(m), code(USER_TYPES, user_type), np.int8),
                                   internal=np.full(len(m), internal),
                                   post_type=np.full(len(m), code(POST_TYPES, post_type), np.int8)))

        all_ = np.ones(n, bool)
        posts(all_, t0, poster, "patient")
        posts(burst >= 2, t0 + 20 * SEC, poster, "patient")
        posts(burst >= 3, t0 + 40 * SEC, poster, "patient")
        posts(all_, t0 + 2 * SEC, np.full(n, BOT_USER), None, True, "dialogue_system")
        # rounds of care team / patient exchanges on the first day
        rounds = np.where(cared, rng.integers(1, 7, n), 0)
        g, j = group_rank(rounds)
        g1 = rng.integers(40 * SEC, 6 * MIN, len(g))
        g2 = rng.integers(40 * SEC, 6 * MIN, len(g))
        dur = g1 + g2
        cs = np.cumsum(dur)
        starts = np.cumsum(rounds) - rounds
        cs_group = cs - np.repeat(np.r_[0, cs][starts], rounds)
        ct_t = resp[g] + cs_group - dur
        pt_t = ct_t + g1
        ct_user = np.where(j == 0, responder[g], nurse[g])
        last_round = j == rounds[g] - 1
        patient_replies = ~(last_round & (rng.random(len(g)) < 0.5))
        post_parts.append(dict(ep=episode_id[g], t=ct_t, user=ct_user,
                               user_type=np.full(len(g), code(USER_TYPES, "physician"), np.int8),
                               internal=np.zeros(len(g), bool),
                               post_type=np.full(len(g), -1, np.int8)))
        pr_m = patient_replies
        post_parts.append(dict(ep=episode_id[g][pr_m], t=pt_t[pr_m], user=poster[g][pr_m],
                               user_type=np.full(pr_m.sum(), code(USER_TYPES, "patient"), np.int8),
                               internal=np.zeros(pr_m.sum(), bool),
                               post_type=np.full(pr_m.sum(), -1, np.int8)))
        last_t = np.full(n, 0, np.int64)
        np.maximum.at(last_t, g, np.where(pr_m, pt_t, ct_t))
        end_t = np.where(cared, last_t + rng.integers(1 * MIN, 8 * MIN, n), t0 + MIN)
        internal = cared & (rng.random(n) < 0.1)
        posts(internal, resp + 90 * SEC, nurse, "physician", True)
        # pages for every care-team post (built below with all care-team posts)
        # --- Usher states
        never_active = cared & (rng.random(n) < 0.03)
        act = cared & ~never_active
        states = []
        states.append((act, resp - rng.integers(5 * SEC, 15 * SEC, n), responder, "active"))
        wfp = cared & (rng.random(n) < 0.08)
        states.append((wfp, resp + 3 * MIN, nurse, "waiting_for_patient"))
        end_state = choice(rng, ["resolved", "pending", None], [72, 18, 10], n)
        for st in ("resolved", "pending"):
            states.append((cared & (end_state == st), end_t, nurse, st))
        # nudges for waiting_for_patient episodes
        k_nudge = np.where(wfp, rng.integers(1, 4, n), 0)
        gn, jn = group_rank(k_nudge)
        ev.add("unresponsive.nudge", resp[gn] + 3 * MIN + (jn + 1) * HOUR, nurse[gn],
               episode_id=episode_id[gn], iteration=(jn + 1).astype(np.int32))
        # --- properties: issue type, priority, outcome(s)
        it_names = [i for i, _ in ISSUE_TYPES]
        issue = choice(rng, it_names, [w for _, w in ISSUE_TYPES], n)
        ped = pick_child & np.isin(issue, list(PEDIATRIC)) & (rng.random(n) < 0.6)
        issue = np.where(ped, np.char.add(issue.astype(str), "p"), issue).astype(object)
        video = cared & (rng.random(n) < 0.12)
        psy_video = cared & np.isin(issue, ["psy", "psy-pilot", "psyp"]) & (rng.random(n) < 0.5)
        out_names = [o for o, _ in OUTCOMES]
        outcome = choice(rng, out_names, [w for _, w in OUTCOMES], n)
        outcome = np.where(video, choice(rng, ["virtual_appointment", "prescription_pharmacy",
                                               "md_np_appointment", "care_plan"], [5, 3, 1, 2], n),
                           outcome)
        has_outcome = cared & (rng.random(n) < 0.9)
        invalid_first = has_outcome & (rng.random(n) < 0.12)
        props = []
        has_issue = cared & (rng.random(n) < 0.92)
        props.append((has_issue, resp + 2 * MIN, nurse, "issue_type", issue))
        has_prio = cared & (rng.random(n) < 0.6)
        props.append((has_prio, resp + 2 * MIN + 10 * SEC, nurse, "priority_level",
                      choice(rng, ["low", "medium", "high", "urgent"], [4, 4, 2, 0.5], n)))
        props.append((invalid_first, resp + 4 * MIN, nurse, "outcome",
                      choice(rng, INVALID_FIRST, [3, 2, 1, 1], n)))
        props.append((has_outcome, end_t - 30 * SEC, nurse, "outcome", outcome))
        prio_change = has_prio & (rng.random(n) < 0.1)
        props.append((prio_change, end_t - 40 * SEC, nurse, "priority_level",
                      full_obj(n, "low")))
        pt, pu, pe_, ptype, pval = [], [], [], [], []
        for mask, t, user, ptyp, val in props:
            m = np.flatnonzero(mask)
            pt.append(t[m]), pu.append(user[m]), pe_.append(episode_id[m])
            ptype.append(full_obj(len(m), ptyp)), pval.append(val[m])
        pt, pu, pe_ = np.concatenate(pt), np.concatenate(pu), np.concatenate(pe_)
        ptype, pval = np.concatenate(ptype), np.concatenate(pval)
        legacy = rng.random(len(pt)) < 0.02  # legacy rows carry the value in properties_* only
        ev.add("careplatform.update_episode_properties", pt, pu, episode_id=pe_,
               episode_property_type=np.where(legacy, None, ptype),
               episode_property_value=np.where(legacy, None, pval),
               properties_issue_type=np.where(legacy & (ptype == "issue_type"), pval, None),
               properties_outcome=np.where(legacy & (ptype == "outcome"), pval, None))
        # --- slash commands and templates
        cmd_t, cmd_u, cmd_e, cmd_n, cmd_i = [], [], [], [], []

        def command(mask, t, user, name, ids):
            m = np.flatnonzero(mask)
            cmd_t.append(t[m]), cmd_u.append(user[m]), cmd_e.append(episode_id[m])
            cmd_n.append(full_obj(len(m), name)), cmd_i.append(np.asarray(ids)[m])

        booking = video & (rng.random(n) < 0.9) | (cared & (rng.random(n) < 0.03))
        book_t = resp + rng.integers(3 * MIN, 10 * MIN, n)
        command(booking, book_t, nurse, "templates", full_obj(n, "Appointment Virtual"))
        bonjour = cared & (rng.random(n) < 0.03)
        command(bonjour, resp + 6 * MIN, nurse, "templates", full_obj(n, "Bonjour Sante"))
        dispatch = cared & (rng.random(n) < 0.35)
        command(dispatch, resp + 5 * MIN, nurse, "outcome",
                choice(rng, DISPATCH, [3, 4, 3, 1, 3, 3, 0.5, 1, 1, 1, 0.5], n))
        other_tpl = cared & (rng.random(n) < 0.2)
        command(other_tpl, resp + 30 * SEC, responder, "templates",
                choice(rng, ["Welcome", "Follow up", "Prescription info"], [3, 2, 1], n))
        ev.add("careplatform.executed_command", np.concatenate(cmd_t), np.concatenate(cmd_u),
               episode_id=np.concatenate(cmd_e), command_name=np.concatenate(cmd_n),
               command_id=np.concatenate(cmd_i))
        # --- follow-ups on later days, reminders, readmissions
        fu = cared & (rng.random(n) < 0.18)
        fu_days = rng.choice([1, 2, 3, 7], size=n, p=[0.4, 0.3, 0.15, 0.15])
        fu_day = ep_day + fu_days
        fu_local = fu_day * DAY + 10 * HOUR + rng.integers(0, 5 * HOUR, n)
        fu_t = local_to_utc(fu_local)
        fu &= fu_t < self.world_end - HOUR
        fu_nurse = self.on_shift("nc", fu_t, rng)
        rem = np.flatnonzero(fu)
        rem_id = np.char.add("rem_", episode_id[rem].astype(str))
        rem_created = end_t[rem] - 20 * SEC
        rem_due = fu_t[rem] - rng.integers(0, 30 * MIN, len(rem))
        ev.add("careplatform.reminders_create_new_success", rem_created, nurse[rem],
               reminder_id=rem_id, reminder_episode_id=episode_id[rem],
               reminder_due_at=ts_col(rem_due))
        completed = rng.random(len(rem)) < 0.9
        ev.add("careplatform.reminders_status_change_success", fu_t[rem][completed] - MIN,
               fu_nurse[rem][completed], reminder_id=rem_id[completed],
               reminder_episode_id=episode_id[rem][completed],
               reminder_due_at=ts_col(rem_due[completed]),
               reminder_status="completed")
        posts(fu, fu_t, fu_nurse, "physician")
        fu_reply = fu & (rng.random(n) < 0.7)
        fu_reply_t = fu_t + rng.integers(5 * MIN, 90 * MIN, n)
        posts(fu_reply, fu_reply_t, poster, "patient")
        posts(fu_reply, fu_reply_t + 3 * MIN, fu_nurse, "physician")
        states.append((fu, fu_t - 30 * SEC, fu_nurse, "active"))
        fu_end = np.where(fu_reply, fu_reply_t + 6 * MIN, fu_t + 2 * MIN)
        states.append((fu, fu_end, fu_nurse, "resolved"))
        readmit = cared & ~fu & (rng.random(n) < 0.05)
        re_local = (ep_day + rng.integers(1, 5, n)) * DAY + 11 * HOUR + rng.integers(0, 5 * HOUR, n)
        re_t = local_to_utc(re_local)
        readmit &= re_t < self.world_end - HOUR
        re_nurse = self.on_shift("nc", re_t + 6 * MIN, rng)
        posts(readmit, re_t, poster, "patient")
        posts(readmit, re_t + 6 * MIN, re_nurse, "physician")
        states.append((readmit, re_t + 5 * MIN, re_nurse, "active"))
        states.append((readmit, re_t + 12 * MIN, re_nurse, "resolved"))
        st_t, st_u, st_e, st_s = [], [], [], []
        for mask, t, user, state in states:
            m = np.flatnonzero(mask)
            st_t.append(t[m]), st_u.append(user[m]), st_e.append(episode_id[m])
            st_s.append(full_obj(len(m), state))
        ev.add("usher.set_episode_state", np.concatenate(st_t), np.concatenate(st_u),
               episode_id=np.concatenate(st_e), episode_state=np.concatenate(st_s))
        # --- videos (GP/NP/psy consultations and CC/NC triage) and phone calls
        gp_video = video & (rng.random(n) < 0.65)
        v_t = book_t + rng.integers(20 * MIN, 150 * MIN, n)
        v_user = np.where(gp_video, self.on_shift("gp", v_t, rng), self.on_shift("np", v_t, rng))
        v_mask = video.copy()
        v_user = np.where(psy_video, self.on_shift("psy", v_t, rng), v_user)
        v_mask |= psy_video
        triage = cared & ~v_mask & (rng.random(n) < 0.04)
        v_t = np.where(triage, resp + 2 * MIN, v_t)
        v_user = np.where(triage, responder, v_user)
        v_mask |= triage
        v_mask &= v_t < self.world_end - HOUR
        vm = np.flatnonzero(v_mask)
        v_len_all = rng.integers(4 * MIN, 25 * MIN, n)
        v_len = v_len_all[vm]
        path = np.char.add(np.char.add(np.char.add("/consult/", subject[vm].astype(str)), "/"),
                           episode_id[vm].astype(str))
        ev.add("careplatform.video_call_start_call", v_t[vm], v_user[vm],
               episode_id=episode_id[vm], path=path.astype(object),
               patient_id=None)
        ended = rng.random(len(vm)) < 0.97
        ev.add("careplatform.video_call_call_ended", (v_t[vm] + v_len)[ended], v_user[vm][ended],
               episode_id=episode_id[vm][ended], path=path[ended].astype(object),
               patient_id=None)
        # GP / NP / psychologist consultations: the practitioner writes in the chat before calling
        consult = v_mask & ~triage
        posts(consult, v_t - 2 * MIN, v_user, "physician")
        posts(consult & (rng.random(n) < 0.5), v_t + v_len_all + MIN, v_user, "physician")
        phone = cared & (rng.random(n) < 0.07)
        ph_t = resp + rng.integers(1 * MIN, 10 * MIN, n)
        ph = np.flatnonzero(phone)
        call_id = np.char.add("call_", episode_id[ph].astype(str))
        ph_len = rng.integers(3 * MIN, 15 * MIN, len(ph))
        ev.add("telephone_master.call_started", ph_t[ph], responder[ph], call_id=call_id,
               episode_id=episode_id[ph])
        ph_end = rng.random(len(ph)) < 0.97
        ev.add("telephone_master.call_ended", (ph_t[ph] + ph_len)[ph_end], responder[ph][ph_end],
               call_id=call_id[ph_end], episode_id=episode_id[ph][ph_end])
        # --- manual DXA launches
        manual = cared & (rng.random(n) < 0.05)
        mm_ = np.flatnonzero(manual)
        ev.add("messaging.dxa_cc", resp[mm_] + MIN, responder[mm_],
               episode_id=episode_id[mm_],
               cc=np.char.add("cc", rng.integers(1, 34, len(mm_)).astype(str)).astype(object))
        # --- finalize posts and pages
        P = {k: np.concatenate([p[k] for p in post_parts]) for k in post_parts[0]}
        keep = P["t"] < self.world_end
        P = {k: v[keep] for k, v in P.items()}
        npost = len(P["t"])
        length = np.maximum(1, rng.lognormal(4, 0.8, npost).astype(np.int64))
        qm = rng.poisson(0.4, npost).astype(np.int32)
        physician = P["user_type"] == USER_TYPES.index("physician")
        apt = np.flatnonzero(physician & (rng.random(npost) < 0.01))
        next_apt = full_obj(npost, None)
        next_apt[apt] = pd.DatetimeIndex((P["t"][apt] + 2 * DAY).astype("datetime64[us]")).strftime(
            "%Y-%m-%d %H:%M:%S")
        ev.add("messaging.posts", P["t"], P["user"], channel_id=P["ep"],
               post_id=20_000_000 + np.arange(npost),
               user_type=pd.Categorical.from_codes(P["user_type"], USER_TYPES),
               is_internal_post=P["internal"],
               post_type=pd.Categorical.from_codes(P["post_type"], POST_TYPES), message_length=length.astype(np.int32),
               count_question_marks=qm, is_question=qm > 0,
               mention=np.where(rng.random(npost) < 0.02, "@channel", None).astype(object),
               next_appointment=next_apt.astype(object), mm_user_id=P["user"])
        care = np.flatnonzero(physician)
        self.episode_index = (t0, episode_id, subject)
        self._pages(rng, P["t"][care], P["user"][care], P["ep"][care],
                    dict(zip(episode_id, subject)), v_t[vm], v_user[vm], episode_id[vm],
                    subject[vm])
        # --- ratings and NPS
        rated = cared & (rng.random(n) < 0.3)
        ra = np.flatnonzero(rated)
        stars = rng.choice([1, 2, 3, 4, 5], size=len(ra), p=[0.03, 0.04, 0.08, 0.25, 0.6])
        ev.add("patientapp.submit_answer_post_request", end_t[ra] + rng.integers(MIN, HOUR, len(ra)),
               poster[ra], channel_id=episode_id[ra],
               answers=np.char.add(np.char.add("[", stars.astype(str)), "]").astype(object))
        self._nps(rng, episode_id, poster, end_t, cared & (end_state != None), lang)  # noqa: E711
        # --- ground truth
        has_reply = np.zeros(n, bool)
        has_reply[g] = True
        self.truth["episodes"] = pd.DataFrame(dict(
            episode_id=episode_id.astype(str), patient_user_id=poster.astype(str),
            subject_user_id=np.where(someone_else, poster, subject).astype(str),
            is_test_user=is_test, is_dependent_consult=pick_child,
            first_patient_post_at=ts_col(t0), first_post_local=pd.Series(
                t0_local.astype("datetime64[us]")),
            is_first_post_in_opening_hours=in_hours, has_care_team_reply=has_reply & cared,
            has_follow_up=fu, has_video=v_mask, is_delivered_at_end=t0 < self.end))

    def _countdown(self, rng, episode_id, poster, subject, t0, resp, in_hours, pick_child,
                   someone_else, cared, nurse):
        ev = self.events
        n = len(t0)
        starts, finishes, resumes, replies = [], [], [], []

        def instance(mask, qnaire, t_start, t_finish, finished):
            m = np.flatnonzero(mask)
            tid = _Tid(f"{qnaire[:3]}_", episode_id[m])
            starts.append((t_start[m], m, qnaire, tid))
            f = finished[m]
            finishes.append((t_finish[m][f], m[f], qnaire, tid[f]))
            return m, tid

        def reply(m, tid, qnaire, q_id, t, items, values=None, value=None):
            replies.append(dict(t=t, m=m, cd_qnaire=qnaire, cd_qnaire_tid=tid, cd_q_id=q_id,
                                items=items, values=values, value=value))  # cd_q_tid: in SQL

        all_ = np.ones(n, bool)
        yes = np.ones(n, bool)
        m, tid = instance(all_, "top_level_greeting", t0 + 3 * SEC, t0 + 25 * SEC, yes)
        subj_values = np.where(someone_else, '["someone_else"]',
                               np.char.add(np.char.add('["', subject.astype(str)), '"]'))
        subj_items = np.where(someone_else, '["someone_else"]',
                              np.where(pick_child, '["my_child"]', '["myself"]'))
        reply(m, tid, "top_level_greeting", "episode_subject", t0[m] + 20 * SEC,
              subj_items[m].astype(object), subj_values[m].astype(object))
        m, tid = instance(all_, "episode_subject_and_reason", t0 + 30 * SEC, t0 + 50 * SEC, yes)
        topic_q = np.where(in_hours, np.where(rng.random(n) < 0.5, "chat_topic_full_scope",
                                              "chat_topic_closed"), "chat_topic_reduced_scope")
        topics = np.char.add(np.char.add('["', choice(rng, TOPICS, [5, 4, 3, 2, 2, 3, 2], n)
                                          .astype(str)), '"]')
        for q in ("chat_topic_full_scope", "chat_topic_closed", "chat_topic_reduced_scope"):
            sel = topic_q[m] == q
            reply(m[sel], tid[sel], "episode_subject_and_reason", q, t0[m][sel] + 45 * SEC,
                  topics[m][sel].astype(object))
        # chief complaint parse and DXA
        parsed = rng.random(n) < 0.65
        pm = np.flatnonzero(parsed)
        ev.add("countdown.chief_complaint_parsed", t0[pm] + 55 * SEC, poster[pm],
               episode_id=episode_id[pm],
               cc_name=np.char.add("cc", rng.integers(1, 34, len(pm)).astype(str)).astype(object),
               cc_confidence=np.round(rng.uniform(0.2, 0.99, len(pm)), 3),
               confidence_threshold=np.full(len(pm), 0.5))
        dxa = parsed & (rng.random(n) < 0.9)
        dxa_done = rng.random(n) < 0.85
        dxa_start = t0 + 60 * SEC + rng.integers(0, 30 * SEC, n)
        dxa_end = dxa_start + rng.integers(2 * MIN, 10 * MIN, n)
        m, tid = instance(dxa, "dxa", dxa_start, dxa_end, dxa_done)
        k_res = np.where(rng.random(len(m)) < 0.1, rng.integers(1, 3, len(m)), 0)
        gr, jr = group_rank(k_res)
        resumes.append((dxa_start[m][gr] + (jr + 1) * 40 * SEC, m[gr], "dxa", tid[gr]))
        # a second DXA instance for a few episodes
        again = dxa & (rng.random(n) < 0.03)
        m2 = np.flatnonzero(again)
        tid2 = _Tid("dx2_", episode_id[m2])
        starts.append((dxa_end[m2] + MIN, m2, "dxa", tid2))
        # channel selection
        chsel = rng.random(n) < 0.35
        cs_start = np.where(dxa, dxa_end, t0 + 60 * SEC) + 10 * SEC
        m, tid = instance(chsel, "channel_selection", cs_start, cs_start + 40 * SEC,
                          rng.random(n) < 0.95)
        chan = choice(rng, ["chat", "phone", "video"], [6, 2, 2], n)
        reply(m, tid, "channel_selection", "select_channel", cs_start[m] + 15 * SEC,
              np.char.add(np.char.add('["', chan[m].astype(str)), '"]').astype(object),
              None, chan[m].astype(object))
        pref = choice(rng, ["asap", "later_today", "tomorrow"], [6, 3, 1], n)
        reply(m, tid, "channel_selection", "appointment_preference", cs_start[m] + 30 * SEC,
              np.char.add(np.char.add('["', pref[m].astype(str)), '"]').astype(object),
              None, pref[m].astype(object))
        # cc confirmation
        ccc = dxa & (rng.random(n) < 0.3)
        cc_t = dxa_start + 40 * SEC
        m, tid = instance(ccc, "cc_confirmation", cc_t - 10 * SEC, cc_t + 10 * SEC, yes)
        label = np.where(rng.random(len(m)) < 0.2, "cc_confirmation_other",
                         np.char.add("cc", rng.integers(1, 34, len(m)).astype(str)))
        reply(m, tid, "cc_confirmation", "cc_confirmation", cc_t[m],
              np.char.add(np.char.add('["', label), '"]').astype(object))
        for table, parts in (("countdown.questionnaire_start", starts),
                             ("countdown.questionnaire_finish", finishes),
                             ("countdown.questionnaire_resume", resumes)):
            for t, m, qnaire, tid in parts:
                ev.add(table, t, poster[m], channel_id=episode_id[m],
                       cd_qnaire=qnaire, **tid.columns(),
                       exprs={"cd_qnaire_tid": _Tid.SQL})
        for r in replies:
            m = r["m"]
            ev.add("countdown.question_reply", r["t"], poster[m], channel_id=episode_id[m],
                   cd_qnaire=r["cd_qnaire"],
                   **r["cd_qnaire_tid"].columns(), cd_q_id=r["cd_q_id"],
                   exprs={"cd_qnaire_tid": _Tid.SQL,
                          "cd_q_tid": f"{_Tid.SQL} || '_' || CAST(cd_q_id AS VARCHAR)"},
                   quetion_reply_items=r["items"],
                   quetion_reply_values=r["values"], quetion_reply_value=r["value"])

    def _pages(self, rng, post_t, post_user, post_ep, subject_of, v_t, v_user, v_ep, v_subject):
        ev = self.events
        k = len(post_t)
        subj = pd.Series(subject_of).reindex(post_ep).to_numpy()
        shape = rng.choice(3, size=k, p=[0.65, 0.25, 0.10])
        page_t = post_t - rng.integers(5 * SEC, 60 * SEC, k)
        # paths are built in SQL (PAGE_PATH_SQL) from a shape code, the subject and the episode
        prop = rng.random(k) < 0.5  # the page carries its episode id as a property
        # filler activity during VCP shifts: a page view every ~3 minutes, mostly reading the
        # chats of recent episodes (so active time is attributed to episodes), else the dashboard
        sf = self.shifts_frame[self.shifts_frame.vcp & (self.shifts_frame.start < self.world_end)]
        length = (sf.end - sf.start).to_numpy()
        n_f = np.maximum((length / (3 * MIN)).astype(np.int64), 1)
        gf, jf = group_rank(n_f)
        f_t = sf.start.to_numpy()[gf] + jf * (length[gf] // n_f[gf]) + rng.integers(0, 60 * SEC, len(gf))
        f_user = sf.user.to_numpy()[gf]
        nf = len(gf)
        ep_t0, ep_ids, ep_subj = self.episode_index
        recent = np.searchsorted(ep_t0, f_t) - 1 - rng.integers(0, 12, nf)
        on_episode = (recent >= 0) & (rng.random(nf) < 0.85)
        recent = np.clip(recent, 0, max(len(ep_ids) - 1, 0))
        f_shape = rng.choice(2, size=nf, p=[0.75, 0.25])
        weights = np.array([6, 2, 3, 1, 0.2])  # DASHBOARD_PAGES
        f_other = rng.choice(len(weights), size=nf, p=weights / weights.sum())
        f_code = np.where(on_episode, f_shape, 3 + f_other)
        t_all = np.r_[page_t, v_t - 20 * SEC, f_t]
        keep = t_all < self.world_end
        code = np.r_[shape, np.full(len(v_t), 2), f_code].astype(np.int8)[keep]
        ev.add("careplatform.pages", t_all[keep], np.r_[post_user, v_user, f_user][keep],
               _pk=code,
               _ps=np.r_[subj.astype(np.int64), np.asarray(v_subject, np.int64),
                         np.asarray(ep_subj, np.int64)[recent]][keep],
               _pe=np.r_[np.asarray(post_ep, np.int64), np.asarray(v_ep, np.int64),
                         np.asarray(ep_ids, np.int64)[recent]][keep],
               episode_id=pd.arrays.IntegerArray(
                   np.r_[np.asarray(post_ep, np.int64), np.asarray(v_ep, np.int64),
                         np.zeros(nf, np.int64)][keep],
                   np.r_[~prop, np.zeros(len(v_ep), bool), np.ones(nf, bool)][keep]),
               exprs={"path": PAGE_PATH_SQL, "title": "'Care Platform'",
                      "url": f"'https://careplatform.dialogue.co' || ({PAGE_PATH_SQL})"})

    def _nps(self, rng, episode_id, poster, end_t, eligible, lang):
        n = len(episode_id)
        surveyed = eligible & (rng.random(n) < 0.2)
        s = np.flatnonzero(surveyed)
        t = end_t[s] + 7 * DAY + rng.integers(0, 6 * HOUR, len(s))
        keep = t < self.world_end
        s, t = s[keep], t[keep]
        k = len(s)
        score = rng.choice(11, size=k, p=np.array([1, 0.5, 0.5, 1, 1, 1.5, 2.5, 5, 10, 25, 52]) / 100)
        emails = self.tables["scribe.users"].df.drop_duplicates("id").set_index("id")["email"]
        email = emails.reindex(poster[s]).to_numpy()
        unknown = rng.random(k) < 0.08
        email = np.where(unknown, np.char.add(np.char.add("someone", np.arange(k).astype(str)),
                                              "@unknown.example.org"), email).astype(object)
        survey_id = 8_000_000 + np.arange(k)
        batched = next_slot(t, REPLICA_LOADS) + rng.integers(0, 300 * SEC, k)
        org_of = pd.Series(self.people.org.to_numpy(), index=self.people.uid.to_numpy())
        df = pd.DataFrame(dict(
            id=survey_id, created_at=t // SEC, updated_at=t // SEC + 60, score=score.astype(np.int32),
            comment=np.where(rng.random(k) < 0.4, choice(rng, NPS_COMMENTS, [1] * len(NPS_COMMENTS), k),
                             None).astype(object),
            person__id=np.char.add("p", poster[s].astype(str)), person__email=email,
            person_properties__episode_id=np.where(rng.random(k) < 0.85,
                                                   episode_id[s].astype(str), None).astype(object),
            person_properties__user_id=np.where(rng.random(k) < 0.7, poster[s].astype(str),
                                                None).astype(object),
            person_properties__locale=lang[s],
            person_properties__organization_id=org_of.reindex(poster[s]).astype("Int64")
            .astype(str).replace("<NA>", None).to_numpy(),
            person_properties__sex=None, _sdc_batched_at=ts_col(batched)))
        n_tags = rng.choice([0, 1, 2], size=k, p=[0.5, 0.35, 0.15])
        gt, jt = group_rank(n_tags)
        positive = score[gt] >= 9
        tag = np.where(positive, np.array(NPS_TAGS[:4])[rng.integers(0, 4, len(gt))],
                       np.array(NPS_TAGS[4:])[rng.integers(0, 3, len(gt))])
        tags = pd.DataFrame(dict(_sdc_source_key_id=survey_id[gt], _sdc_value=tag.astype(object),
                                 _sdc_level_0_id=jt, _sdc_batched_at=ts_col(batched[gt])))
        for language in ("en", "fr"):
            sel = (lang[s] == language)
            schema = f"tap_delighted_patient_{language}"
            self.state(f"{schema}.survey_responses", df[sel].reset_index(drop=True), ("id",),
                       batched[sel])
            tsel = np.isin(tags._sdc_source_key_id.to_numpy(), survey_id[sel])
            self.state(f"{schema}.survey_responses__tags", tags[tsel].reset_index(drop=True),
                       ("_sdc_source_key_id", "_sdc_level_0_id"), batched[gt][tsel])


EMPTY_SEGMENT_TABLES = [
    "careplatform.cp_video_session_remote_connected", "careplatform.video_destroy_session",
    "careplatform.video_patient_stream_created", "patientapp.video_session_connect_success",
]


def reduced_days() -> set[dt.date]:
    from catwalk.warehouse.seeds import reduced_hours_days

    return reduced_hours_days()


def _opening(days: np.ndarray, reduced: set[dt.date]) -> dict[str, np.ndarray]:
    """Opening and closing local hours per day number (domain.md §5.3, current schedule)."""
    unique, inverse = np.unique(np.asarray(days, dtype=np.int64), return_inverse=True)
    dates = [dt.date(1970, 1, 1) + dt.timedelta(days=int(d)) for d in unique]
    weekend = np.array([d.weekday() >= 5 or d in reduced for d in dates], dtype=bool)
    weekend = weekend[inverse.reshape(-1)]
    return dict(open=np.where(weekend, 10, 8), close=np.where(weekend, 16, 20))


__all__ = ["build_world", "World", "RawTable", "SCALES", "FUTURE_DAYS", "math"]
